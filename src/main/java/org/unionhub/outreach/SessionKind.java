package org.unionhub.outreach;

/** The two kinds of communication session (双沟通): with workers (职工沟通会) and with enterprises (企业沟通会). */
public enum SessionKind {
    WORKER, ENTERPRISE
}
