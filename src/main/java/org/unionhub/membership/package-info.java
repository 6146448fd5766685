/**
 * Joining the union (入会): workers' membership applications (no sign-in; idempotent), routing by the territorial rule
 * to the handling union, staff approval in scope, and members — one membership per person, by a keyed hash of the
 * document number; document numbers and phones encrypted at rest. Publishes {@link org.unionhub.membership.MemberJoined}.
 * Owns {@code membership_application}, {@code member}, {@code member_history} and {@code reject_reason}. Depends on
 * {@code organisation} (the tree, enterprises and their unions), {@code identity} (its public endpoints) and
 * {@code common}. The roster masks personal fields and audits every reveal and export. Still to come (issue 3): transfers,
 * membership states beyond active, and imports.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation", "identity", "common"})
package org.unionhub.membership;
