/**
 * Joining the union (入会): workers' membership applications (no sign-in; idempotent), routing by the territorial rule
 * to the handling union, staff approval in scope, and members — one membership per person, by a keyed hash of the
 * document number; document numbers and phones encrypted at rest. Each application has a random access secret
 * (stored hashed, and encrypted for retries) without which the worker's status page and e-card do not open.
 * Membership states (active, retained, lapsed, transferred out, ended) follow the Spring-free rules of
 * {@code domain/Membership}, and every change is kept in the member's history with who and when. Transfers
 * (转会/接转, {@link org.unionhub.membership.MembershipTransfers}) move a membership to a receiving union — asked for
 * by staff or, instead of a second application, by the worker with the phone on file; accepted, refused or cancelled
 * once — and members of a closed union move to its parent on {@link org.unionhub.organisation.UnionClosed}.
 * Publishes {@link org.unionhub.membership.MemberJoined}, {@link org.unionhub.membership.MemberTransferred},
 * {@link org.unionhub.membership.ApplicationSubmitted} and {@link org.unionhub.membership.MembersImported}.
 * {@code card/}: the mutual-aid card, one per person, requested on {@code MemberJoined} and issued through the
 * {@code CardIssuer} port from an outbox that retries until the bank answers, and the e-membership card signed with
 * Ed25519, as an API and as the worker's page {@code /join/card/{no}} (see {@code docs/membership.md}). The roster
 * masks personal fields and audits every reveal and export. {@code imports/}: roster import from .xlsx or .csv —
 * upload, column mapping saved per union, every row checked into a staging table, a dry run, then a commit in
 * background batches that resumes after a crash (progress written in each batch's transaction) and publishes
 * {@code MembersImported} once per union and batch; imported members get no card request. A session code on an
 * application is checked through the {@code SessionDirectory} port, which the outreach module implements (membership
 * does not depend on it); without an implementation codes are accepted as typed.
 * {@link org.unionhub.membership.MembershipBackfill} records members' records made in the past in bulk (applications
 * decided on a past day, roster import batches), checked and encrypted as the live paths do and announced with the
 * same events (the seeds' city generator uses it). Owns {@code membership_application}, {@code member},
 * {@code member_history}, {@code member_transfer}, {@code reject_reason}, {@code card_request}, the code tables
 * {@code education_level}, {@code employment_status}, {@code skill_grade} and the import tables
 * {@code member_import}, {@code member_import_chunk}, {@code member_import_row} and {@code member_import_mapping}.
 * Depends on {@code organisation} (the tree, enterprises and their unions), {@code identity} (its public endpoints
 * and audit log) and {@code common}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation", "identity", "common"})
package org.unionhub.membership;
