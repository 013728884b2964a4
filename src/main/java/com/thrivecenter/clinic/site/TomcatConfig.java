package com.thrivecenter.clinic.site;

import com.thrivecenter.clinic.SecurityHeaders;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes odd URLs reach the site's own 404 page rather than the servlet container's bare error answers. */
@Configuration
public class TomcatConfig {

    /** An encoded slash ("%2f") reaches the application, which finds no page for it. */
    @Bean
    TomcatConnectorCustomizer passEncodedSlashes() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    /** Requests the container refuses on its own ("/%2e%2e/etc", huge headers) get the site's error page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusedRequestPage(
            ObjectProvider<RefusalPages> pages, ObjectProvider<SecurityHeaders> securityHeaders) {
        return factory -> factory.addEngineValves(
                new RefusedRequestValve(status -> pages.getObject().page(status), securityHeaders::getObject));
    }
}
