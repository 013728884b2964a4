package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;

/**
 * Tomcat as the site wants it: odd URLs reach the site's own 404 page rather than the servlet container's bare error
 * answers, a page leaves in one write, a closed connection's buffers serve the next one, and Tomcat's folders stay
 * out of java.io.tmpdir.
 */
@Configuration
public class TomcatConfig {

    static final int KEPT_CONNECTION_BUFFERS = 128;
    static final int WRITE_BUFFER_BYTES = 32 * 1024;

    /** An encoded slash ("%2f") reaches the application, which finds no page for it. */
    @Bean
    TomcatConnectorCustomizer passEncodedSlashes() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    /**
     * A closed connection's buffers are kept for the next one. Tomcat keeps them only when the heap is over 2 GB;
     * below, each new connection allocated its own (40 KB and more) and, as a connection lives for up to a thousand
     * requests (server.tomcat.max-keep-alive-requests), they outlived young collections and filled the old
     * generation with garbage at half a megabyte a second under load. Up to this many are kept: more connections than
     * a load balancer holds open to one instance, about 5 MB.
     */
    @Bean
    TomcatConnectorCustomizer reuseConnectionBuffers() {
        return connector -> Assert.state(
                connector.setProperty("socket.bufferPool", String.valueOf(KEPT_CONNECTION_BUFFERS)),
                "Tomcat no longer takes socket.bufferPool");
    }

    /**
     * A page goes to the socket in one write, headers and body: Tomcat gathers what a response writes in this buffer
     * and, when it is full, writes it out and starts again. With its 8 KB default a page of 10 KB took two writes, and
     * the system calls were a third of the CPU a page cost; this size holds every page of the site's content (24 KB
     * at most), plain, and served 23 % more plain pages a second (bench/README.md). It costs 24 KB more per open
     * connection, and per kept one.
     */
    @Bean
    TomcatConnectorCustomizer writeAPageInOnePiece() {
        return connector -> Assert.state(
                connector.setProperty("socket.appWriteBufSize", String.valueOf(WRITE_BUFFER_BYTES)),
                "Tomcat no longer takes socket.appWriteBufSize");
    }

    /** Requests the container refuses on its own ("/%2e%2e/etc", huge headers) get the site's error page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusedRequestPage(
            ObjectProvider<RefusalPages> pages, ObjectProvider<SecurityHeaders> securityHeaders) {
        return factory -> factory.addEngineValves(
                new RefusedRequestValve(status -> pages.getObject().page(status), securityHeaders::getObject));
    }

    /**
     * Tomcat's document root, an empty folder beside its work folder (server.tomcat.basedir, in the data folder).
     * Without one, Boot makes a fresh folder in java.io.tmpdir at every start, and a crash leaves it there. The site
     * serves no file from it (it stays empty): its files come from the class path.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> documentRootInTomcatsFolder(
            TomcatServerProperties tomcat) {
        return factory -> {
            if (tomcat.getBasedir() != null) {
                Path root = tomcat.getBasedir().toPath().resolve("document-root");
                try {
                    factory.setDocumentRoot(Files.createDirectories(root).toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not make Tomcat's document root " + root, e);
                }
            }
        };
    }
}
