package org.unionhub.outreach.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionhub.Messages;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.FoundingInput;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.organisation.UnionFoundings;
import org.unionhub.outreach.DeclineReason;
import org.unionhub.outreach.EnterprisePipeline;
import org.unionhub.outreach.EnterprisePipelines;
import org.unionhub.outreach.EnterpriseSessionRecords;
import org.unionhub.outreach.PipelineFilter;
import org.unionhub.outreach.PipelineState;
import org.unionhub.outreach.StepInput;
import org.unionhub.outreach.TaskInput;
import org.unionhub.outreach.domain.Week;

/** The pipeline board, an enterprise's pipeline with its steps and tasks, the founding form, and this week's tasks. */
@Controller
@PreAuthorize("hasAuthority('ORG_READ')")
class PipelinePageController {

    /** The states staff record by hand; founded comes only from the founding form. */
    static final List<PipelineState> RECORDABLE = List.of(PipelineState.CONTACTED, PipelineState.INTERESTED,
            PipelineState.PREPARING, PipelineState.DECLINED);
    private static final int DEFAULT_TASK_DAYS = 7;

    private final EnterprisePipelines pipelines;
    private final EnterpriseSessionRecords records;
    private final OrgTree tree;
    private final MessageSource messages;
    private final Clock clock;

    PipelinePageController(EnterprisePipelines pipelines, EnterpriseSessionRecords records, OrgTree tree,
            MessageSource messages, Clock clock) {
        this.pipelines = pipelines;
        this.records = records;
        this.tree = tree;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/outreach/pipeline")
    String board(@AuthenticationPrincipal ScopedPrincipal me, @ModelAttribute("filter") PipelineFilter filter,
            Model model) {
        model.addAttribute("pipelines", pipelines.board(me.scope(), filter));
        model.addAttribute("counts", pipelines.countByState(me.scope(), filter));
        model.addAttribute("states", PipelineState.values());
        model.addAttribute("places", tree.children(me.scope(), me.scope().rootOrgId()));
        model.addAttribute("workersHomeThreshold", UnionFoundings.WORKERS_HOME_THRESHOLD);
        return "pipeline/board";
    }

    @GetMapping("/outreach/pipeline/{enterpriseId}")
    String show(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long enterpriseId, Model model) {
        LocalDate today = LocalDate.now(clock);
        return show(me, enterpriseId, model, new StepInput(null, today, null, null),
                new TaskInput(null, today.plusDays(DEFAULT_TASK_DAYS)));
    }

    @PostMapping("/outreach/pipeline/{enterpriseId}/steps")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String step(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long enterpriseId,
            @ModelAttribute StepInput input, BindingResult binding, Model model, Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            pipelines.record(me, enterpriseId, input);
            return "redirect:/outreach/pipeline/" + enterpriseId + "?recorded";
        } catch (ValidationFailure failure) {
            model.addAttribute("stepErrors", Messages.byField(messages, failure, locale, "pipeline"));
            return show(me, enterpriseId, model, input,
                    new TaskInput(null, LocalDate.now(clock).plusDays(DEFAULT_TASK_DAYS)));
        }
    }

    @PostMapping("/outreach/pipeline/{enterpriseId}/tasks")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String addTask(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long enterpriseId,
            @ModelAttribute TaskInput input, BindingResult binding, Model model, Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            pipelines.addTask(me, enterpriseId, input);
            return "redirect:/outreach/pipeline/" + enterpriseId + "?taskAdded";
        } catch (ValidationFailure failure) {
            model.addAttribute("taskErrors", Messages.byField(messages, failure, locale, "pipeline"));
            return show(me, enterpriseId, model, new StepInput(null, LocalDate.now(clock), null, null), input);
        }
    }

    /** Marks a task done and goes back to the list it was ticked on (this week's tasks or the pipeline). */
    @PostMapping("/outreach/tasks/{taskId}/done")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String done(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long taskId,
            @RequestParam(required = false) String from) {
        long enterpriseId = pipelines.completeTask(me, taskId).enterpriseId();
        return "week".equals(from) ? "redirect:/outreach/tasks?done" : "redirect:/outreach/pipeline/" + enterpriseId
                + "?taskDone";
    }

    @GetMapping("/outreach/pipeline/{enterpriseId}/founding")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String foundingForm(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long enterpriseId, Model model) {
        EnterprisePipeline pipeline = pipelines.get(me.scope(), enterpriseId);
        return founding(model, pipeline, new FoundingInput(pipeline.enterpriseName() + "工会", null,
                LocalDate.now(clock), null));
    }

    @PostMapping("/outreach/pipeline/{enterpriseId}/founding")
    @PreAuthorize("hasAuthority('ORG_WRITE')")
    String found(@AuthenticationPrincipal ScopedPrincipal me, @PathVariable long enterpriseId,
            @ModelAttribute FoundingInput input, BindingResult binding, Model model, Locale locale) {
        try {
            Messages.requireWellTyped(binding);
            pipelines.found(me, enterpriseId, input);
            return "redirect:/outreach/pipeline/" + enterpriseId + "?founded";
        } catch (ValidationFailure failure) {
            model.addAttribute("errors", Messages.byField(messages, failure, locale, "founding"));
            return founding(model, pipelines.get(me.scope(), enterpriseId), input);
        }
    }

    @GetMapping("/outreach/tasks")
    String week(@AuthenticationPrincipal ScopedPrincipal me, Model model) {
        model.addAttribute("week", Week.of(LocalDate.now(clock)));
        model.addAttribute("tasks", pipelines.dueThisWeek(me.scope()));
        return "pipeline/tasks";
    }

    private String show(ScopedPrincipal me, long enterpriseId, Model model, StepInput step, TaskInput task) {
        model.addAttribute("pipeline", pipelines.get(me.scope(), enterpriseId));
        model.addAttribute("sessions", records.ofEnterprise(me.scope(), enterpriseId));
        model.addAttribute("stepForm", step);
        model.addAttribute("taskForm", task);
        model.addAttribute("recordable", RECORDABLE);
        model.addAttribute("declineReasons", DeclineReason.values());
        return "pipeline/show";
    }

    private static String founding(Model model, EnterprisePipeline pipeline, FoundingInput input) {
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("form", input);
        model.addAttribute("workersHomeThreshold", UnionFoundings.WORKERS_HOME_THRESHOLD);
        return "pipeline/founding";
    }
}
