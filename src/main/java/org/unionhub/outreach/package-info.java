/**
 * Dual communication (双沟通): worker sessions at the places where workers gather and enterprise sessions with
 * employers, their consultations and tallies, campaign days, and each enterprise's way to a founded union. Publishes
 * {@link org.unionhub.outreach.SessionPlanned}, {@link org.unionhub.outreach.SessionCancelled},
 * {@link org.unionhub.outreach.WorkersReached}, {@link org.unionhub.outreach.ConsultationsCounted} and
 * {@link org.unionhub.outreach.EnterpriseCovered}. Depends on {@code organisation}, {@code membership},
 * {@code identity} and {@code common}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"organisation", "membership", "identity",
        "common"})
package org.unionhub.outreach;
