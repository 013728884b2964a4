package com.thrivecenter.clinic.site;

import java.util.List;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/** The health endpoints answer in plain JSON, not in a media type that names the framework. */
@Configuration
public class HealthConfig {

    @Bean
    EndpointMediaTypes endpointMediaTypes() {
        List<String> json = List.of(MediaType.APPLICATION_JSON_VALUE);
        return new EndpointMediaTypes(json, json);
    }
}
