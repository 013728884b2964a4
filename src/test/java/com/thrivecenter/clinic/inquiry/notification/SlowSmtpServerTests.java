package com.thrivecenter.clinic.inquiry.notification;

import com.thrivecenter.clinic.TestClockConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The slow SMTP server, on the default database (H2). */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.inquiries.notify-to=inquiries@clinic.example"
        })
@Import(TestClockConfig.class)
class SlowSmtpServerTests extends SlowSmtpServerContract {}
