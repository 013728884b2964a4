package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.thrivecenter.clinic.SiteApplication;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance that is still starting answers on its port before it is ready (Tomcat listens before the last start-up
 * work is done): readiness must say 503 until then, so a load balancer sends it nothing, while liveness already says
 * the process is fine. The last start-up step is held open here by a runner that waits for the test.
 */
class StartupReadinessIT {

    @Test
    void readinessIsDownUntilTheInstanceHasFinishedStarting() throws Exception {
        CountDownLatch finishStarting = new CountDownLatch(1);
        AtomicInteger port = new AtomicInteger();
        CompletableFuture<ConfigurableApplicationContext> starting =
                CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(SiteApplication.class)
                        .listeners((ApplicationListener<WebServerInitializedEvent>)
                                event -> port.set(event.getWebServer().getPort()))
                        .initializers(context -> context.getBeanFactory()
                                .registerSingleton("lastStartUpStep", (ApplicationRunner)
                                        arguments -> finishStarting.await(30, TimeUnit.SECONDS)))
                        .run("--server.port=0"));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> port.get() > 0);
            HttpPages instance = new HttpPages(port.get());

            assertThat(status(instance, "/actuator/health/readiness")).isEqualTo(503);
            assertThat(status(instance, "/actuator/health/liveness")).isEqualTo(200);
            assertThat(starting).isNotDone();

            finishStarting.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(instance, "/actuator/health/readiness") == 200);
        } finally {
            finishStarting.countDown();
            starting.get(60, TimeUnit.SECONDS).close();
        }
    }

    private static int status(HttpPages instance, String path) {
        return instance.send(instance.request(path).build()).statusCode();
    }
}
