package com.thrivecenter.clinic.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.SharedSecret;
import com.thrivecenter.clinic.SharedSecrets;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checking the running instances as one starts borrows connections from the pool and gives every one back: a
 * connection held for the life of the process is one fewer for patients' inquiries, and keeps the database open after
 * the site has stopped.
 */
class RunningInstancesTests {

    private static final SharedSecrets SECRETS = () ->
            List.of(SharedSecret.single("clinic.inquiries.secret", "shared by both".getBytes(StandardCharsets.UTF_8)));

    @Test
    void anInstanceThatStartsBesideAnotherGivesBackEveryConnectionItBorrowed() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID());
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
