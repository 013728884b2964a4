package com.thrivecenter.clinic;

import com.thrivecenter.clinic.site.HttpPages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
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

    /** Starts an instance with these settings besides the database's (as command-line arguments, so they win). */
    public static SiteInstance start(EmbeddedPostgres database, Map<String, String> settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--DATABASE_URL=" + database.getJdbcUrl("postgres", "postgres"),
                "--DATABASE_USER=postgres",
                "--DATABASE_PASSWORD="));
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SiteInstance(new SpringApplicationBuilder(SiteApplication.class)
                .profiles("postgres")
                .run(arguments.toArray(String[]::new)));
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
