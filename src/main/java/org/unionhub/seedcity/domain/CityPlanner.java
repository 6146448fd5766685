package org.unionhub.seedcity.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.unionhub.outreach.DeclineReason;
import org.unionhub.outreach.PipelineState;
import org.unionhub.seedcity.domain.CityPlan.Decline;
import org.unionhub.seedcity.domain.CityPlan.Enterprise;
import org.unionhub.seedcity.domain.CityPlan.EnterpriseSession;
import org.unionhub.seedcity.domain.CityPlan.Founding;
import org.unionhub.seedcity.domain.CityPlan.RosterImport;
import org.unionhub.seedcity.domain.CityPlan.Visit;
import org.unionhub.seedcity.domain.CityPlan.WorkerSession;

/**
 * Plans the seeds' city from its figures and a seed: the same figures, units and seed always give the same plan.
 *
 * <ul>
 * <li>Units: each district's weight is shared among its units by kind (streets draw more than townships) with some
 * spread; the pilot's 120 units are drawn from the 11 pilot districts (at least one each, more in bigger ones).</li>
 * <li>Sessions: the worker sessions (and, apart, the enterprise sessions) are shared exactly among unit-months in
 * proportion to the unit's weight, the month's busyness ({@link CityCalendar}) and some noise; the pilot months have
 * pilot units only. Each falls on a day of its month weighted by {@link CityCalendar#dayWeight}, at lunchtime for
 * most worker sessions, in office hours for enterprise sessions.</li>
 * <li>Tallies: consultations and applications are shared exactly among worker sessions by the session's size (and,
 * for applications, the year: joining on the phone got easier); 97% of applications are approved on the spot;
 * workers reached are 1.5–2.3 times those who consulted or applied.</li>
 * <li>Enterprises: every enterprise session covers at least one enterprise of its own unit for the first time, the
 * rest of the covered enterprises go to the unit's sessions at random; some sessions also revisit an enterprise on
 * its way. Foundings are shared among units by their enterprises and go to bigger, earlier covered enterprises
 * first, weeks to months after the first visit (before 2023-04-30); 30% of the others decline.</li>
 * <li>Members' records: the on-site joins, and roster imports for the rest: most by the newly founded unions (about
 * their head count, soon after founding), the others by the units' joint unions over the years, in batches of
 * {@value CityPlan#IMPORT_BATCH}.</li>
 * <li>The city-wide day: its sites go one to each unit, biggest first (中关村 first and twice at 350 sites), its
 * workers reached and joins shared by size.</li>
 * </ul>
 */
public final class CityPlanner {

    /** The pilot of April 2018: 120 street-level unions in 11 districts. */
    public static final int PILOT_UNITS = 120;
    static final String ZHONGGUANCUN = "110108011";
    static final double APPROVED_SHARE = 0.97;
    static final double FOUNDED_ROSTER_SHARE = 0.7;
    /** Sessions of each kind every unit holds at least, when there are enough to go round. */
    static final int LEAST_PER_UNIT = 3;
    private static final double[] TOPIC_WEIGHTS = {0.30, 0.22, 0.14, 0.10, 0.19, 0.05};
    private static final double[] TOPIC_PRESENCE = {1, 0.6, 0.4, 0.35, 0.6, 0.25};
    private static final String[] WORKER_TITLES = {"职工沟通会", "午间职工沟通会", "“工会就在身边”职工沟通会",
        "新就业形态劳动者专场沟通会", "“工会服务进楼宇”职工沟通会", "“暖心服务”职工沟通会"};
    private static final double[] WORKER_TITLE_WEIGHTS = {0.4, 0.2, 0.1, 0.1, 0.1, 0.1};
    private static final String[] WORKER_PLACES = {"商务楼宇前广场", "地铁站出口", "美食城门前", "产业园食堂外",
        "快递驿站集中点", "社区文化广场", "商场北门", "工业园区大门", "写字楼大堂", "外卖骑手集中等单点"};
    private static final String[] ENTERPRISE_PLACES = {"街道工会会议室", "企业服务中心", "园区管委会会议室", "企业会议室"};
    private static final String[] PARTNERS = {"北京银行服务台", "劳模志愿服务队", "律师志愿服务团", "社区卫生服务中心"};
    private static final double[] PARTNER_SHARES = {0.45, 0.2, 0.2, 0.15};
    private static final String[] TITLES_MET = {"总经理", "人力资源总监", "行政经理", "法定代表人", "办公室主任", "店长"};
    private static final String CAMPAIGN_TITLE = "“凝聚职工心，奋进新征程”市级职工沟通会";

    private final List<CityUnit> units;
    private final SeedFigures figures;
    private final SplittableRandom random;
    private final double[] unitWeight;
    private final boolean[] pilot;
    private final double[][] unitPoint;

    private CityPlanner(List<CityUnit> units, SeedFigures figures, long seed) {
        this.units = units.stream().sorted(Comparator.comparing(CityUnit::key)).toList();
        this.figures = figures;
        this.random = new SplittableRandom(seed);
        this.unitWeight = new double[this.units.size()];
        this.pilot = new boolean[this.units.size()];
        this.unitPoint = new double[this.units.size()][];
    }

    /** The plan of the city made of {@code units} (any order: they are sorted by key) with the given figures. */
    public static CityPlan plan(List<CityUnit> units, SeedFigures figures, long seed) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("No units to hold sessions");
        }
        return new CityPlanner(units, figures, seed).plan();
    }

    private CityPlan plan() {
        weighUnits();
        choosePilot();
        List<WorkerSession> workerSessions = new ArrayList<>(tallied(workerSessionDays()));
        workerSessions.addAll(campaignDay());
        workerSessions.sort(Comparator.comparing(WorkerSession::day).thenComparing(WorkerSession::starts)
                .thenComparingInt(WorkerSession::unit));
        List<WorkerSession> numbered = numberApplicants(workerSessions);
        List<EnterpriseSession> enterpriseSessions = enterpriseSessions();
        List<Enterprise> enterprises = enterprises(enterpriseSessions);
        long nextPerson = numbered.isEmpty() ? 0 : numbered.get(numbered.size() - 1).firstApplicant()
                + numbered.get(numbered.size() - 1).applications();
        List<RosterImport> imports = imports(numbered, enterprises, nextPerson);
        return new CityPlan(figures, units, numbered, enterpriseSessions, enterprises, imports);
    }

    // ---- units -----------------------------------------------------------------------------------------------------

    private void weighUnits() {
        Map<String, Double> rawSums = new HashMap<>();
        double[] raw = new double[units.size()];
        for (int u = 0; u < units.size(); u++) {
            raw[u] = units.get(u).kind().density() * logNormal(0.3);
            rawSums.merge(units.get(u).districtKey(), raw[u], Double::sum);
        }
        for (int u = 0; u < units.size(); u++) {
            CityUnit unit = units.get(u);
            District district = district(unit);
            unitWeight[u] = district.weight() * raw[u] / rawSums.get(unit.districtKey());
            unitPoint[u] = new double[] {district.lat() + random.nextGaussian() * 0.04,
                district.lng() + random.nextGaussian() * 0.05};
        }
    }

    private void choosePilot() {
        List<District> pilotDistricts = District.ALL.stream().filter(District::pilot).toList();
        double[] weights = new double[pilotDistricts.size()];
        int[] caps = new int[pilotDistricts.size()];
        for (int d = 0; d < pilotDistricts.size(); d++) {
            String key = pilotDistricts.get(d).key();
            int count = (int) units.stream().filter(u -> u.districtKey().equals(key)).count();
            weights[d] = count == 0 ? 0 : pilotDistricts.get(d).weight();
            caps[d] = Math.max(0, count - 1);
        }
        long withUnits = Arrays.stream(weights).filter(w -> w > 0).count();
        int capacity = Arrays.stream(caps).sum();
        int[] extra = Apportion.within(Math.min(PILOT_UNITS - withUnits, capacity), weights, caps);
        for (int d = 0; d < pilotDistricts.size(); d++) {
            if (weights[d] == 0) {
                continue;
            }
            String key = pilotDistricts.get(d).key();
            List<Integer> candidates = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                if (units.get(u).districtKey().equals(key)) {
                    candidates.add(u);
                }
            }
            for (int u : weightedSample(candidates, 1 + extra[d], u -> unitWeight[u])) {
                pilot[u] = true;
            }
        }
    }

    private boolean activeIn(int unit, YearMonth month) {
        return pilot[unit] || !month.atDay(1).isBefore(CityCalendar.CITY_WIDE_FROM);
    }

    // ---- worker sessions -------------------------------------------------------------------------------------------

    /** A worker session's place in time and space before its tallies: unit, day, size. */
    private record Slot(int unit, LocalDate day, double size) {
    }

    private List<Slot> workerSessionDays() {
        List<Slot> slots = new ArrayList<>();
        for (Cell cell : cells(figures.workerSessions(), 0.35)) {
            for (LocalDate day : days(cell.month(), cell.count())) {
                double size = units.get(cell.unit()).kind().density() * logNormal(0.45);
                slots.add(new Slot(cell.unit(), day, size));
            }
        }
        return slots;
    }

    private List<WorkerSession> tallied(List<Slot> slots) {
        double[] consultationWeights = new double[slots.size()];
        double[] applicationWeights = new double[slots.size()];
        for (int i = 0; i < slots.size(); i++) {
            consultationWeights[i] = slots.get(i).size() * logNormal(0.25);
            applicationWeights[i] = slots.get(i).size() * CityCalendar.joiningTrend(slots.get(i).day().getYear())
                    * logNormal(0.4);
        }
        int[] consultations = Apportion.of(figures.consultations(), consultationWeights);
        int[] applications = Apportion.of(figures.applications(), applicationWeights);
        List<WorkerSession> sessions = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            int approved = approvals(applications[i], APPROVED_SHARE);
            int reached = (int) Math.ceil((consultations[i] + applications[i]) * (1.5 + 0.8 * random.nextDouble()))
                    + random.nextInt(6);
            sessions.add(workerSession(slot.unit(), slot.day(), lunchtime(), workerTitle(slot.unit()), reached,
                    topics(consultations[i]), applications[i], approved, false));
        }
        return sessions;
    }

    private WorkerSession workerSession(int unit, LocalDate day, LocalTime starts, String title, int reached,
            int[] consultations, int applications, int approved, boolean campaignDay) {
        CityUnit u = units.get(unit);
        String place = u.shortName() + WORKER_PLACES[random.nextInt(WORKER_PLACES.length)];
        List<String> partners = new ArrayList<>();
        for (int p = 0; p < PARTNERS.length; p++) {
            if (random.nextDouble() < PARTNER_SHARES[p]) {
                partners.add(PARTNERS[p]);
            }
        }
        return new WorkerSession(unit, day, starts, 90 + 15 * random.nextInt(5), title, place,
                round6(unitPoint[unit][0] + random.nextGaussian() * 0.006),
                round6(unitPoint[unit][1] + random.nextGaussian() * 0.008), staff(), List.copyOf(partners), reached,
                consultations, applications, approved, 0, campaignDay);
    }

    private String workerTitle(int unit) {
        int pick = pick(WORKER_TITLE_WEIGHTS);
        return pick < 2 ? units.get(unit).shortName() + WORKER_TITLES[pick] : WORKER_TITLES[pick];
    }

    /** Most stalls open at lunchtime, when workers gather; a few in the evening, for the riders and drivers. */
    private LocalTime lunchtime() {
        double u = random.nextDouble();
        if (u < 0.5) {
            return LocalTime.of(11, 30);
        }
        if (u < 0.68) {
            return LocalTime.of(12, 0);
        }
        if (u < 0.8) {
            return LocalTime.of(11, 0);
        }
        if (u < 0.9) {
            return LocalTime.of(11, 45);
        }
        return LocalTime.of(17, 30);
    }

    /**
     * Consultations by topic: joining is asked about at every stall, the other desks are there at some stalls only
     * (lawyers, a health desk…), so a session counts three or four topics, not all six.
     */
    private int[] topics(int consultations) {
        double[] weights = new double[TOPIC_WEIGHTS.length];
        for (int t = 0; t < weights.length; t++) {
            weights[t] = t == 0 || random.nextDouble() < TOPIC_PRESENCE[t] ? TOPIC_WEIGHTS[t] * logNormal(0.5) : 0;
        }
        return Apportion.of(consultations, weights);
    }

    private int approvals(int applications, double share) {
        int approved = 0;
        for (int a = 0; a < applications; a++) {
            if (random.nextDouble() < share) {
                approved++;
            }
        }
        return approved;
    }

    /** The city-wide day: one site per unit, biggest first (中关村 leads), its figures shared by size. */
    private List<WorkerSession> campaignDay() {
        List<Integer> order = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            order.add(u);
        }
        order.sort(Comparator.comparingInt((Integer u) -> units.get(u).key().equals(ZHONGGUANCUN) ? 0 : 1)
                .thenComparingDouble(u -> -unitWeight[u]));
        int sites = figures.campaignSites();
        int[] siteUnit = new int[sites];
        double[] size = new double[sites];
        for (int s = 0; s < sites; s++) {
            siteUnit[s] = order.get(s % order.size());
            size[s] = unitWeight[siteUnit[s]] * logNormal(0.3);
        }
        int[] reached = Apportion.of(figures.campaignReached(), size);
        double[] joinWeights = new double[sites];
        for (int s = 0; s < sites; s++) {
            joinWeights[s] = reached[s] * logNormal(0.3);
        }
        int[] joined = Apportion.within(figures.campaignJoined(), joinWeights, reached);
        List<WorkerSession> sessions = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            int rejected = Math.min(reached[s] - joined[s], joined[s] - approvals(joined[s], 0.98));
            int consultations = (int) Math.round(reached[s] * (0.35 + 0.2 * random.nextDouble()));
            LocalTime starts = random.nextDouble() < 0.8 ? LocalTime.of(11, 30) : LocalTime.of(12, 0);
            sessions.add(workerSession(siteUnit[s], CityCalendar.CAMPAIGN_DAY, starts, CAMPAIGN_TITLE, reached[s],
                    topics(consultations), joined[s] + rejected, joined[s], true));
        }
        return sessions;
    }

    /** Gives each session's applicants their persons, in the sessions' order. */
    private static List<WorkerSession> numberApplicants(List<WorkerSession> sessions) {
        List<WorkerSession> numbered = new ArrayList<>(sessions.size());
        long next = 0;
        for (WorkerSession s : sessions) {
            numbered.add(new WorkerSession(s.unit(), s.day(), s.starts(), s.minutes(), s.title(), s.place(), s.lat(),
                    s.lng(), s.staff(), s.partners(), s.reached(), s.consultations(), s.applications(), s.approved(),
                    next, s.campaignDay()));
            next += s.applications();
        }
        return numbered;
    }

    // ---- enterprise sessions and enterprises -----------------------------------------------------------------------

    private List<EnterpriseSession> enterpriseSessions() {
        List<EnterpriseSession> sessions = new ArrayList<>();
        for (Cell cell : cells(figures.enterpriseSessions(), 0.4)) {
            CityUnit unit = units.get(cell.unit());
            for (LocalDate day : days(cell.month(), cell.count())) {
                double u = random.nextDouble();
                String title = u < 0.5 ? unit.shortName() + "企业沟通会" : u < 0.75 ? "建会“服务包”推介会"
                        : unit.shortName() + "走访企业";
                LocalTime starts = new LocalTime[] {LocalTime.of(9, 30), LocalTime.of(10, 0), LocalTime.of(14, 0),
                    LocalTime.of(14, 30), LocalTime.of(15, 0)}[random.nextInt(5)];
                sessions.add(new EnterpriseSession(cell.unit(), day, starts, 60 + 15 * random.nextInt(5), title,
                        unit.shortName() + ENTERPRISE_PLACES[random.nextInt(ENTERPRISE_PLACES.length)],
                        round6(unitPoint[cell.unit()][0] + random.nextGaussian() * 0.006),
                        round6(unitPoint[cell.unit()][1] + random.nextGaussian() * 0.008), staff()));
            }
        }
        sessions.sort(Comparator.comparing(EnterpriseSession::day).thenComparing(EnterpriseSession::starts)
                .thenComparingInt(EnterpriseSession::unit));
        return sessions;
    }

    /** An enterprise while it is being planned: its first visit and what happens to it. */
    private static final class Draft {
        final int unit;
        final LocalDate firstDay;
        final Employers.Industry industry;
        final int employees;
        final List<Visit> visits = new ArrayList<>();
        PipelineState state;
        LocalDate foundedOn;
        LocalDate declinedOn;

        Draft(int unit, LocalDate firstDay, Employers.Industry industry, int employees) {
            this.unit = unit;
            this.firstDay = firstDay;
            this.industry = industry;
            this.employees = employees;
        }

        LocalDate lastVisit(List<EnterpriseSession> sessions) {
            return sessions.get(visits.get(visits.size() - 1).session()).day();
        }

        boolean openOn(LocalDate day) {
            return firstDay.isBefore(day) && (foundedOn == null || foundedOn.isAfter(day))
                    && (declinedOn == null || declinedOn.isAfter(day));
        }
    }

    private List<Enterprise> enterprises(List<EnterpriseSession> sessions) {
        List<Draft> drafts = firstVisits(sessions);
        chooseFoundings(drafts);
        chooseDeclines(drafts);
        revisit(drafts, sessions);
        List<Enterprise> enterprises = new ArrayList<>(drafts.size());
        long serial = random.nextLong(1_000_000);
        for (Draft draft : drafts) {
            CityUnit unit = units.get(draft.unit);
            String district = unit.key().substring(0, 6);
            String name = Employers.name(draft.industry, random);
            Founding founding = null;
            if (draft.foundedOn != null) {
                LocalDate preparing = draft.foundedOn.minusDays(3 + random.nextInt(19));
                boolean prepares = preparing.isAfter(draft.lastVisit(sessions)) && draft.state != PipelineState.PREPARING;
                founding = new Founding(prepares ? preparing : null, draft.foundedOn, name + "工会",
                        People.name(random, random.nextBoolean()), Employers.unionCode(district, serial));
            }
            Decline decline = draft.declinedOn == null ? null : new Decline(draft.declinedOn, declineReason(draft));
            enterprises.add(new Enterprise(draft.unit, name, Employers.companyCode(district, serial), unit.key(),
                    Employers.address(district(unit), unit, random), draft.industry.name(), draft.employees,
                    random.nextDouble() < draft.industry.newEconomy(), draft.industry.gig(),
                    List.copyOf(draft.visits), founding, decline));
            serial++;
        }
        return enterprises;
    }

    /** Every session covers one new enterprise of its unit; the rest of the covered enterprises are shared out. */
    private List<Draft> firstVisits(List<EnterpriseSession> sessions) {
        Map<Integer, List<Integer>> byUnit = new HashMap<>();
        for (int s = 0; s < sessions.size(); s++) {
            byUnit.computeIfAbsent(sessions.get(s).unit(), u -> new ArrayList<>()).add(s);
        }
        double[] weights = new double[units.size()];
        for (int u = 0; u < units.size(); u++) {
            weights[u] = byUnit.getOrDefault(u, List.of()).size() * logNormal(0.3);
        }
        int[] extra = Apportion.of(figures.enterprisesCovered() - sessions.size(), weights);
        int[] newAt = new int[sessions.size()];
        for (int s = 0; s < sessions.size(); s++) {
            newAt[s] = 1;
        }
        for (int u = 0; u < units.size(); u++) {
            List<Integer> own = byUnit.getOrDefault(u, List.of());
            for (int e = 0; e < extra[u]; e++) {
                newAt[own.get(random.nextInt(own.size()))]++;
            }
        }
        List<Draft> drafts = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            for (int k = 0; k < newAt[s]; k++) {
                Employers.Industry industry = Employers.industry(random);
                Draft draft = new Draft(sessions.get(s).unit(), sessions.get(s).day(), industry,
                        Employers.employees(industry, random));
                draft.state = random.nextDouble() < 0.55 ? PipelineState.CONTACTED : PipelineState.INTERESTED;
                draft.visits.add(visit(s, draft.state));
                drafts.add(draft);
            }
        }
        return drafts;
    }

    private void chooseFoundings(List<Draft> drafts) {
        Map<Integer, List<Integer>> byUnit = new HashMap<>();
        for (int d = 0; d < drafts.size(); d++) {
            byUnit.computeIfAbsent(drafts.get(d).unit, u -> new ArrayList<>()).add(d);
        }
        double[] weights = new double[units.size()];
        int[] caps = new int[units.size()];
        for (int u = 0; u < units.size(); u++) {
            caps[u] = byUnit.getOrDefault(u, List.of()).size();
            weights[u] = caps[u];
        }
        int[] founded = Apportion.within(figures.unionsFounded(), weights, caps);
        for (int u = 0; u < units.size(); u++) {
            List<Integer> own = byUnit.getOrDefault(u, List.of());
            for (int d : weightedSample(own, founded[u], d -> {
                long room = ChronoUnit.DAYS.between(drafts.get(d).firstDay, CityCalendar.AS_OF);
                return Math.sqrt(drafts.get(d).employees) * (room >= 30 ? 1 : 0.02);
            })) {
                Draft draft = drafts.get(d);
                draft.foundedOn = workingDayNotBefore(draft.firstDay.plusDays(lag(draft.firstDay, 70, 10)),
                        draft.firstDay);
            }
        }
    }

    private void chooseDeclines(List<Draft> drafts) {
        for (Draft draft : drafts) {
            long room = ChronoUnit.DAYS.between(draft.firstDay, CityCalendar.AS_OF);
            if (draft.foundedOn == null && room >= 14 && random.nextDouble() < 0.3) {
                draft.declinedOn = workingDayNotBefore(draft.firstDay.plusDays(lag(draft.firstDay, 60, 14)),
                        draft.firstDay.plusDays(1));
            }
        }
    }

    /** Some sessions also revisit an enterprise of their unit that is still on its way, one stage further. */
    private void revisit(List<Draft> drafts, List<EnterpriseSession> sessions) {
        Map<Integer, List<Draft>> byUnit = new HashMap<>();
        for (Draft draft : drafts) {
            byUnit.computeIfAbsent(draft.unit, u -> new ArrayList<>()).add(draft);
        }
        for (int s = 0; s < sessions.size(); s++) {
            EnterpriseSession session = sessions.get(s);
            if (random.nextDouble() >= 0.22) {
                continue;
            }
            List<Draft> open = byUnit.getOrDefault(session.unit(), List.of()).stream()
                    .filter(d -> d.openOn(session.day()) && d.lastVisit(sessions).isBefore(session.day()))
                    .toList();
            if (open.isEmpty()) {
                continue;
            }
            Draft draft = open.get(random.nextInt(open.size()));
            draft.state = draft.state == PipelineState.CONTACTED ? PipelineState.INTERESTED : PipelineState.PREPARING;
            draft.visits.add(visit(s, draft.state));
        }
    }

    private Visit visit(int session, PipelineState outcome) {
        return new Visit(session, outcome, People.name(random, random.nextBoolean()),
                TITLES_MET[random.nextInt(TITLES_MET.length)], 1 + random.nextInt(3));
    }

    private DeclineReason declineReason(Draft draft) {
        double u = random.nextDouble();
        if (u < 0.35) {
            return draft.employees < 25 ? DeclineReason.TOO_FEW_EMPLOYEES : DeclineReason.NOT_INTERESTED;
        }
        if (u < 0.7) {
            return DeclineReason.NOT_INTERESTED;
        }
        return u < 0.9 ? DeclineReason.BUSINESS_DIFFICULTIES : DeclineReason.UNION_AT_HEADQUARTERS;
    }

    /**
     * Days from {@code from} to a later step: log-normal around {@code typical} days, at least {@code least}, and
     * never past {@link CityCalendar#AS_OF} (drawn again, uniformly over what is left, when it would be).
     */
    private long lag(LocalDate from, int typical, int least) {
        long room = ChronoUnit.DAYS.between(from, CityCalendar.AS_OF);
        long lag = Math.max(least, Math.round(typical * logNormal(0.7)));
        if (lag <= room) {
            return lag;
        }
        long low = Math.min(least, room);
        return low + random.nextLong(room - low + 1);
    }

    /** The day itself if it is a working day, else the working day before it, but never before {@code earliest}. */
    private static LocalDate workingDayNotBefore(LocalDate day, LocalDate earliest) {
        for (LocalDate d = day; !d.isBefore(earliest); d = d.minusDays(1)) {
            if (CityCalendar.isWorkingDay(d)) {
                return d;
            }
        }
        return day;
    }

    // ---- roster imports --------------------------------------------------------------------------------------------

    private List<RosterImport> imports(List<WorkerSession> sessions, List<Enterprise> enterprises, long firstPerson) {
        long joined = sessions.stream().filter(s -> !s.campaignDay()).mapToLong(WorkerSession::approved).sum();
        long total = figures.memberRecords() - joined;
        if (total < 0) {
            throw new IllegalStateException("More on-site joins than members' records");
        }
        List<Integer> founded = new ArrayList<>();
        long headCount = 0;
        for (int e = 0; e < enterprises.size(); e++) {
            if (enterprises.get(e).founding() != null) {
                founded.add(e);
                headCount += enterprises.get(e).employees();
            }
        }
        long foundedShare = Math.min(Math.round(total * FOUNDED_ROSTER_SHARE), Math.round(headCount * 0.85));
        double[] rosterWeights = new double[founded.size()];
        int[] heads = new int[founded.size()];
        for (int i = 0; i < founded.size(); i++) {
            heads[i] = enterprises.get(founded.get(i)).employees();
            rosterWeights[i] = heads[i] * (0.6 + 0.35 * random.nextDouble());
        }
        int[] rosters = Apportion.within(foundedShare, rosterWeights, heads);
        List<RosterImport> imports = new ArrayList<>();
        long next = firstPerson;
        for (int i = 0; i < founded.size(); i++) {
            Enterprise enterprise = enterprises.get(founded.get(i));
            LocalDate foundedOn = enterprise.founding().foundedOn();
            LocalDate on = workingDayNotBefore(foundedOn.plusDays(lag(foundedOn, 15, 3)), foundedOn);
            next = batches(imports, enterprise.unit(), founded.get(i), on, rosters[i], next);
        }
        double[] jointWeights = new double[units.size()];
        for (int u = 0; u < units.size(); u++) {
            jointWeights[u] = unitWeight[u] * (pilot[u] ? 1.1 : 1.0) * logNormal(0.3);
        }
        int[] joint = Apportion.of(total - foundedShare, jointWeights);
        for (int u = 0; u < units.size(); u++) {
            int rounds = Math.max(1, (int) Math.ceil(joint[u] / 1500.0));
            double[] sizes = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                sizes[r] = logNormal(0.5);
            }
            int[] counts = Apportion.of(joint[u], sizes);
            LocalDate start = (pilot[u] ? CityCalendar.PILOT_STARTS : CityCalendar.CITY_WIDE_FROM).plusDays(30);
            for (int r = 0; r < rounds; r++) {
                LocalDate day = start.plusDays(random.nextLong(ChronoUnit.DAYS.between(start, CityCalendar.AS_OF)));
                next = batches(imports, u, null, workingDayNotBefore(day, start), counts[r], next);
            }
        }
        return imports;
    }

    private static long batches(List<RosterImport> imports, int unit, Integer enterprise, LocalDate on, int count,
            long firstPerson) {
        long next = firstPerson;
        for (int done = 0; done < count; done += CityPlan.IMPORT_BATCH) {
            int size = Math.min(CityPlan.IMPORT_BATCH, count - done);
            imports.add(new RosterImport(unit, enterprise, on, size, next));
            next += size;
        }
        return next;
    }

    // ---- shared helpers --------------------------------------------------------------------------------------------

    /** The count of sessions of one unit in one month. */
    private record Cell(int unit, YearMonth month, int count) {
    }

    /**
     * Shares {@code total} sessions among unit-months. When there are enough to go round, every unit first gets
     * {@value #LEAST_PER_UNIT} in months of the city-wide years (so that no street is left out), the rest by weight.
     */
    private List<Cell> cells(int total, double noise) {
        List<YearMonth> months = CityCalendar.months();
        double[] weights = new double[units.size() * months.size()];
        for (int u = 0; u < units.size(); u++) {
            for (int m = 0; m < months.size(); m++) {
                weights[u * months.size() + m] = activeIn(u, months.get(m))
                        ? unitWeight[u] * CityCalendar.monthFactor(months.get(m)) * logNormal(noise) : 0;
            }
        }
        int least = total >= 2 * LEAST_PER_UNIT * units.size() ? LEAST_PER_UNIT : 0;
        int[] counts = Apportion.of(total - (long) least * units.size(), weights);
        for (int u = 0; u < units.size(); u++) {
            double[] cityWide = new double[months.size()];
            for (int m = 0; m < months.size(); m++) {
                cityWide[m] = months.get(m).atDay(1).isBefore(CityCalendar.CITY_WIDE_FROM) ? 0
                        : CityCalendar.monthFactor(months.get(m));
            }
            for (int k = 0; k < least; k++) {
                counts[u * months.size() + pick(cityWide)]++;
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                cells.add(new Cell(i / months.size(), months.get(i % months.size()), counts[i]));
            }
        }
        return cells;
    }

    /** {@code count} days of the month (between the pilot's start and the totals' date), by day weight. */
    private List<LocalDate> days(YearMonth month, int count) {
        List<LocalDate> candidates = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0;
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            double w = d.isBefore(CityCalendar.PILOT_STARTS) || d.isAfter(CityCalendar.AS_OF) ? 0
                    : CityCalendar.dayWeight(d);
            if (w > 0) {
                candidates.add(d);
                weights.add(w);
                total += w;
            }
        }
        List<LocalDate> days = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double u = random.nextDouble() * total;
            int i = 0;
            while (i < candidates.size() - 1 && (u -= weights.get(i)) >= 0) {
                i++;
            }
            days.add(candidates.get(i));
        }
        days.sort(null);
        return days;
    }

    /** {@code count} distinct items drawn with probability proportional to their weight (no replacement). */
    private List<Integer> weightedSample(List<Integer> items, int count, IntToDoubleFunction weight) {
        List<double[]> keyed = new ArrayList<>();
        for (int item : items) {
            double w = Math.max(weight.applyAsDouble(item), 1e-9);
            keyed.add(new double[] {Math.log(random.nextDouble()) / w, item});
        }
        keyed.sort(Comparator.comparingDouble((double[] k) -> -k[0]));
        return keyed.stream().limit(count).map(k -> (int) k[1]).toList();
    }

    private List<String> staff() {
        return List.of(People.name(random, random.nextBoolean()), People.name(random, random.nextBoolean()));
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private double logNormal(double sigma) {
        return Math.exp(sigma * random.nextGaussian());
    }

    private static District district(CityUnit unit) {
        return District.byKey(unit.districtKey())
                .orElseThrow(() -> new IllegalArgumentException("Unknown district " + unit.districtKey()));
    }

    private static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
