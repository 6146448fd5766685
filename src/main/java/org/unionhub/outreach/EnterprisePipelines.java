package org.unionhub.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unionhub.common.NotFoundException;
import org.unionhub.common.Texts;
import org.unionhub.common.ValidationFailure;
import org.unionhub.organisation.Enterprise;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.FoundingInput;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.organisation.UnionFoundings;
import org.unionhub.organisation.UnionFoundings.Founded;
import org.unionhub.outreach.domain.FollowUp;
import org.unionhub.outreach.domain.Pipeline;
import org.unionhub.outreach.domain.Week;
import org.unionhub.outreach.persistence.CoverageRepository;
import org.unionhub.outreach.persistence.CoverageRepository.CoverageRow;
import org.unionhub.outreach.persistence.PipelineRepository;
import org.unionhub.outreach.persistence.PipelineRepository.EnterpriseCopy;
import org.unionhub.outreach.persistence.PipelineRepository.PipelineRow;
import org.unionhub.outreach.persistence.PipelineRepository.TaskRow;

/**
 * The enterprise pipeline (建会进度): each enterprise's dated steps from contacted to founded (or declined), its
 * follow-up tasks and the list of what is due this week in a scope. The state rules live in {@link Pipeline};
 * founding goes through the organisation module's {@link UnionFoundings} in the same transaction and sets the
 * pipeline to founded. Repeated submissions record nothing twice: a step to the current state is no step, the same
 * open task is the same task, a founding replayed answers the first one.
 */
@Service
@Transactional(readOnly = true)
public class EnterprisePipelines {

    static final int LIST_LIMIT = 200;
    static final int NOTE_MAX = 500;

    private final PipelineRepository pipelines;
    private final CoverageRepository coverage;
    private final EnterpriseRegistry enterprises;
    private final UnionFoundings foundings;
    private final OrgTree tree;
    private final Clock clock;

    EnterprisePipelines(PipelineRepository pipelines, CoverageRepository coverage, EnterpriseRegistry enterprises,
            UnionFoundings foundings, OrgTree tree, Clock clock) {
        this.pipelines = pipelines;
        this.coverage = coverage;
        this.enterprises = enterprises;
        this.foundings = foundings;
        this.tree = tree;
        this.clock = clock;
    }

    /** An enterprise in scope with its pipeline (not started when nobody recorded a step yet). */
    public EnterprisePipeline get(OrgScope scope, long enterpriseId) {
        Enterprise enterprise = enterprises.get(scope, enterpriseId);
        Optional<PipelineRow> row = pipelines.find(enterpriseId);
        LocalDate today = LocalDate.now(clock);
        var founding = foundings.latestFounding(scope, enterpriseId).orElse(null);
        boolean workersHome = founding != null ? founding.workersHomeFlagged()
                : buildsWorkersHome(enterprise.employeeCount());
        return new EnterprisePipeline(enterprise.id(), enterprise.name(), enterprise.employeeCount(), workersHome,
                enterprise.orgId(), enterprise.orgName(), foundings.hadUnionOn(enterpriseId, today),
                row.map(PipelineRow::state).orElse(null), row.map(PipelineRow::since).orElse(null),
                row.map(PipelineRow::declineReason).orElse(null), pipelines.steps(enterpriseId),
                pipelines.tasks(enterpriseId).stream().map(t -> task(t, today)).toList(), founding);
    }

    /** The pipelines of the scope that pass the filter, latest move first. */
    public List<PipelineSummary> board(OrgScope scope, PipelineFilter filter) {
        Map<Long, String> orgNames = new HashMap<>();
        return pipelines.board(scopePath(scope), underPath(scope, filter), filter.state(),
                        Texts.likeFragment(filter.q()), minEmployees(filter), LIST_LIMIT).stream()
                .map(row -> new PipelineSummary(row.enterpriseId(), row.enterpriseName(), row.employeeCount(),
                        buildsWorkersHome(row.employeeCount()), row.orgId(),
                        orgNames.computeIfAbsent(row.orgId(), id -> tree.find(id).map(OrgUnit::name).orElse("")),
                        row.state(), row.since(), row.declineReason(), row.unionId(), row.openTasks(),
                        row.nextDue()))
                .toList();
    }

    /** How many pipelines of the scope are in each state, under the filter's other conditions. */
    public Map<PipelineState, Long> countByState(OrgScope scope, PipelineFilter filter) {
        return pipelines.countByState(scopePath(scope), underPath(scope, filter), Texts.likeFragment(filter.q()),
                minEmployees(filter));
    }

    /**
     * Records a step of an enterprise in scope: the first one starts its pipeline. An enterprise that already has a
     * union (linked by registration) has no pipeline to move.
     */
    @Transactional
    public EnterprisePipeline record(ScopedPrincipal staff, long enterpriseId, StepInput input) {
        step(staff, enterpriseId, input, null);
        return get(staff.scope(), enterpriseId);
    }

    /**
     * Records a step coming from an enterprise session, or from staff when {@code sessionId} is null; answers whether
     * the pipeline moved (not when it was already in that state).
     */
    @Transactional
    boolean step(ScopedPrincipal staff, long enterpriseId, StepInput input, Long sessionId) {
        Enterprise enterprise = enterprises.get(staff.scope(), enterpriseId);
        String note = Texts.blankToNull(input.note());
        if (note != null && note.length() > NOTE_MAX) {
            throw ValidationFailure.of("note", "TOO_LONG");
        }
        LocalDate today = LocalDate.now(clock);
        EnterpriseCopy copy = copyOf(enterprise);
        Optional<PipelineRow> row = pipelines.lock(enterpriseId);
        if (foundings.hadUnionOn(enterpriseId, today)
                && row.map(r -> r.state() != PipelineState.FOUNDED).orElse(true)) {
            throw ValidationFailure.of("enterpriseId", "ALREADY_UNIONISED");
        }
        if (row.isEmpty()) {
            Pipeline.Step first = Pipeline.start(input.state(), input.on(), today, input.declineReason(), note);
            if (pipelines.insert(copy, first.to(), first.on(), first.declineReason(), null)) {
                pipelines.addStep(enterpriseId, first, sessionId, staff.username());
                return true;
            }
            row = pipelines.lock(enterpriseId);
        }
        PipelineRow current = row.orElseThrow();
        Optional<Pipeline.Step> step = current.pipeline()
                .moveTo(input.state(), input.on(), today, input.declineReason(), note);
        if (step.isEmpty()) {
            return false;
        }
        pipelines.update(copy, step.get().to(), step.get().on(), step.get().declineReason(), current.unionId());
        pipelines.addStep(enterpriseId, step.get(), sessionId, staff.username());
        return true;
    }

    /**
     * Moves the pipeline on by the outcome of an enterprise session, when that is a step forward (see
     * {@link Pipeline#isAdvancedBy}); a unionised enterprise's pipeline, or an outcome that would move it back, stays
     * as it is. Answers whether it moved.
     */
    @Transactional
    boolean advance(ScopedPrincipal staff, long enterpriseId, StepInput outcome, long sessionId) {
        if (foundings.hadUnionOn(enterpriseId, LocalDate.now(clock))) {
            return false;
        }
        Optional<PipelineRow> row = pipelines.lock(enterpriseId);
        if (row.isPresent() && !row.get().pipeline().isAdvancedBy(outcome.state(), outcome.on())) {
            return false;
        }
        return step(staff, enterpriseId, outcome, sessionId);
    }

    /**
     * Founds the enterprise's union through its pipeline: the organisation module creates the union and publishes
     * {@code UnionFounded} (carrying the latest enterprise session that covered the enterprise, if any); the pipeline
     * moves to founded, dated the founding day (not before its last step).
     */
    @Transactional
    public Founded found(ScopedPrincipal staff, long enterpriseId, FoundingInput input) {
        Enterprise enterprise = enterprises.get(staff.scope(), enterpriseId);
        Optional<PipelineRow> row = pipelines.lock(enterpriseId);
        row.ifPresent(r -> r.pipeline().checkFoundingDate(input.foundedOn()));
        Long sessionId = coverage.ofEnterprise(enterpriseId).stream().findFirst().map(CoverageRow::sessionId)
                .orElse(null);
        Founded founded = foundings.found(staff, enterpriseId, input, sessionId);
        long unionId = founded.founding().unionId();
        if (row.isPresent() && row.get().state() == PipelineState.FOUNDED
                && Long.valueOf(unionId).equals(row.get().unionId())) {
            return founded;
        }
        Pipeline.Step step = Pipeline.founding(row.map(PipelineRow::pipeline).orElse(null),
                founded.founding().foundedOn());
        EnterpriseCopy copy = copyOf(enterprise);
        if (row.isPresent() || !pipelines.insert(copy, step.to(), step.on(), null, unionId)) {
            pipelines.update(copy, step.to(), step.on(), null, unionId);
        }
        pipelines.addStep(enterpriseId, step, founded.founding().sessionId(), staff.username());
        return founded;
    }

    /** Sets a follow-up task on a started pipeline; the same open task again answers the one already there. */
    @Transactional
    public FollowUpTask addTask(ScopedPrincipal staff, long enterpriseId, TaskInput input) {
        enterprises.get(staff.scope(), enterpriseId);
        if (pipelines.find(enterpriseId).isEmpty()) {
            throw ValidationFailure.of("enterpriseId", "PIPELINE_NOT_STARTED");
        }
        LocalDate today = LocalDate.now(clock);
        String todo = FollowUp.check(input.todo(), input.dueOn(), today);
        long id = pipelines.addTask(enterpriseId, todo, input.dueOn(), staff.username());
        return task(pipelines.findTask(id).orElseThrow(), today);
    }

    /** Marks a task of an enterprise in scope done; done already is fine. */
    @Transactional
    public FollowUpTask completeTask(ScopedPrincipal staff, long taskId) {
        TaskRow task = pipelines.findTask(taskId).orElseThrow(() -> new NotFoundException("Task " + taskId));
        enterprises.get(staff.scope(), task.enterpriseId());
        pipelines.completeTask(taskId, staff.username(), clock.instant());
        return task(pipelines.findTask(taskId).orElseThrow(), LocalDate.now(clock));
    }

    /** Open tasks of the scope due by this Sunday (Monday-to-Sunday week), overdue ones included, earliest first. */
    public List<FollowUpTask> dueThisWeek(OrgScope scope) {
        LocalDate today = LocalDate.now(clock);
        return pipelines.openTasksDueBy(scopePath(scope), Week.of(today).sunday(), LIST_LIMIT).stream()
                .map(t -> task(t, today))
                .toList();
    }

    private EnterpriseCopy copyOf(Enterprise enterprise) {
        return new EnterpriseCopy(enterprise.id(), enterprise.name(), enterprise.employeeCount(), enterprise.orgId(),
                tree.find(enterprise.orgId()).orElseThrow().path());
    }

    private String scopePath(OrgScope scope) {
        return tree.get(scope, scope.rootOrgId()).path();
    }

    private String underPath(OrgScope scope, PipelineFilter filter) {
        return filter.orgId() == null ? scopePath(scope) : tree.get(scope, filter.orgId()).path();
    }

    private static Integer minEmployees(PipelineFilter filter) {
        return Boolean.TRUE.equals(filter.workersHome()) ? UnionFoundings.WORKERS_HOME_THRESHOLD : null;
    }

    private static boolean buildsWorkersHome(Integer employees) {
        return employees != null && employees >= UnionFoundings.WORKERS_HOME_THRESHOLD;
    }

    private static FollowUpTask task(TaskRow row, LocalDate today) {
        return new FollowUpTask(row.id(), row.enterpriseId(), row.enterpriseName(), row.todo(), row.dueOn(),
                row.doneAt() == null && FollowUp.isOverdue(row.dueOn(), today), row.createdBy(), row.doneAt(),
                row.doneBy());
    }
}
