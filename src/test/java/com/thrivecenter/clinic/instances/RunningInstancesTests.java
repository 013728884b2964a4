package com.thrivecenter.clinic.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.EmbeddedPostgresServer;
import com.thrivecenter.clinic.SharedSecret;
import com.thrivecenter.clinic.SharedSecrets;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checking the running instances as one starts borrows connections from the pool and gives every one back: a
 * connection held for the life of the process is one fewer for patients' inquiries, and keeps the database open after
 * the site has stopped. On H2 and on a real PostgreSQL.
 */
class RunningInstancesTests {

    private static final SharedSecrets SECRETS = () ->
            List.of(SharedSecret.single("clinic.inquiries.secret", "shared by both".getBytes(StandardCharsets.UTF_8)));

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", "jdbc:h2:mem:" + UUID.randomUUID(), ""),
                Arguments.of("PostgreSQL", postgres.getJdbcUrl("postgres", "postgres"), "postgres"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anInstanceThatStartsBesideAnotherGivesBackEveryConnectionItBorrowed(String name, String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(3);
        try (HikariDataSource database = new HikariDataSource(config)) {
            Flyway.configure().dataSource(database).load().migrate();
            JdbcClient jdbc = JdbcClient.create(database);
            RunningInstances running = instance(jdbc);
            running.afterSingletonsInstantiated();

            RunningInstances starting = instance(jdbc);
            starting.afterSingletonsInstantiated();

            assertThat(jdbc.sql("SELECT COUNT(*) FROM site_instance")
                            .query(Integer.class)
                            .single())
                    .as("both instances recorded, so the second compared its secrets with the first's")
                    .isEqualTo(2);
            assertThat(database.getHikariPoolMXBean().getActiveConnections()).isZero();
            starting.destroy();
            running.destroy();
        }
    }

    private static RunningInstances instance(JdbcClient jdbc) {
        return new RunningInstances(jdbc, List.of(SECRETS), new InstanceProperties(Duration.ofSeconds(5)));
    }
}
