package com.thrivecenter.clinic.instances;

import com.thrivecenter.clinic.SiteApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts instances of the whole site, each on a port of its own, all on one PostgreSQL (the postgres profile). */
final class TwoInstances {

    private TwoInstances() {}

    /** One instance; {@code settings} add to or override the test defaults (fixed shared secrets among them). */
    static ConfigurableApplicationContext start(
            EmbeddedPostgres postgres, Path dataFolder, Map<String, Object> settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("DATABASE_USER", "postgres");
        properties.put("DATABASE_PASSWORD", "");
        properties.put("clinic.data.dir", dataFolder.toString());
        properties.put("clinic.instances.heartbeat", "500ms");
        properties.putAll(settings);
        // As command-line arguments: they override the test's application.properties (builder properties would not).
        return new SpringApplicationBuilder(SiteApplication.class)
                .profiles("postgres")
                .run(properties.entrySet().stream()
                        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext instance) {
        return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
