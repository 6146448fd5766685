package org.unionhub.reporting;

import java.util.List;

/** A node's funnel with the funnel of each of its children (drill-down) and of each month of the period (trend). */
public record FunnelBreakdown(Funnel total, List<Funnel> children, List<Funnel> months) {
}
