package org.unionhub.outreach;

/**
 * What the pipeline board shows: one state (all when null), enterprises registered under one node of the scope,
 * a name fragment, and only enterprises that build a workers' home.
 */
public record PipelineFilter(PipelineState state, Long orgId, String q, Boolean workersHome) {

    public static PipelineFilter all() {
        return new PipelineFilter(null, null, null, null);
    }
}
