package com.thrivecenter.clinic;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * MockMvc requests arrive as the site's TLS proxy passes them on, over HTTPS: a site whose base URL is HTTPS
 * answers them, where it would send a plain-HTTP request to HTTPS (see site/HttpsRedirectFilter).
 */
@TestConfiguration(proxyBeanMethods = false)
public class HttpsProxyRequests {

    @Bean
    MockMvcBuilderCustomizer secureRequests() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").secure(true));
    }
}
