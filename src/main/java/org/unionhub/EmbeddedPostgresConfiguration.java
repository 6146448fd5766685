package org.unionhub;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL 17 when no external database is configured ({@code spring.datasource.url} unset).
 * Unlike zonky's test defaults, durability is on: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are ON, and the data directory is kept between runs unless told otherwise. The server stops
 * when the application context closes, after every bean that uses it (zonky's own JVM shutdown hook would stop it
 * concurrently with the context, and the event publication registry's last query would then wait out the pool's
 * 30-second connection timeout).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * @param dataDirectory where the cluster lives; kept between runs
     * @param port a fixed port, or 0 for any free one
     * @param cleanOnStart wipe the cluster at start (tests)
     * @param serverConfig further server settings (e.g. {@code shared_preload_libraries: pg_stat_statements} to
     *        see where a benchmark's database time goes); they override the defaults above
     */
    @ConfigurationProperties("unionhub.embedded-db")
    record EmbeddedDatabaseProperties(Path dataDirectory, int port, boolean cleanOnStart,
            Map<String, String> serverConfig) {
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(dataDirectory.getParent());
        log.info("Embedded PostgreSQL 17, data directory {}", dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.cleanOnStart())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops the server (destroyMethod) after everything that uses it; zonky's own JVM shutdown
                // hook would stop it concurrently, while beans still query it on close.
                .setRegisterShutdownHook(false);
        if (properties.serverConfig() != null) {
            properties.serverConfig().forEach(builder::setServerConfig);
        }
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        return builder.start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }
}
