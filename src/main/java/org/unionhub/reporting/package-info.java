/**
 * Reports built from read models of their own, kept up by events (never by reading other modules' tables): the
 * dual-communication funnel of any node of the union tree over any period (daily figures per node that already hold
 * the node's whole subtree, so a funnel is one index range of at most a row per day; distinct enterprises covered
 * counted over the period), its drill-down to the children and its months, the xlsx export, and campaign days live
 * by area. Listens to outreach's session events, membership's {@code ApplicationSubmitted}, {@code MemberJoined} and
 * {@code MembersImported}, and organisation's {@code UnionFounded} and {@code SubtreeMoved}. Owns the {@code funnel_*}
 * tables. Depends on {@code organisation} (the tree and data scope), {@code identity} (the signed-in staff),
 * {@code common}, and on {@code membership} and {@code outreach} for their event types only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation", "identity", "common",
        "membership", "outreach"})
package org.unionhub.reporting;
