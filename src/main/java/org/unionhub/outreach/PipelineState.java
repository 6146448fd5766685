package org.unionhub.outreach;

/**
 * Where an enterprise stands on its way to a founded union: contacted → interested → preparing → founded, or
 * declined. The three open states are ordered; founded is final.
 */
public enum PipelineState {
    CONTACTED,
    INTERESTED,
    PREPARING,
    FOUNDED,
    DECLINED;

    /** Contacted, interested or preparing: still on the way. */
    public boolean isOpen() {
        return this == CONTACTED || this == INTERESTED || this == PREPARING;
    }
}
