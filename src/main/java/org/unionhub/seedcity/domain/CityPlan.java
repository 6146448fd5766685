package org.unionhub.seedcity.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.unionhub.outreach.DeclineReason;
import org.unionhub.outreach.PipelineState;

/**
 * The seeds' city, planned record by record before anything is stored: every worker and enterprise session with its
 * tallies, every covered enterprise with its visits, its pipeline and its union, and every roster import. People are
 * not listed: the applicants of a session are the persons {@code firstApplicant} onwards, an import's members the
 * persons {@code firstPerson} onwards (see {@link People}). {@link #expected} says what the funnel must show for any
 * area and period, computed from the plan alone.
 */
public record CityPlan(SeedFigures figures, List<CityUnit> units, List<WorkerSession> workerSessions,
        List<EnterpriseSession> enterpriseSessions, List<Enterprise> enterprises, List<RosterImport> imports) {

    /** The consultation topics in the order of {@link WorkerSession#consultations}. */
    public static final List<String> TOPICS = List.of("JOINING", "LEGAL", "HEALTH", "WORK_SAFETY",
            "UNION_SERVICES", "OTHER");
    /** Rows an import commits per batch: one {@code MembersImported} per union and batch. */
    public static final int IMPORT_BATCH = 1000;

    /**
     * A worker session at {@code unit} (an index into {@link #units}); its applications are submitted on its day by
     * the persons {@code firstApplicant} onwards, the first {@code approved} of them approved on the spot.
     */
    public record WorkerSession(int unit, LocalDate day, LocalTime starts, int minutes, String title, String place,
            double lat, double lng, List<String> staff, List<String> partners, int reached, int[] consultations,
            int applications, int approved, long firstApplicant, boolean campaignDay) {

        public int consultationCount() {
            int sum = 0;
            for (int c : consultations) {
                sum += c;
            }
            return sum;
        }
    }

    /** An enterprise session (a visit or a meeting with employers) at {@code unit}. */
    public record EnterpriseSession(int unit, LocalDate day, LocalTime starts, int minutes, String title,
            String place, double lat, double lng, List<String> staff) {
    }

    /** An enterprise an enterprise session covered: the person met and the outcome the visit reached. */
    public record Visit(int session, PipelineState outcome, String personMet, String personTitle, int items) {
    }

    /** A founding: the preparing step before it (if any), the day, the new union's name, chair and credit code. */
    public record Founding(LocalDate preparingOn, LocalDate foundedOn, String unionName, String chair,
            String unionCreditCode) {
    }

    /** An enterprise that declined to found a union for now. */
    public record Decline(LocalDate on, DeclineReason reason) {
    }

    /** An employer under {@code unit}, first covered by its first visit; founded or declined later, or neither. */
    public record Enterprise(int unit, String name, String creditCode, String divisionCode, String address,
            String industry, int employees, boolean newEconomy, boolean gigPlatform, List<Visit> visits,
            Founding founding, Decline decline) {
    }

    /**
     * One committed batch of a roster import on {@code on}: into the founded union of {@code enterprise}, or, when
     * that is null, into the joint union of {@code unit}; its members are the persons {@code firstPerson} onwards.
     */
    public record RosterImport(int unit, Integer enterprise, LocalDate on, int count, long firstPerson) {
    }

    /** Why the application of the person at {@code index} was refused, if it was: mostly details that did not match. */
    public static String rejectReason(long index) {
        long bucket = Math.floorMod(index * 2_654_435_761L, 20);
        return bucket < 12 ? "INFORMATION_MISMATCH" : bucket < 17 ? "DUPLICATE" : "NOT_IN_THIS_AREA";
    }

    /** The funnel the plan makes for the units that pass {@code area} (indexes into {@link #units}) over the days. */
    public Figures expected(IntPredicate area, LocalDate from, LocalDate to) {
        long workerSessionCount = 0;
        long reached = 0;
        long consultations = 0;
        long applications = 0;
        long joined = 0;
        for (WorkerSession s : workerSessions) {
            if (area.test(s.unit()) && within(s.day(), from, to)) {
                workerSessionCount++;
                reached += s.reached();
                consultations += s.consultationCount();
                applications += s.applications();
                joined += s.approved();
            }
        }
        long imported = 0;
        for (RosterImport i : imports) {
            if (area.test(i.unit()) && within(i.on(), from, to)) {
                imported += i.count();
            }
        }
        long enterpriseSessionCount = 0;
        for (EnterpriseSession s : enterpriseSessions) {
            if (area.test(s.unit()) && within(s.day(), from, to)) {
                enterpriseSessionCount++;
            }
        }
        Set<Integer> covered = new HashSet<>();
        long founded = 0;
        for (int e = 0; e < enterprises.size(); e++) {
            Enterprise enterprise = enterprises.get(e);
            if (!area.test(enterprise.unit())) {
                continue;
            }
            for (Visit visit : enterprise.visits()) {
                if (within(enterpriseSessions.get(visit.session()).day(), from, to)) {
                    covered.add(e);
                }
            }
            if (enterprise.founding() != null && within(enterprise.founding().foundedOn(), from, to)) {
                founded++;
            }
        }
        return new Figures(workerSessionCount, reached, consultations, applications, joined, joined + imported,
                enterpriseSessionCount, covered.size(), founded);
    }

    /** The units of one district-level area, as an area for {@link #expected}. */
    public IntPredicate district(String districtKey) {
        return unit -> units.get(unit).districtKey().equals(districtKey);
    }

    /** Every unit: the whole city. */
    public IntPredicate city() {
        return unit -> true;
    }

    /** How many persons the plan uses: applicants and imported members. */
    public long persons() {
        long persons = 0;
        for (WorkerSession s : workerSessions) {
            persons = Math.max(persons, s.firstApplicant() + s.applications());
        }
        for (RosterImport i : imports) {
            persons = Math.max(persons, i.firstPerson() + i.count());
        }
        return persons;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
