package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rate limit holds when one address sends many inquiries at the same moment (H2; PostgresInquiryIT too). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "clinic.inquiries.min-fill-time=0s")
class InquiryRateLimitIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void ofThirtySimultaneousInquiriesFromOneAddressExactlyTheLimitIsAccepted() throws Exception {
        List<Integer> statuses = SimultaneousInquiries.send(port, 30);

        assertThat(Collections.frequency(statuses, 303)).isEqualTo(5);
        assertThat(Collections.frequency(statuses, 429)).isEqualTo(25);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inquiry").query(Integer.class).single())
                .isEqualTo(5);
    }
}
