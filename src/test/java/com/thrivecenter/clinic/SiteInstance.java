package com.thrivecenter.clinic;

import com.thrivecenter.clinic.site.HttpPages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One instance of the site started in this JVM as production runs it (the postgres profile) on a free port, against
 * a database other instances share: several of them are the site behind a load balancer.
 */
public final class SiteInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SiteInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts an instance with these settings besides the database's, which may replace the free port; as command-line
     * arguments, so they win over the test's application.properties (a builder's properties would not).
     */
    public static SiteInstance start(EmbeddedPostgres database, Map<String, ?> settings) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("server.port", 0);
        arguments.put("DATABASE_URL", database.getJdbcUrl("postgres", "postgres"));
        arguments.put("DATABASE_USER", "postgres");
        arguments.put("DATABASE_PASSWORD", "");
        arguments.putAll(settings);
        return new SiteInstance(new SpringApplicationBuilder(SiteApplication.class)
                .profiles("postgres")
                .run(arguments.entrySet().stream()
                        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new)));
    }

    /** The instance's application context, to reach its beans and close it. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** A new browser, with no cookies yet, on this instance. */
    public HttpPages browser() {
        return new HttpPages(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
