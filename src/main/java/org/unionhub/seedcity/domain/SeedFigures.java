package org.unionhub.seedcity.domain;

/**
 * The figures the seeds report, which the generated city must show exactly: dual communication from the pilot of
 * April 2018 to 2023-04-30 (27,100 worker sessions, 609,800 consultations, 160,100 on-site applications, 1,193,500
 * members' records, 17,300 enterprise sessions covering 21,700 enterprises of which 14,800 founded a union) and the
 * city-wide day of 2023-05-30 (350 sites, nearly 20,000 workers reached, 4,551 joined). The seeds say "近2万" for
 * the workers reached that day; the generator makes it {@value #CAMPAIGN_REACHED}.
 */
public record SeedFigures(int workerSessions, int consultations, int applications, int memberRecords,
        int enterpriseSessions, int enterprisesCovered, int unionsFounded, int campaignSites, int campaignReached,
        int campaignJoined) {

    static final int CAMPAIGN_REACHED = 19_800;

    public static final SeedFigures SEEDS = new SeedFigures(27_100, 609_800, 160_100, 1_193_500, 17_300, 21_700,
            14_800, 350, CAMPAIGN_REACHED, 4_551);

    public SeedFigures {
        if (workerSessions < 1 || enterpriseSessions < 1 || campaignSites < 1) {
            throw new IllegalArgumentException("A city needs at least one session of each kind and one site");
        }
        if (enterprisesCovered < enterpriseSessions) {
            throw new IllegalArgumentException("Every enterprise session covers at least one enterprise of its own");
        }
        if (unionsFounded > enterprisesCovered) {
            throw new IllegalArgumentException("Only covered enterprises found unions here");
        }
        if (memberRecords < applications) {
            throw new IllegalArgumentException("Members' records include every on-site join");
        }
        if (campaignJoined > campaignReached) {
            throw new IllegalArgumentException("Nobody joins at a stall without being reached there");
        }
    }

    /**
     * The seeds' figures times {@code scale} (0 &lt; scale ≤ 1), each rounded half up and at least 1, for a small city
     * with the same shape: at 1/1000, 27 worker sessions, 610 consultations, 160 applications and so on.
     */
    public static SeedFigures scaled(double scale) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("The scale must be above 0 and at most 1, not " + scale);
        }
        SeedFigures s = SEEDS;
        return new SeedFigures(times(s.workerSessions, scale), times(s.consultations, scale),
                times(s.applications, scale), times(s.memberRecords, scale), times(s.enterpriseSessions, scale),
                times(s.enterprisesCovered, scale), times(s.unionsFounded, scale), times(s.campaignSites, scale),
                times(s.campaignReached, scale), times(s.campaignJoined, scale));
    }

    private static int times(int figure, double scale) {
        return (int) Math.max(1, Math.floor(figure * scale + 0.5));
    }
}
