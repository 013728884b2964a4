package com.thrivecenter.clinic.inquiry;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class InquiryConfig {

    /** The one clock inquiries read, so tests can move time instead of waiting. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
