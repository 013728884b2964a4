package com.thrivecenter.clinic;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The test's site runs in the production profile on a real PostgreSQL server of its own, started with the context,
 * wired in through the variables production sets, and stopped after the connection pool when the context closes
 * (which it does after the class).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("postgres")
@DirtiesContext
@ContextConfiguration(initializers = OnEmbeddedPostgres.Server.class)
public @interface OnEmbeddedPostgres {

    /** Starts the server before any bean; registered first, so it is destroyed last. */
    class Server implements ApplicationContextInitializer<GenericApplicationContext> {

        @Override
        public void initialize(GenericApplicationContext context) {
            EmbeddedPostgres postgres = EmbeddedPostgresServer.start();
            TestPropertyValues.of(
                            "DATABASE_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "DATABASE_USER=postgres",
                            "DATABASE_PASSWORD=")
                    .applyTo(context);
            ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("embeddedPostgres", () -> close(postgres));
        }

        private static void close(EmbeddedPostgres postgres) throws IOException {
            postgres.close();
        }
    }
}
