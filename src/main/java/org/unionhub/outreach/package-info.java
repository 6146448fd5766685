/**
 * Dual communication (双沟通): worker sessions at the places where workers gather and enterprise sessions with
 * employers, their consultations and tallies, campaign days, and each enterprise's way to a founded union. Publishes
 * {@link org.unionhub.outreach.SessionPlanned}, {@link org.unionhub.outreach.SessionCancelled},
 * {@link org.unionhub.outreach.WorkersReached}, {@link org.unionhub.outreach.ConsultationsCounted} and
 * {@link org.unionhub.outreach.EnterpriseCovered}. Depends on {@code organisation}, {@code membership},
 * {@code identity} and {@code common}.
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
