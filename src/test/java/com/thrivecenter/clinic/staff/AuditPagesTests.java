package com.thrivecenter.clinic.staff;

import static com.thrivecenter.clinic.staff.StaffFixture.ADMIN;
import static com.thrivecenter.clinic.staff.StaffFixture.PASSWORD;
import static com.thrivecenter.clinic.staff.StaffFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.MutableClock;
import com.thrivecenter.clinic.TestClockConfig;
import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.Reason;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The audit page's chain check and the access report, as administrators see them; closed to other staff. */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.staff.admin-email=" + StaffFixture.FIRST_ADMIN,
            "clinic.staff.admin-password=first-admin-password"
        })
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class AuditPagesTests {

    private static final String OTHER_STAFF = "other@clinic.example";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccountService accounts;

    @Autowired
    InquiryService inquiries;

    @BeforeEach
    void freshData() {
        StaffFixture.clear(jdbc);
        accounts.create("test", ADMIN, PASSWORD, Role.ADMIN);
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
        accounts.create("test", OTHER_STAFF, PASSWORD, Role.STAFF);
    }

    private String inquiry(String name) {
        return TestInquiry.anInquiry()
                .receivedAt(clock.instant())
                .from(name, "pat@example.org")
                .about(Reason.MIGRAINE, "Private message")
                .submitTo(inquiries);
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }

    @Test
    void theAuditPageSaysTheChainIsIntact() throws Exception {
        Document page = StaffSession.signIn(mvc, ADMIN, PASSWORD).page("/staff/audit");

        assertThat(page.select(".chain-intact").text()).isEqualTo("Audit chain intact (" + rows() + " rows checked)");
        assertThat(page.select(".chain-broken")).isEmpty();
    }

    @Test
    void theAuditPageNamesTheRowThatWasEditedWithoutShowingWhatItNowSays() throws Exception {
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);
        long created =
                jdbc.sql("SELECT MIN(id) FROM audit_event").query(Long.class).single();
        jdbc.sql("UPDATE audit_event SET detail = 'covered tracks' WHERE id = :id")
                .param("id", created)
                .update();

        Document page = admin.page("/staff/audit");

        assertThat(page.select(".chain-intact")).isEmpty();
        assertThat(page.select(".chain-broken[role=alert] p").text()).contains("tampered with");
        assertThat(page.select(".chain-broken li").eachText())
                .containsExactly("Row " + created + ": changed after it was written");
    }

    @Test
    void theAccessReportListsWhoViewedOrExportedOneInquiryAndNobodyElse() throws Exception {
        String first = inquiry("Fay First");
        String second = inquiry("Sam Second");
        StaffSession.signIn(mvc, STAFF, PASSWORD).get("/staff/inquiries/" + first);
        StaffSession.signIn(mvc, OTHER_STAFF, PASSWORD).get("/staff/inquiries/" + second);
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);
        assertThat(admin.get("/staff/inquiries.csv?q=" + first).getResponse().getStatus())
                .isEqualTo(200);

        Document report = admin.page("/staff/audit/access?reference=" + first.toLowerCase());

        assertThat(rowsOf(report))
                .containsExactly(List.of(STAFF, "INQUIRY_VIEWED"), List.of(ADMIN, "INQUIRIES_EXPORTED"));
        assertThat(report.text()).doesNotContain(OTHER_STAFF, "Fay First", "Private message");
        assertThat(rowsOf(admin.page("/staff/audit/access?reference=" + second)))
                .containsExactly(List.of(OTHER_STAFF, "INQUIRY_VIEWED"));
    }

    @Test
    void anExportOfAllInquiriesIsInTheReportOfEach() throws Exception {
        String first = inquiry("Fay First");
        String second = inquiry("Sam Second");
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);

        assertThat(admin.get("/staff/inquiries.csv").getResponse().getStatus()).isEqualTo(200);

        assertThat(rowsOf(admin.page("/staff/audit/access?reference=" + first)))
                .containsExactly(List.of(ADMIN, "INQUIRIES_EXPORTED"));
        assertThat(rowsOf(admin.page("/staff/audit/access?reference=" + second)))
                .containsExactly(List.of(ADMIN, "INQUIRIES_EXPORTED"));
    }

    @Test
    void anInquiryNobodyOpenedHasAnEmptyReport() throws Exception {
        String reference = inquiry("Nell Nobody");

        Document report = StaffSession.signIn(mvc, ADMIN, PASSWORD).page("/staff/audit/access?reference=" + reference);

        assertThat(report.select("table")).isEmpty();
        assertThat(report.select(".empty").text())
                .isEqualTo("Nobody has opened, changed or exported " + reference + ".");
    }

    @Test
    void aMalformedReferenceIsRefusedWithTheFormAndAClearMessage() throws Exception {
        MvcResult result = StaffSession.signIn(mvc, ADMIN, PASSWORD).get("/staff/audit/access?reference=<script>");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Access report");
        assertThat(page.select("#reference-problem").text()).isEqualTo("Enter a reference like TCH-7K3Q9X.");
        assertThat(page.select("#reference").attr("aria-describedby")).isEqualTo("reference-problem");
        assertThat(page.select("#reference").val()).isEqualTo("<script>");
    }

    @Test
    void staffWhoAreNotAdministratorsAreRefusedTheAccessReport() throws Exception {
        String reference = inquiry("Fay First");

        assertThat(StaffSession.signIn(mvc, STAFF, PASSWORD)
                        .get("/staff/audit/access?reference=" + reference)
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    /** Who and what, for each line of the report. */
    private static List<List<String>> rowsOf(Document report) {
        return report.select("tbody tr").stream()
                .map(row -> List.of(row.child(1).text(), row.child(2).text()))
                .toList();
    }
}
