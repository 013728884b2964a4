package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.eclipse.jetty.ee11.servlet.ServletHandler;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jetty as the site wants it: requests it refuses on its own get the site's error page, only trusted proxies name
 * the client, redirects name only a path, and Jetty's folders stay in the data folder, out of java.io.tmpdir.
 */
@Configuration
public class JettyConfig {

    /** Requests the server refuses on its own ("/%2e%2e/etc", huge headers) get the site's error page. */
    @Bean
    JettyServerCustomizer refusedRequestPage(
            ObjectProvider<RefusalPages> pages, ObjectProvider<SecurityHeaders> securityHeaders) {
        return server -> server.setErrorHandler(
                new RefusedRequestHandler(status -> pages.getObject().page(status), securityHeaders::getObject));
    }

    /** X-Forwarded-For and -Proto, from trusted proxies only ({@link TrustedProxies}). */
    @Bean
    JettyServerCustomizer trustedProxies(ProxyProperties proxies) {
        return server ->
                httpConfigurations(server).forEach(http -> http.addCustomizer(new TrustedProxies(proxies.trusted())));
    }

    /**
     * A response is committed only once its buffer is full, as {@code getBufferSize()} tells the application.
     * Jetty's default commits at the first write over a quarter of it; Spring Security, which adds its headers just
     * before a response is committed, counted on the whole buffer and found a page of 15 KB already sent.
     */
    @Bean
    JettyServerCustomizer commitWhenTheBufferIsFull() {
        return server ->
                httpConfigurations(server).forEach(http -> http.setOutputAggregationSize(http.getOutputBufferSize()));
    }

    /**
     * An odd address ("%2f", "//", "%5c", an encoded dot segment) reaches the application, whose firewall (Spring
     * Security's) turns it away with the site's 404 page; Jetty alone would answer 400 from the servlets.
     */
    @Bean
    JettyServerCustomizer oddAddressesReachTheFirewall() {
        UriCompliance passOn = UriCompliance.DEFAULT.with(
                "site",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
                UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
                UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS);
        return server -> {
            httpConfigurations(server).forEach(http -> http.setUriCompliance(passOn));
            server.getDescendant(ServletHandler.class).setDecodeAmbiguousURIs(true);
        };
    }

    /**
     * On shutdown a client still sending a form has as long to finish it as ever ({@code clinic.limits.body-timeout}):
     * Jetty's default gives the connections of a stopping server one second without a byte, and a patient's form
     * half sent when a restart began was lost.
     */
    @Bean
    JettyServerCustomizer bodiesInFlightFinishOnShutdown(LimitsProperties limits) {
        return server -> Arrays.stream(server.getConnectors())
                .filter(AbstractConnector.class::isInstance)
                .forEach(connector -> ((AbstractConnector) connector)
                        .setShutdownIdleTimeout(limits.bodyTimeout().toMillis()));
    }

    /**
     * No cache of header fields per connection. Jetty builds one for every new connection (a lookup table of some
     * 4 KB); a kept-alive connection outlives young collections, so each one closed left its table in the old
     * generation, and the resident memory grew by 6 to 7 MB a minute under load. Without it, no fewer pages a
     * second (bench/README.md).
     */
    @Bean
    JettyServerCustomizer noHeaderCachePerConnection() {
        return server -> httpConfigurations(server).forEach(http -> http.setHeaderCacheSize(0));
    }

    /** "Location: /staff", never a host taken from the request's Host header. */
    @Bean
    JettyServerCustomizer relativeRedirects() {
        return server -> httpConfigurations(server).forEach(http -> http.setRelativeRedirectAllowed(true));
    }

    /**
     * Jetty's folders, an empty document root and the web application's temporary folder, in the data folder.
     * Without them, Boot and Jetty make fresh folders in java.io.tmpdir at every start, and a crash leaves them
     * there. The site serves no file from the document root (it stays empty): its files come from the class path.
     */
    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> jettyFoldersInTheDataFolder(
            @Value("${clinic.data.dir:./data}") Path dataFolder) {
        Path jetty = dataFolder.resolve("jetty");
        return factory -> {
            factory.setDocumentRoot(folder(jetty.resolve("document-root")).toFile());
            factory.addServerCustomizers(server -> {
                WebAppContext context = server.getDescendant(WebAppContext.class);
                context.setTempDirectory(folder(jetty.resolve("temp")).toFile());
            });
        };
    }

    private static Stream<HttpConfiguration> httpConfigurations(Server server) {
        return Arrays.stream(server.getConnectors())
                .flatMap(connector -> connector.getConnectionFactories().stream())
                .filter(HttpConnectionFactory.class::isInstance)
                .map(factory -> ((HttpConnectionFactory) factory).getHttpConfiguration())
                .distinct();
    }

    private static Path folder(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make Jetty's folder " + path, e);
        }
    }
}
