package org.unionhub.outreach;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.unionhub.organisation.SubtreeMoved;
import org.unionhub.outreach.persistence.PipelineRepository;
import org.unionhub.outreach.persistence.ServiceItemRepository;

/**
 * Pipelines keep a copy of their enterprise's node path and catalogue items of their keeping union's path, which scope
 * and filters compare; when a subtree moves, the copies move with it.
 */
@Component
class PipelinePathsFollowMoves {

    private final PipelineRepository pipelines;
    private final ServiceItemRepository items;

    PipelinePathsFollowMoves(PipelineRepository pipelines, ServiceItemRepository items) {
        this.pipelines = pipelines;
        this.items = items;
    }

    @ApplicationModuleListener
    void on(SubtreeMoved moved) {
        pipelines.rebasePaths(moved.oldPath(), moved.newPath());
        items.rebasePaths(moved.oldPath(), moved.newPath());
    }
}
