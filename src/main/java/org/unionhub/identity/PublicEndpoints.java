package org.unionhub.identity;

import java.util.List;

/**
 * Paths a module serves without sign-in (worker-facing pages and API). Each module that has some declares a bean of
 * this type; the security configuration opens exactly these and nothing else.
 */
public interface PublicEndpoints {

    /** Ant-style patterns under {@code /api/**}. */
    List<String> api();

    /** Ant-style patterns of pages. */
    List<String> pages();
}
