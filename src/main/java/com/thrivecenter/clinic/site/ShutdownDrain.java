package com.thrivecenter.clinic.site;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Holds the shutdown for {@code clinic.shutdown.drain} before anything stops. Spring Boot has already set readiness to
 * REFUSING_TRAFFIC when the context starts closing, so for this long {@code /actuator/health/readiness} answers 503
 * while pages, forms and the staff area still work; then Jetty's graceful shutdown stops listening and lets the
 * requests in flight finish. First among the listeners, so every other part is still running during the drain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShutdownDrain implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration drain;

    ShutdownDrain(ShutdownProperties properties) {
        this.drain = properties.drain();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (drain.isZero() || !listens(event)) {
            return;
        }
        log.info("Shutting down: readiness is DOWN, still serving requests for {}", drain);
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A command run of the site (port -1) has no load balancer to leave. */
    private static boolean listens(ContextClosedEvent event) {
        return event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null
                && web.getWebServer().getPort() > 0;
    }
}
