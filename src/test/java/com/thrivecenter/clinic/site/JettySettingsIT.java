package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.jetty.ee11.servlet.ServletHandler;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The running server has the settings of {@link JettyConfig}: here the ones whose absence no request shows at once
 * (the memory a closed connection leaves behind, the time a stopping server gives a client still sending), and, beside
 * the requests of {@code HttpBehaviourIT} and {@code PathSafetyIT}, a response committed only once its buffer is full
 * and odd paths left to Spring Security's firewall.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "clinic.limits.body-timeout=17s")
class JettySettingsIT {

    @Autowired
    WebServerApplicationContext context;

    private Server server() {
        return ((JettyWebServer) context.getWebServer()).getServer();
    }

    private List<HttpConfiguration> httpConfigurations() {
        return server().getConnectors()[0].getConnectionFactories().stream()
                .filter(HttpConnectionFactory.class::isInstance)
                .map(factory -> ((HttpConnectionFactory) factory).getHttpConfiguration())
                .toList();
    }

    @Test
    void aConnectionKeepsNoHeaderCacheCommitsOnlyAFullBufferAndLeavesOddPathsToTheFirewall() {
        assertThat(httpConfigurations()).isNotEmpty().allSatisfy(http -> {
            assertThat(http.getHeaderCacheSize()).isZero();
            assertThat(http.getOutputAggregationSize()).isEqualTo(http.getOutputBufferSize());
            assertThat(http.getUriCompliance().allows(UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR))
                    .isTrue();
        });
        assertThat(server().getDescendant(ServletHandler.class).isDecodeAmbiguousURIs())
                .isTrue();
    }

    @Test
    void aStoppingServerGivesAClientStillSendingTheBodyTimeout() {
        assertThat(((AbstractConnector) server().getConnectors()[0]).getShutdownIdleTimeout())
                .isEqualTo(17_000);
    }
}
