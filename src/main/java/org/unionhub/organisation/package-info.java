/**
 * The union tree (federation → districts → streets, townships, parks, buildings → grassroots and joint unions, with no
 * fixed depth) and the enterprises under it, and founding an enterprise's union ({@link
 * org.unionhub.organisation.UnionFoundings}: the node under the street, the dated union periods that answer "did
 * enterprise E have a union on date D?"). It owns the tables {@code org_unit}, {@code org_unit_move},
 * {@code enterprise}, {@code enterprise_union_period} and {@code union_founding}, and defines the data scope
 * ({@link org.unionhub.organisation.OrgScope}): a staff member sees a node and everything below it, checked by
 * comparing materialised paths in one indexed lookup. Publishes {@link org.unionhub.organisation.SubtreeMoved},
 * {@link org.unionhub.organisation.UnionFounded} and {@link org.unionhub.organisation.UnionClosed} (closing a node;
 * closing an enterprise closes its union). Depends on
 * {@code common} only; every other module may ask it about the tree.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "common")
package org.unionhub.organisation;
