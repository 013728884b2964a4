package com.thrivecenter.clinic.instances;

import com.thrivecenter.clinic.SiteInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts instances of the whole site, each on a port of its own, all on one PostgreSQL (the postgres profile). */
final class TwoInstances {

    private TwoInstances() {}

    /** One instance; {@code settings} add to or override the test defaults (fixed shared secrets among them). */
    static ConfigurableApplicationContext start(
            EmbeddedPostgres postgres, Path dataFolder, Map<String, Object> settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("clinic.data.dir", dataFolder.toString());
        properties.put("clinic.instances.heartbeat", "500ms");
        properties.putAll(settings);
        return SiteInstance.start(postgres, properties).context();
    }

    static int port(ConfigurableApplicationContext instance) {
        return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
