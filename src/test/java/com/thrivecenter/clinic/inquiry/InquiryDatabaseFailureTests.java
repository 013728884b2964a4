package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.DataSourceWrapping;
import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** When the database fails, the patient is asked to phone, and nothing half-written is left behind. */
@SpringBootTest(
        properties = {"clinic.content.dir=src/test/resources/fixture-content", "clinic.phone=+1 (555) 010-0123"})
@AutoConfigureMockMvc
@Import({TestClockConfig.class, InquiryDatabaseFailureTests.OutageConfig.class})
class InquiryDatabaseFailureTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    /** A data source that can be switched off, as if the database server had gone away. */
    static class SwitchableDataSource extends DelegatingDataSource {
        volatile boolean down;

        SwitchableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused (simulated outage)");
            }
            return super.getConnection();
        }
    }

    @TestConfiguration
    static class OutageConfig {
        @Bean
        static BeanPostProcessor switchableDataSource() {
            return DataSourceWrapping.wrapping(SwitchableDataSource.class, SwitchableDataSource::new);
        }
    }

    @AfterEach
    void restore() {
        ((SwitchableDataSource) dataSource).down = false;
        jdbc.sql("DELETE FROM inquiry").update();
    }

    private int inquiries() {
        return jdbc.sql("SELECT COUNT(*) FROM inquiry").query(Integer.class).single();
    }

    /** The form again, with what was typed, a message at the top and the phone number: nothing is lost. */
    private static void assertAskedToPhone(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#error-summary p").text())
                .contains("We could not send your inquiry", "nothing was saved", "call us on +1 (555) 010-0123");
        assertThat(page.select("#error-summary a[href=tel:+15550100123]").text())
                .isEqualTo("+1 (555) 010-0123");
        assertThat(page.getElementById("name").val()).isEqualTo("Avery Quinn");
        assertThat(page.getElementById("message").text()).isEqualTo("Attacks twice a week since spring.");
        assertThat(page.select("form.inquiry input[name=formToken]").val()).isNotBlank();
        assertThat(page.select("body > header, body > footer")).hasSize(2);
    }

    @Test
    void anUnreachableDatabaseGetsThePatientAPageAskingThemToPhone() throws Exception {
        ContactForm form = ContactForm.open(mvc).filledIn();
        clock.advance(Duration.ofSeconds(10));
        ((SwitchableDataSource) dataSource).down = true;

        MvcResult result = form.send();

        assertAskedToPhone(result);
        ((SwitchableDataSource) dataSource).down = false;
        assertThat(inquiries()).isZero();
    }

    @Test
    void aFailureHalfWayThroughStoresNeitherTheInquiryNorItsNotification() throws Exception {
        ContactForm form = ContactForm.open(mvc).filledIn();
        clock.advance(Duration.ofSeconds(10));
        jdbc.sql("ALTER TABLE notification RENAME TO notification_away").update();
        MvcResult result;
        try {
            result = form.send();
        } finally {
            jdbc.sql("ALTER TABLE notification_away RENAME TO notification").update();
        }

        assertAskedToPhone(result);
        assertThat(inquiries()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
