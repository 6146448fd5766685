package org.unionhub.reporting.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Materialised paths of the union tree as the read models keep them ({@code /1/17/230/}: the ids from the root down,
 * each followed by a slash). A figure attributed to a node is also a figure of each of its ancestors.
 */
public final class TreePaths {

    private TreePaths() {
    }

    /** The path itself and the paths of all its ancestors, root first: {@code /1/}, {@code /1/17/}, {@code /1/17/230/}. */
    public static List<String> selfAndAncestors(String path) {
        requireWellFormed(path);
        List<String> paths = new ArrayList<>();
        for (int slash = path.indexOf('/', 1); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            paths.add(path.substring(0, slash + 1));
        }
        return paths;
    }

    /** The parent's path; the root has none. */
    public static String parentOf(String path) {
        List<String> chain = selfAndAncestors(path);
        if (chain.size() < 2) {
            throw new IllegalArgumentException("The root has no parent: " + path);
        }
        return chain.get(chain.size() - 2);
    }

    /**
     * The ancestors a moved subtree leaves: those above {@code oldPath} that are not above {@code newPath} (common
     * ancestors keep the subtree's figures, so they are not touched).
     */
    public static List<String> ancestorsLeft(String oldPath, String newPath) {
        List<String> left = strictAncestors(oldPath);
        left.removeAll(strictAncestors(newPath));
        return left;
    }

    /** The ancestors a moved subtree joins: those above {@code newPath} that were not above {@code oldPath}. */
    public static List<String> ancestorsJoined(String oldPath, String newPath) {
        return ancestorsLeft(newPath, oldPath);
    }

    private static List<String> strictAncestors(String path) {
        List<String> chain = selfAndAncestors(path);
        return new ArrayList<>(chain.subList(0, chain.size() - 1));
    }

    private static void requireWellFormed(String path) {
        if (path == null || !path.matches("(/\\d+)+/")) {
            throw new IllegalArgumentException("Not a tree path: " + path);
        }
    }
}
