package org.unionhub.outreach;

/** Which sessions of the scope to list; every part optional (status PLANNED: the upcoming ones). */
public record SessionFilter(SessionStatus status, SessionKind kind, Long campaignId) {
}
