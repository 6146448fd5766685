/**
 * Dual communication (双沟通): worker sessions at the places where workers gather and enterprise sessions with
 * employers, their consultations and tallies, campaign days, and each enterprise's way to a founded union.
 * {@link org.unionhub.outreach.OutreachSessions} plans sessions in the staff member's scope (a six-character code
 * without look-alike characters, join link {@code /join?s=<code>}; an {@code Idempotency-Key} makes a double submit
 * find the first) and moves them planned → open → closed, or cancels a planned one;
 * {@link org.unionhub.outreach.SessionCounters} counts workers reached and consultations by topic (a code table), each
 * tap once by the id its client made, taps on one session taking turns on its row;
 * {@link org.unionhub.outreach.Campaigns} keeps the campaign days of the federation and the districts. Implements
 * membership's {@code SessionDirectory} (which codes still take applications) and records the applications and joins
 * that came through each session from membership's events. Pages: the session list, planning form, session page,
 * A4 QR poster and the live page for a phone at the stall (see {@code docs/outreach.md}).
 * {@link org.unionhub.outreach.SessionBackfill} records sessions that already took place in bulk, closed with their
 * tallies and announced with the live path's events (the seeds' city generator uses it).
 * Publishes {@link org.unionhub.outreach.SessionPlanned}, {@link org.unionhub.outreach.SessionCancelled},
 * {@link org.unionhub.outreach.WorkersReached}, {@link org.unionhub.outreach.ConsultationsCounted} (both dated with
 * the session's day) and {@link org.unionhub.outreach.EnterpriseCovered}, in the transaction that changes the data.
 * Owns {@code outreach_session}, {@code outreach_campaign}, {@code consultation_topic}, {@code outreach_consultation},
 * {@code outreach_tap}, {@code outreach_session_application} and {@code outreach_session_join}. Depends on
 * {@code organisation}, {@code membership}, {@code identity} and {@code common}.
 *
 * <p>The enterprise pipeline ({@link org.unionhub.outreach.EnterprisePipelines}): each enterprise's dated steps from
 * contacted to founded or declined (rules in {@code domain/Pipeline}), follow-up tasks and the week's due list;
 * founding goes through the organisation module's {@code UnionFoundings} in the same transaction. The service
 * package catalogue ({@link org.unionhub.outreach.ServicePackageCatalogue}) kept by each district and the federation,
 * and the enterprise session record ({@link org.unionhub.outreach.EnterpriseSessionRecords}): the enterprises a
 * session covered, which publish {@code EnterpriseCovered} and move their pipelines on. Owns
 * {@code enterprise_pipeline}, {@code enterprise_pipeline_step}, {@code enterprise_pipeline_task},
 * {@code service_package_item}, {@code enterprise_session_coverage} and {@code enterprise_session_offer}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation", "membership", "identity",
        "common"})
package org.unionhub.outreach;
