package com.thrivecenter.clinic;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The site on the fixture content, with a test clinic's details, through MockMvc. Every test class that only reads
 * pages uses this one configuration, so they share one Spring context: nothing they do changes what another sees.
 * Its base URL is HTTPS, so requests come as through the HTTPS proxy.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.base-url=https://www.thrive.example/",
            "clinic.name=Test Clinic",
            "clinic.phone=+1 (555) 010-0199",
            "clinic.email=desk@clinic.example",
            "clinic.address=1 Test Road, Testville",
            "clinic.hours=Weekdays 8 to 4",
            "clinic.opening-hours=Mo-Fr 08:00-16:00",
            "clinic.staff.lock-after=3",
            "clinic.staff.lock-for=1h",
            "clinic.staff.retention=90d"
        })
@AutoConfigureMockMvc
@Import(HttpsProxyRequests.class)
public @interface FixtureSiteTest {}
