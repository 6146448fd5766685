package org.unionhub.seedcity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.unionhub.seedcity.domain.Figures;

/**
 * Builds the seeds' city once the demo data is in, when started with {@code --unionhub.seed-city.scale=1} (or a
 * smaller scale for a small city of the same shape), and logs what the funnel must now show. Not part of the normal
 * start: without the property nothing happens. See {@code docs/reporting.md}.
 */
@Component
@Order(100)
@ConditionalOnProperty(prefix = "unionhub.seed-city", name = "scale")
@EnableConfigurationProperties(SeedCityCommand.Options.class)
class SeedCityCommand implements ApplicationRunner {

    /**
     * @param scale the share of the seeds' figures to build (1: the real city)
     * @param seed the random seed; the same seed gives the same city
     */
    @ConfigurationProperties("unionhub.seed-city")
    record Options(double scale, Long seed) {

        static final long DEFAULT_SEED = 20_230_530L;

        long seedOrDefault() {
            return seed == null ? DEFAULT_SEED : seed;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(SeedCityCommand.class);

    private final SeedCity city;
    private final Options options;

    SeedCityCommand(SeedCity city, Options options) {
        this.city = city;
        this.options = options;
    }

    @Override
    public void run(ApplicationArguments args) {
        PlannedCity built = city.build(options.scale(), options.seedOrDefault()).city();
        log.info("The funnel of the city to 2023-04-30 must show {}", describe(built.cityToDate()));
        log.info("The funnel of the city on 2023-05-30 must show {}", describe(built.cityOnCampaignDay()));
    }

    static String describe(Figures f) {
        return String.format("worker sessions %,d, workers reached %,d, consultations %,d, applications %,d, "
                + "members joined %,d, members' records %,d, enterprise sessions %,d, enterprises covered %,d, "
                + "unions founded %,d", f.workerSessions(), f.workersReached(), f.consultations(), f.applications(),
                f.membersJoined(), f.memberRecords(), f.enterpriseSessions(), f.enterprisesCovered(),
                f.unionsFounded());
    }
}
