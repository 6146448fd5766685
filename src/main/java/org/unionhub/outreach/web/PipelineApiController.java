package org.unionhub.outreach.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unionhub.organisation.Founding;
import org.unionhub.organisation.FoundingInput;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.organisation.UnionFoundings.Founded;
import org.unionhub.outreach.EnterprisePipeline;
import org.unionhub.outreach.EnterprisePipelines;
import org.unionhub.outreach.FollowUpTask;
import org.unionhub.outreach.PipelineFilter;
import org.unionhub.outreach.PipelineState;
import org.unionhub.outreach.PipelineSummary;
import org.unionhub.outreach.ServiceItem;
import org.unionhub.outreach.ServiceItemInput;
import org.unionhub.outreach.ServicePackageCatalogue;
import org.unionhub.outreach.StepInput;
import org.unionhub.outreach.TaskInput;

@Tag(name = "Enterprise pipeline", description = "Each enterprise's way to a founded union, follow-up tasks, founding"
        + " a union, and the service package catalogue; limited to the caller's data scope")
@RestController
@RequestMapping("/api/v1/outreach")
class PipelineApiController {

    /** The board: how many pipelines are in each state, and those passing the filter. */
    record Board(Map<PipelineState, Long> counts, List<PipelineSummary> pipelines) {
    }

    private final EnterprisePipelines pipelines;
    private final ServicePackageCatalogue catalogue;
    private final OrgTree tree;

    PipelineApiController(EnterprisePipelines pipelines, ServicePackageCatalogue catalogue, OrgTree tree) {
        this.pipelines = pipelines;
        this.catalogue = catalogue;
        this.tree = tree;
    }

    @Operation(summary = "Pipelines in scope by state, under a node, by name, or only those building a workers' home")
    @GetMapping("/pipeline")
    @PreAuthorize("hasAuthority('ORG_READ')")
    Board board(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) PipelineState state,
            @RequestParam(required = false) Long orgId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean workersHome) {
        PipelineFilter filter = new PipelineFilter(state, orgId, q, workersHome);
        return new Board(pipelines.countByState(me.scope(), filter), pipelines.board(me.scope(), filter));
    }

    @Operation(summary = "One enterprise's pipeline with its steps, tasks and founding; 404 outside the scope")
    @GetMapping("/pipeline/{enterpriseId}")
    @PreAuthorize("hasAuthority('ORG_READ')")
    EnterprisePipeline get(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long enterpriseId) {
        return pipelines.get(me.scope(), enterpriseId);
    }

    @Operation(summary = "Record a dated step (the first starts the pipeline); the current state again changes nothing")
    @PostMapping("/pipeline/{enterpriseId}/steps")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    EnterprisePipeline step(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long enterpriseId,
            @RequestBody StepInput input) {
        return pipelines.record(me, enterpriseId, input);
    }

    @Operation(summary = "Found the enterprise's union: 201 with the founding, 200 with the same one when repeated")
    @PostMapping("/pipeline/{enterpriseId}/founding")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    ResponseEntity<Founding> found(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long enterpriseId,
            @RequestBody FoundingInput input) {
        Founded founded = pipelines.found(me, enterpriseId, input);
        return ResponseEntity.status(founded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(founded.founding());
    }

    @Operation(summary = "Set a follow-up task; the same open task again answers the one already there")
    @PostMapping("/pipeline/{enterpriseId}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    FollowUpTask addTask(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long enterpriseId,
            @RequestBody TaskInput input) {
        return pipelines.addTask(me, enterpriseId, input);
    }

    @Operation(summary = "Mark a task done (done already is fine)")
    @PostMapping("/tasks/{taskId}/done")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    FollowUpTask done(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long taskId) {
        return pipelines.completeTask(me, taskId);
    }

    @Operation(summary = "Open tasks in scope due by this Sunday, overdue ones included, earliest first")
    @GetMapping("/tasks/due")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<FollowUpTask> due(@AuthenticationPrincipal ScopedPrincipal me) {
        return pipelines.dueThisWeek(me.scope());
    }

    @Operation(summary = "The catalogue the caller sees, or with orgId the items offered at that union's sessions")
    @GetMapping("/service-items")
    @PreAuthorize("hasAuthority('ORG_READ')")
    List<ServiceItem> items(@AuthenticationPrincipal ScopedPrincipal me, @RequestParam(required = false) Long orgId) {
        if (orgId == null) {
            return catalogue.catalogue(me.scope());
        }
        tree.get(me.scope(), orgId);
        return catalogue.offeredAt(orgId);
    }

    @Operation(summary = "Add an item to a district's (or the federation's) catalogue in scope")
    @PostMapping("/service-items")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    ServiceItem createItem(@AuthenticationPrincipal ScopedPrincipal me, @RequestBody ServiceItemInput input) {
        return catalogue.create(me, input);
    }

    @Operation(summary = "Change an item kept in scope: name, description, active (false retires it)")
    @PutMapping("/service-items/{id}")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    ServiceItem updateItem(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long id,
            @RequestBody ServiceItemInput input) {
        return catalogue.update(me, id, input);
    }
}
