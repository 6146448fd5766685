package org.unionhub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.unionhub.common.CreditCode;
import org.unionhub.organisation.OrgKind;

/**
 * A deterministic union tree of a given size, shaped like a city federation: the federation, Beijing's 16 districts
 * and the Economic-Technological Development Area, the 348 street-level units of the demo division list, and below
 * them grassroots and joint unions (some housed in building unions), some grassroots unions with branch unions and
 * these with groups, down to depth 6. Street sizes are log-normal, so a few streets are large and most are small.
 *
 * <p>Ids follow creation order, as in the application: the federation is 1, the districts come next, then the
 * street-level units, then the unions in order of their founding date (a child is always founded after its parent),
 * so the unions of one street are spread over the whole table rather than stored side by side.
 */
final class SyntheticTree {

    static final int FEDERATION_ID = 1;
    static final String COPY_COLUMNS =
            "id, parent_id, path, depth, name, kind, division_code, credit_code, status, created_on, closed_on";

    private static final String ETDA_CODE = "110115403";
    private static final String ETDA_DISTRICT = "110115";
    private static final long FOUNDED = LocalDate.of(1950, 6, 1).toEpochDay();
    private static final long ETDA_FOUNDED = LocalDate.of(1994, 8, 25).toEpochDay();
    private static final long STREETS_FOUNDED = LocalDate.of(2003, 1, 1).toEpochDay();
    private static final long FIRST_UNION = LocalDate.of(2004, 1, 1).toEpochDay();
    private static final long LAST_UNION = LocalDate.of(2025, 12, 31).toEpochDay();

    private static final String[] SYLLABLES =
            "华安信达恒瑞博泰新宏远创联智嘉和兴盛鼎汇科源祥丰晟航立通明志天诚润德景".split("");
    private static final String[] TRADES = {"科技有限公司", "商贸有限公司", "物业管理有限公司", "餐饮管理有限公司",
        "建筑工程有限公司", "物流有限公司", "文化传媒有限公司", "医药有限公司", "信息技术有限公司", "酒店管理有限公司",
        "汽车销售服务有限公司", "股份有限公司", "律师事务所", "幼儿园", "社区卫生服务中心"};
    private static final String[] SECTORS = {"餐饮", "快递", "网约车", "家政", "商户", "物业", "楼宇"};

    private final int size;
    private final int lastDistrict;
    private final int lastStreet;
    private final int[] parent;
    private final int[] depth;
    private final OrgKind[] kind;
    private final String[] path;
    private final String[] name;
    private final String[] division;
    private final String[] credit;
    private final long[] createdOn;
    private final long[] closedOn;

    private SyntheticTree(List<Draft> drafts, int districts, int streets) {
        size = drafts.size();
        lastDistrict = 1 + districts;
        lastStreet = lastDistrict + streets;
        parent = new int[size + 1];
        depth = new int[size + 1];
        kind = new OrgKind[size + 1];
        path = new String[size + 1];
        name = new String[size + 1];
        division = new String[size + 1];
        credit = new String[size + 1];
        createdOn = new long[size + 1];
        closedOn = new long[size + 1];
        int[] idOfDraft = new int[size];
        for (int i = 0; i < size; i++) {
            Draft draft = drafts.get(i);
            int id = i + 1;
            idOfDraft[draft.index] = id;
            parent[id] = draft.parent < 0 ? 0 : idOfDraft[draft.parent];
            depth[id] = parent[id] == 0 ? 0 : depth[parent[id]] + 1;
            path[id] = (parent[id] == 0 ? "/" : path[parent[id]]) + id + "/";
            kind[id] = draft.kind;
            name[id] = draft.name;
            division[id] = draft.division;
            credit[id] = draft.credit;
            createdOn[id] = draft.created;
            closedOn[id] = draft.closed;
        }
    }

    /** Builds a tree of exactly {@code nodes} nodes; the same seed gives the same tree. */
    static SyntheticTree generate(int nodes, long seed) {
        return new Generator(new SplittableRandom(seed)).generate(nodes);
    }

    int size() {
        return size;
    }

    int firstDistrict() {
        return FEDERATION_ID + 1;
    }

    int lastDistrict() {
        return lastDistrict;
    }

    int firstStreet() {
        return lastDistrict + 1;
    }

    int lastStreet() {
        return lastStreet;
    }

    int parent(int id) {
        return parent[id];
    }

    int depth(int id) {
        return depth[id];
    }

    /** Whether {@code id} is {@code root} or lies below it. */
    boolean isInSubtree(int id, int root) {
        for (int node = id; node != 0; node = parent[node]) {
            if (node == root) {
                return true;
            }
        }
        return false;
    }

    /** Number of direct children of each node, by id. */
    int[] childCounts() {
        int[] counts = new int[size + 1];
        for (int id = 2; id <= size; id++) {
            counts[parent[id]]++;
        }
        return counts;
    }

    /** Number of nodes in each node's subtree, itself included, by id. */
    int[] subtreeSizes() {
        int[] sizes = new int[size + 1];
        for (int id = size; id >= 1; id--) {
            sizes[id]++;
            sizes[parent[id]] += sizes[id];
        }
        return sizes;
    }

    /** The rows in PostgreSQL's COPY text format, columns as {@link #COPY_COLUMNS}. */
    String copyText() {
        StringBuilder out = new StringBuilder(size * 160);
        for (int id = 1; id <= size; id++) {
            out.append(id).append('\t')
                    .append(parent[id] == 0 ? "\\N" : Integer.toString(parent[id])).append('\t')
                    .append(path[id]).append('\t')
                    .append(depth[id]).append('\t')
                    .append(name[id]).append('\t')
                    .append(kind[id].name()).append('\t')
                    .append(Objects.requireNonNullElse(division[id], "\\N")).append('\t')
                    .append(Objects.requireNonNullElse(credit[id], "\\N")).append('\t')
                    .append(closedOn[id] < 0 ? "ACTIVE" : "CLOSED").append('\t')
                    .append(LocalDate.ofEpochDay(createdOn[id])).append('\t')
                    .append(closedOn[id] < 0 ? "\\N" : LocalDate.ofEpochDay(closedOn[id]).toString()).append('\n');
        }
        return out.toString();
    }

    /** A node before ids are given: {@code index} is its place in creation-by-generation order. */
    private static final class Draft {
        final int index;
        final int parent;
        final int depth;
        final OrgKind kind;
        final String name;
        final String division;
        final String credit;
        final long created;
        long closed = -1;
        int children;

        Draft(int index, Draft parent, OrgKind kind, String name, String division, String credit, long created) {
            this.index = index;
            this.parent = parent == null ? -1 : parent.index;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.kind = kind;
            this.name = name;
            this.division = division;
            this.credit = credit;
            this.created = created;
            if (parent != null) {
                parent.children++;
            }
        }
    }

    private static final class Generator {

        private final SplittableRandom random;
        private final List<Draft> drafts = new ArrayList<>();
        private int creditSerial;

        Generator(SplittableRandom random) {
            this.random = random;
        }

        SyntheticTree generate(int nodes) {
            Draft city = add(null, OrgKind.FEDERATION, "北京市总工会", "110000", null, FOUNDED);
            List<String[]> rows = divisions();
            Map<String, Draft> districts = new HashMap<>();
            for (String[] row : rows) {
                if (row[2].equals("district")) {
                    districts.put(row[0], add(city, OrgKind.DISTRICT, row[1] + "总工会", row[0], null, FOUNDED));
                }
            }
            Draft etda = add(city, OrgKind.DISTRICT, "北京经济技术开发区总工会", null, null, ETDA_FOUNDED);
            List<Draft> streets = new ArrayList<>();
            for (String[] row : rows) {
                if (!row[2].equals("district") && !row[0].equals(ETDA_CODE)) {
                    streets.add(add(districts.get(row[3]), streetKind(row[2]), row[1] + "总工会", row[0], null,
                            STREETS_FOUNDED));
                }
            }
            int skeleton = drafts.size();
            if (nodes < skeleton) {
                throw new IllegalArgumentException("A tree needs at least " + skeleton + " nodes");
            }

            // Unions hang from every street and, fewer of them, directly from every district; the development area
            // has no streets, so its unions all sit directly below it.
            List<Draft> hosts = new ArrayList<>(districts.values());
            hosts.sort(Comparator.comparing(draft -> draft.division));
            hosts.add(etda);
            hosts.addAll(streets);
            double[] weights = new double[hosts.size()];
            for (int i = 0; i < weights.length; i++) {
                Draft host = hosts.get(i);
                double scale = host == etda ? 4 : host.kind == OrgKind.DISTRICT ? 0.25 : 1;
                weights[i] = scale * Math.exp(0.8 * random.nextGaussian());
            }
            int[] targets = apportion(weights, nodes - skeleton);
            for (int i = 0; i < targets.length; i++) {
                Draft host = hosts.get(i);
                String districtCode = host == etda ? ETDA_DISTRICT : host.division.substring(0, 6);
                fill(host, targets[i], districtCode);
            }
            closeSomeLeaves(skeleton);

            List<Draft> unions = new ArrayList<>(drafts.subList(skeleton, drafts.size()));
            unions.sort(Comparator.<Draft>comparingLong(draft -> draft.created)
                    .thenComparingInt(draft -> draft.depth)
                    .thenComparingInt(draft -> draft.index));
            List<Draft> ordered = new ArrayList<>(drafts.subList(0, skeleton));
            ordered.addAll(unions);
            return new SyntheticTree(ordered, districts.size() + 1, streets.size());
        }

        /** Adds {@code count} unions below a district or street: building, grassroots and joint unions, branches, groups. */
        private void fill(Draft host, int count, String districtCode) {
            int remaining = count;
            List<Draft> buildings = new ArrayList<>();
            if (host.kind.isStreetLevel()) {
                for (int i = 0; i < count / 150 && remaining > 0; i++, remaining--) {
                    buildings.add(add(host, OrgKind.BUILDING, company().replace("有限公司", "") + "大厦楼宇工会",
                            host.division, null, foundedBelow(host)));
                }
            }
            int joints = 0;
            while (remaining > 0) {
                Draft at = !buildings.isEmpty() && random.nextDouble() < 0.3
                        ? buildings.get(random.nextInt(buildings.size())) : host;
                remaining--;
                if (random.nextDouble() < 0.08) {
                    joints++;
                    String name = joints == 1 ? host.name.replace("总工会", "联合工会")
                            : host.name.replace("总工会", SECTORS[random.nextInt(SECTORS.length)] + "行业联合工会");
                    add(at, OrgKind.JOINT, name, host.division, unionCredit(districtCode), foundedBelow(at));
                    continue;
                }
                Draft union = add(at, OrgKind.GRASSROOTS, company() + "工会", host.division,
                        unionCredit(districtCode), foundedBelow(at));
                if (random.nextDouble() < 0.12) {
                    int branches = 1 + random.nextInt(8);
                    for (int b = 1; b <= branches && remaining > 0; b++) {
                        remaining--;
                        Draft branch = add(union, OrgKind.GRASSROOTS, union.name + "第" + b + "分会", host.division,
                                null, foundedBelow(union));
                        if (random.nextDouble() < 0.2) {
                            int groups = 1 + random.nextInt(4);
                            for (int g = 1; g <= groups && remaining > 0; g++) {
                                remaining--;
                                add(branch, OrgKind.GRASSROOTS, branch.name + "第" + g + "小组", host.division, null,
                                        foundedBelow(branch));
                            }
                        }
                    }
                }
            }
        }

        /** About one leaf union in 25 has been closed since. */
        private void closeSomeLeaves(int skeleton) {
            for (Draft draft : drafts.subList(skeleton, drafts.size())) {
                if (draft.children == 0 && draft.created + 30 < LAST_UNION && random.nextDouble() < 0.04) {
                    draft.closed = random.nextLong(draft.created + 30, LAST_UNION + 1);
                }
            }
        }

        private Draft add(Draft parent, OrgKind kind, String name, String division, String credit, long created) {
            Draft draft = new Draft(drafts.size(), parent, kind, name, division, credit, created);
            drafts.add(draft);
            return draft;
        }

        /** A founding day after the parent's, weighted towards recent years as union coverage grew. */
        private long foundedBelow(Draft parent) {
            long from = Math.max(parent.created + 1, FIRST_UNION);
            long to = Math.max(from, LAST_UNION);
            double share = Math.max(random.nextDouble(), random.nextDouble());
            return Math.min(to, from + (long) (share * (to - from + 1)));
        }

        private String company() {
            return "北京" + SYLLABLES[random.nextInt(SYLLABLES.length)] + SYLLABLES[random.nextInt(SYLLABLES.length)]
                    + TRADES[random.nextInt(TRADES.length)];
        }

        private String unionCredit(String districtCode) {
            String first17 = "81" + districtCode + String.format("DM%07d", ++creditSerial);
            return first17 + CreditCode.checkCharacterFor(first17);
        }

        /** Splits {@code total} in proportion to the weights (largest remainder), so the parts add up exactly. */
        private static int[] apportion(double[] weights, int total) {
            double sum = Arrays.stream(weights).sum();
            int[] parts = new int[weights.length];
            double[] remainders = new double[weights.length];
            int given = 0;
            for (int i = 0; i < weights.length; i++) {
                double exact = weights[i] / sum * total;
                parts[i] = (int) exact;
                remainders[i] = exact - parts[i];
                given += parts[i];
            }
            Integer[] order = new Integer[weights.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingDouble(i -> -remainders[i]));
            for (int i = 0; given < total; i++, given++) {
                parts[order[i]]++;
            }
            return parts;
        }

        private static OrgKind streetKind(String kind) {
            return switch (kind) {
                case "street" -> OrgKind.STREET;
                case "town" -> OrgKind.TOWN;
                case "township" -> OrgKind.TOWNSHIP;
                case "park" -> OrgKind.PARK;
                default -> throw new IllegalArgumentException("Unknown division kind " + kind);
            };
        }

        /** The demo's division list (code, name, kind, parent code), shipped with the application. */
        private static List<String[]> divisions() {
            try (var reader = new BufferedReader(new InputStreamReader(
                    SyntheticTree.class.getResourceAsStream("/demo/beijing-divisions.csv"), StandardCharsets.UTF_8))) {
                return reader.lines().skip(1).map(line -> line.split(",")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
