package org.unionhub.seedcity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.unionhub.membership.MembershipBackfill;
import org.unionhub.membership.MembershipBackfill.DecidedApplication;
import org.unionhub.membership.MembershipBackfill.RosterEntry;
import org.unionhub.organisation.EnterpriseInput;
import org.unionhub.organisation.EnterpriseRegistry;
import org.unionhub.organisation.FoundingInput;
import org.unionhub.organisation.NewOrgUnit;
import org.unionhub.organisation.OrgKind;
import org.unionhub.organisation.OrgScope;
import org.unionhub.organisation.OrgTree;
import org.unionhub.organisation.OrgUnit;
import org.unionhub.organisation.ScopedPrincipal;
import org.unionhub.outreach.CampaignInput;
import org.unionhub.outreach.Campaigns;
import org.unionhub.outreach.CoverageInput;
import org.unionhub.outreach.EnterprisePipelines;
import org.unionhub.outreach.EnterpriseSessionRecords;
import org.unionhub.outreach.PipelineState;
import org.unionhub.outreach.ServiceItem;
import org.unionhub.outreach.ServicePackageCatalogue;
import org.unionhub.outreach.SessionBackfill;
import org.unionhub.outreach.SessionBackfill.HeldSession;
import org.unionhub.outreach.SessionBackfill.Recorded;
import org.unionhub.outreach.SessionKind;
import org.unionhub.outreach.StepInput;
import org.unionhub.seedcity.domain.CityCalendar;
import org.unionhub.seedcity.domain.CityPlan;
import org.unionhub.seedcity.domain.CityPlan.Enterprise;
import org.unionhub.seedcity.domain.CityPlan.EnterpriseSession;
import org.unionhub.seedcity.domain.CityPlan.RosterImport;
import org.unionhub.seedcity.domain.CityPlan.Visit;
import org.unionhub.seedcity.domain.CityPlan.WorkerSession;
import org.unionhub.seedcity.domain.CityPlanner;
import org.unionhub.seedcity.domain.Employers;
import org.unionhub.seedcity.domain.People;
import org.unionhub.seedcity.domain.People.Applicant;
import org.unionhub.seedcity.domain.SeedFigures;

/**
 * Builds the seeds' city (see {@link CityPlanner} for how it is planned) into an empty city: every record goes
 * through the public API of the module that owns it, so the read models are kept up by the very events production
 * publishes. Joint unions a street lacks are added through the tree; enterprises are registered, covered, moved
 * along their pipeline and their unions founded one by one, as staff would; sessions, on-site applications with
 * their decisions and roster imports, the bulk of the records, go through the outreach and membership backfills,
 * many per call. Work is committed in chunks, and waits whenever the listeners fall far behind.
 */
@Service
public class SeedCity {

    /** The account name every generated record carries as its author. */
    public static final String RECORDED_BY = "seed-city";
    static final String CAMPAIGN_NAME = "“5·30”全市双沟通集中行动日";
    static final String ETDA_NAME = "北京经济技术开发区总工会";
    private static final Logger log = LoggerFactory.getLogger(SeedCity.class);
    private static final int SESSIONS_PER_CALL = 1000;
    private static final int APPLICATIONS_PER_CALL = 2000;
    private static final int ENTERPRISES_PER_TRANSACTION = 200;
    private static final int IMPORTED_PER_TRANSACTION = 20_000;
    private static final int BACKLOG_LIMIT = 30_000;
    private static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final LocalDate JOINT_UNIONS_FOUNDED = LocalDate.of(2018, 3, 1);

    private final OrgTree tree;
    private final EnterpriseRegistry enterpriseRegistry;
    private final Campaigns campaigns;
    private final SessionBackfill sessions;
    private final EnterpriseSessionRecords coverage;
    private final EnterprisePipelines pipelines;
    private final ServicePackageCatalogue catalogue;
    private final MembershipBackfill membership;
    private final TransactionTemplate transaction;
    private final ListenerBacklog backlog;
    private final Clock clock;

    SeedCity(OrgTree tree, EnterpriseRegistry enterpriseRegistry, Campaigns campaigns, SessionBackfill sessions,
            EnterpriseSessionRecords coverage, EnterprisePipelines pipelines, ServicePackageCatalogue catalogue,
            MembershipBackfill membership, TransactionTemplate transaction, ListenerBacklog backlog, Clock clock) {
        this.tree = tree;
        this.enterpriseRegistry = enterpriseRegistry;
        this.campaigns = campaigns;
        this.sessions = sessions;
        this.coverage = coverage;
        this.pipelines = pipelines;
        this.catalogue = catalogue;
        this.membership = membership;
        this.transaction = transaction;
        this.backlog = backlog;
        this.clock = clock;
    }

    /**
     * Plans the city at {@code scale} of the seeds' figures (1 for the real city) from {@code seed}, stores it, and
     * waits until every event it published has been handled. Needs the demo tree (the federation, its districts and
     * street-level unions) and a city not built before.
     *
     * @throws IllegalStateException when the tree is missing or this city was built here already
     */
    public BuiltCity build(double scale, long seed) {
        Instant started = clock.instant();
        CityMap map = CityMap.of(tree);
        CityPlan plan = plan(map, scale, seed);
        log.info("Seeds' city planned at scale {}: {} worker sessions, {} enterprise sessions, {} enterprises, "
                + "{} import batches, {} persons", scale, plan.workerSessions().size(),
                plan.enterpriseSessions().size(), plan.enterprises().size(), plan.imports().size(), plan.persons());
        if (enterpriseRegistry.findByCreditCode(plan.enterprises().get(0).creditCode()).isPresent()) {
            throw new IllegalStateException("The seeds' city of seed " + seed + " was built in this database already");
        }
        Run run = new Run(plan, map, new People(seed), seed);
        timed("joint unions", () -> run.jointUnions());
        timed("enterprises", () -> run.enterprises());
        timed("sessions", () -> run.sessions());
        timed("applications", () -> run.applications());
        timed("pipelines and foundings", () -> run.pipelines());
        timed("roster imports", () -> run.imports());
        Instant recorded = clock.instant();
        timed("listeners catching up", () -> backlog.awaitHandled(started));
        Instant done = clock.instant();
        log.info("Seeds' city built in {} (records {}, listeners after that {})", Duration.between(started, done),
                Duration.between(started, recorded), Duration.between(recorded, done));
        return new BuiltCity(new PlannedCity(plan, map.city().id(), map.districtIds()),
                Duration.between(started, recorded), Duration.between(started, done));
    }

    /**
     * The city {@link #build} would build (or has built) at {@code scale} from {@code seed} on this database's tree,
     * without storing anything: what its funnel must show.
     */
    public PlannedCity plan(double scale, long seed) {
        CityMap map = CityMap.of(tree);
        return new PlannedCity(plan(map, scale, seed), map.city().id(), map.districtIds());
    }

    private static CityPlan plan(CityMap map, double scale, long seed) {
        return CityPlanner.plan(map.units(), SeedFigures.scaled(scale), seed);
    }

    private static void timed(String step, Runnable work) {
        long start = System.nanoTime();
        work.run();
        log.info("Seeds' city: {} in {} ms", step, (System.nanoTime() - start) / 1_000_000);
    }

    /** One build: the plan, the ids its records got, and the chunked work. */
    private final class Run {

        private final CityPlan plan;
        private final CityMap map;
        private final People people;
        private final long seed;
        private final ScopedPrincipal staff;
        private final ZoneId zone;
        private final long[] jointUnion;
        private final long[] enterpriseId;
        private final Map<Integer, Long> foundedUnion = new ConcurrentHashMap<>();
        private final List<Recorded> workerSessionIds = new ArrayList<>();
        private final List<Recorded> enterpriseSessionIds = new ArrayList<>();

        Run(CityPlan plan, CityMap map, People people, long seed) {
            this.plan = plan;
            this.map = map;
            this.people = people;
            this.seed = seed;
            this.staff = new RecordingStaff(new OrgScope(map.city().id()));
            this.zone = clock.getZone();
            this.jointUnion = new long[plan.units().size()];
            this.enterpriseId = new long[plan.enterprises().size()];
        }

        /** Every unit's joint union, the one it has or a new one. */
        void jointUnions() {
            transaction.executeWithoutResult(status -> {
                for (int u = 0; u < plan.units().size(); u++) {
                    OrgUnit unit = map.node(u);
                    int index = u;
                    jointUnion[u] = tree.jointUnionOf(unit.id()).map(OrgUnit::id).orElseGet(() -> tree.create(
                            staff.scope(), new NewOrgUnit(unit.id(), plan.units().get(index).shortName() + "联合工会",
                                    OrgKind.JOINT, unit.divisionCode(), Employers.jointUnionCode(
                                            plan.units().get(index).key().substring(0, 6), seed % 1_000_000 + index),
                                    JOINT_UNIONS_FOUNDED)).id());
                }
            });
        }

        void enterprises() {
            List<Enterprise> all = plan.enterprises();
            inChunks(all.size(), ENTERPRISES_PER_TRANSACTION * 5, (from, to) -> {
                for (int e = from; e < to; e++) {
                    Enterprise p = all.get(e);
                    enterpriseId[e] = enterpriseRegistry.create(staff.scope(), new EnterpriseInput(p.name(),
                            p.creditCode(), false, map.node(p.unit()).id(), p.divisionCode(), p.address(),
                            p.industry(), p.employees(), p.newEconomy(), false, p.gigPlatform(), null, null)).id();
                }
            });
        }

        /** Worker and enterprise sessions in a shuffled order, so that each call spreads its events over many days. */
        void sessions() {
            long campaignId = campaigns.create(staff, new CampaignInput(CAMPAIGN_NAME, CityCalendar.CAMPAIGN_DAY,
                    map.city().id())).id();
            List<WorkerSession> workers = plan.workerSessions();
            workerSessionIds.addAll(Collections.nCopies(workers.size(), null));
            List<Integer> order = shuffled(workers.size(), 1);
            for (int from = 0; from < order.size(); from += SESSIONS_PER_CALL) {
                List<Integer> chunk = order.subList(from, Math.min(order.size(), from + SESSIONS_PER_CALL));
                List<HeldSession> held = chunk.stream().map(i -> held(workers.get(i), campaignId)).toList();
                List<Recorded> recorded = record(held, from);
                for (int k = 0; k < chunk.size(); k++) {
                    workerSessionIds.set(chunk.get(k), recorded.get(k));
                }
            }
            List<EnterpriseSession> visits = plan.enterpriseSessions();
            enterpriseSessionIds.addAll(Collections.nCopies(visits.size(), null));
            order = shuffled(visits.size(), 2);
            for (int from = 0; from < order.size(); from += SESSIONS_PER_CALL) {
                List<Integer> chunk = order.subList(from, Math.min(order.size(), from + SESSIONS_PER_CALL));
                List<HeldSession> held = chunk.stream().map(i -> held(visits.get(i))).toList();
                List<Recorded> recorded = record(held, workers.size() + from);
                for (int k = 0; k < chunk.size(); k++) {
                    enterpriseSessionIds.set(chunk.get(k), recorded.get(k));
                }
            }
        }

        private List<Recorded> record(List<HeldSession> held, long codeStream) {
            backlog.awaitBelow(BACKLOG_LIMIT);
            return sessions.recordHeld(RECORDED_BY, held, new Random(seed * 1_000_003 + codeStream));
        }

        private HeldSession held(WorkerSession s, long campaignId) {
            Map<String, Integer> consultations = new LinkedHashMap<>();
            for (int t = 0; t < CityPlan.TOPICS.size(); t++) {
                consultations.put(CityPlan.TOPICS.get(t), s.consultations()[t]);
            }
            return new HeldSession(SessionKind.WORKER, map.node(s.unit()).id(), s.campaignDay() ? campaignId : null,
                    s.title(), s.place(), coordinate(s.lat()), coordinate(s.lng()), at(s.day(), s.starts()),
                    at(s.day(), s.starts()).plusMinutes(s.minutes()), s.staff(), s.partners(), s.reached(),
                    consultations);
        }

        private HeldSession held(EnterpriseSession s) {
            return new HeldSession(SessionKind.ENTERPRISE, map.node(s.unit()).id(), null, s.title(), s.place(),
                    coordinate(s.lat()), coordinate(s.lng()), at(s.day(), s.starts()),
                    at(s.day(), s.starts()).plusMinutes(s.minutes()), s.staff(), List.of(), 0, Map.of());
        }

        /**
         * The applications of each session, submitted while the stall was open and decided minutes later. Calls
         * take sessions in a shuffled order and list their applications round-robin, so that consecutive events
         * seldom belong to one session.
         */
        void applications() {
            List<WorkerSession> workers = plan.workerSessions();
            List<Integer> order = shuffled(workers.size(), 3);
            List<Integer> chunk = new ArrayList<>();
            int applications = 0;
            for (int i : order) {
                chunk.add(i);
                applications += workers.get(i).applications();
                if (applications >= APPLICATIONS_PER_CALL) {
                    decide(chunk);
                    chunk = new ArrayList<>();
                    applications = 0;
                }
            }
            decide(chunk);
        }

        private void decide(List<Integer> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            List<DecidedApplication> decided = new ArrayList<>();
            for (int round = 0; ; round++) {
                boolean any = false;
                for (int i : chunk) {
                    WorkerSession s = plan.workerSessions().get(i);
                    if (round < s.applications()) {
                        decided.add(application(s, workerSessionIds.get(i).code(), round));
                        any = true;
                    }
                }
                if (!any) {
                    break;
                }
            }
            backlog.awaitBelow(BACKLOG_LIMIT);
            membership.recordDecided(RECORDED_BY, decided);
        }

        private DecidedApplication application(WorkerSession s, String code, int k) {
            long person = s.firstApplicant() + k;
            Applicant applicant = people.applicant(person);
            OffsetDateTime opened = at(s.day(), s.starts());
            Instant submitted = opened.plusSeconds((long) s.minutes() * 60 * k / Math.max(1, s.applications()))
                    .toInstant();
            Instant decided = submitted.plusSeconds(120 + person % 480);
            boolean approved = k < s.approved();
            return new DecidedApplication(RECORDED_BY + "-" + seed + "-" + person, code, jointUnion[s.unit()],
                    applicant.person().name(), applicant.person().idNumber(), applicant.person().phone(),
                    applicant.employerName(), applicant.occupation(), submitted, approved,
                    approved ? null : CityPlan.rejectReason(person), decided);
        }

        /**
         * Each enterprise as staff would record it: its visits (the coverage of each enterprise session), the
         * preparing step, then the founding of its union or its decline. Enterprises go in a shuffled order.
         */
        void pipelines() {
            Map<Long, List<Long>> items = new ConcurrentHashMap<>();
            List<Integer> order = shuffled(plan.enterprises().size(), 4);
            inChunks(order.size(), ENTERPRISES_PER_TRANSACTION, (from, to) -> {
                for (int k = from; k < to; k++) {
                    pipeline(order.get(k), items);
                }
            });
        }

        private void pipeline(int e, Map<Long, List<Long>> items) {
            Enterprise p = plan.enterprises().get(e);
            long id = enterpriseId[e];
            for (Visit visit : p.visits()) {
                Recorded session = enterpriseSessionIds.get(visit.session());
                long organiser = map.node(plan.enterpriseSessions().get(visit.session()).unit()).id();
                List<Long> offered = items.computeIfAbsent(organiser,
                        org -> catalogue.offeredAt(org).stream().map(ServiceItem::id).toList());
                coverage.record(staff, session.sessionId(), id, new CoverageInput(visit.personMet(),
                        visit.personTitle(), pick(offered, visit.items(), e), visit.outcome(), null, null));
            }
            if (p.founding() != null) {
                if (p.founding().preparingOn() != null) {
                    pipelines.record(staff, id, new StepInput(PipelineState.PREPARING, p.founding().preparingOn(),
                            null, null));
                }
                foundedUnion.put(e, pipelines.found(staff, id, new FoundingInput(p.founding().unionName(),
                        p.founding().chair(), p.founding().foundedOn(), p.founding().unionCreditCode()))
                        .founding().unionId());
            } else if (p.decline() != null) {
                pipelines.record(staff, id, new StepInput(PipelineState.DECLINED, p.decline().on(),
                        p.decline().reason(), null));
            }
        }

        /** Roster imports, a batch per call, many calls per transaction, in a shuffled order. */
        void imports() {
            List<RosterImport> all = plan.imports();
            List<Integer> order = shuffled(all.size(), 5);
            List<Integer> chunk = new ArrayList<>();
            int rows = 0;
            for (int i : order) {
                chunk.add(i);
                rows += all.get(i).count();
                if (rows >= IMPORTED_PER_TRANSACTION) {
                    importChunk(chunk);
                    chunk = new ArrayList<>();
                    rows = 0;
                }
            }
            importChunk(chunk);
        }

        private void importChunk(List<Integer> chunk) {
            backlog.awaitBelow(BACKLOG_LIMIT);
            transaction.executeWithoutResult(status -> {
                for (int i : chunk) {
                    RosterImport batch = plan.imports().get(i);
                    List<RosterEntry> entries = new ArrayList<>(batch.count());
                    for (long p = batch.firstPerson(); p < batch.firstPerson() + batch.count(); p++) {
                        People.Person person = people.person(p);
                        entries.add(new RosterEntry(person.name(), person.idNumber(), person.phone()));
                    }
                    long union = batch.enterprise() == null ? jointUnion[batch.unit()]
                            : foundedUnion.get(batch.enterprise());
                    membership.recordImportBatch(union, batch.on(), RECORDED_BY, entries);
                }
            });
        }

        /**
         * Runs the chunks, each in a transaction of its own, on as many threads as the machine has cores: one call
         * after another through the services leaves a core idle while the other waits for the database.
         */
        private void inChunks(int size, int chunk, ChunkWork work) {
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int from = 0; from < size; from += chunk) {
                    int start = from;
                    int end = Math.min(size, from + chunk);
                    done.add(workers.submit(() -> {
                        backlog.awaitBelow(BACKLOG_LIMIT);
                        transaction.executeWithoutResult(status -> work.run(start, end));
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException("A chunk of the seeds' city failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while building the seeds' city", e);
            } finally {
                workers.shutdownNow();
            }
        }

        private List<Integer> shuffled(int size, int stream) {
            List<Integer> order = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed * 31 + stream));
            return order;
        }

        private OffsetDateTime at(LocalDate day, LocalTime time) {
            return day.atTime(time).atZone(zone).toOffsetDateTime();
        }
    }

    /** A chunk of work over indexes {@code from} (inclusive) to {@code to} (exclusive), in one transaction. */
    @FunctionalInterface
    private interface ChunkWork {
        void run(int from, int to);
    }

    /** Up to {@code count} of the offered items, starting at a place that depends on the enterprise. */
    private static List<Long> pick(List<Long> offered, int count, int enterprise) {
        if (offered.isEmpty()) {
            return List.of();
        }
        List<Long> picked = new ArrayList<>();
        for (int k = 0; k < Math.min(count, offered.size()); k++) {
            picked.add(offered.get((enterprise + k) % offered.size()));
        }
        return picked;
    }

    private static BigDecimal coordinate(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    /** The generator as the staff member that records everything, with the whole city in scope. */
    private record RecordingStaff(OrgScope scope) implements ScopedPrincipal {

        @Override
        public String username() {
            return RECORDED_BY;
        }
    }
}
