package com.thrivecenter.clinic.staff;

import static com.thrivecenter.clinic.staff.StaffFixture.ADMIN;
import static com.thrivecenter.clinic.staff.StaffFixture.PASSWORD;
import static com.thrivecenter.clinic.staff.StaffFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.inquiry.InquiryService;
import com.thrivecenter.clinic.inquiry.Reason;
import com.thrivecenter.clinic.inquiry.TestInquiry;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Finding a patient by exact values, and an administrator's export and erasure of one patient's data. */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.staff.admin-email=" + StaffFixture.FIRST_ADMIN,
            "clinic.staff.admin-password=first-admin-password"
        })
@AutoConfigureMockMvc
class PatientRightsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    InquiryService inquiries;

    private String rosaFirst;
    private String rosaByPhone;
    private String other;

    @BeforeEach
    void twoPatients() throws Exception {
        StaffFixture.clear(jdbc);
        accounts.create("test", ADMIN, PASSWORD, Role.ADMIN);
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
        rosaFirst = TestInquiry.anInquiry()
                .from("Rosa Quillfeather", "Rosa.Q@example.org")
                .phone("(555) 010-7788")
                .about(Reason.MIGRAINE, "Aura every Tuesday")
                .submitTo(inquiries);
        // The same patient writing again from another address: the phone number ties it to her.
        rosaByPhone = TestInquiry.anInquiry()
                .from("Rosa Q.", "rq.other@example.org")
                .phone("555 010 7788")
                .about(Reason.RESTLESS_LEGS, "Second message")
                .submitTo(inquiries);
        other = TestInquiry.anInquiry()
                .from("Someone Else", "else@example.org")
                .phone("555 010 9999")
                .submitTo(inquiries);
        StaffSession.signIn(mvc, STAFF, PASSWORD)
                .post("/staff/inquiries/" + rosaFirst + "/notes", "note", "Called back about the aura");
        jdbc.sql("INSERT INTO notification (inquiry_id, kind, created_at, attempts, next_attempt_at)"
                        + " SELECT id, 'ACKNOWLEDGEMENT', received_at, 0, received_at FROM inquiry")
                .update();
    }

    private List<String> found(StaffSession staff, String search) throws Exception {
        return staff.page("/staff?q=" + search).select("tbody td:first-child").eachText();
    }

    @Test
    void staffFindAPatientByExactEmailPhoneOrNameOnly() throws Exception {
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);

        assertThat(found(staff, " rosa.q@EXAMPLE.org ")).containsExactly(rosaFirst);
        assertThat(found(staff, "5550107788")).containsExactlyInAnyOrder(rosaFirst, rosaByPhone);
        assertThat(found(staff, "rosa  quillfeather")).containsExactly(rosaFirst);
        assertThat(found(staff, rosaByPhone.toLowerCase())).containsExactly(rosaByPhone);
        assertThat(found(staff, "Rosa")).isEmpty();
        assertThat(found(staff, "example.org")).isEmpty();
    }

    @Test
    void anAdministratorExportsEverythingHeldAboutThePatient() throws Exception {
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);

        MvcResult export = admin.get("/staff/inquiries/" + rosaByPhone + "/patient-data.json");

        assertThat(export.getResponse().getStatus()).isEqualTo(200);
        assertThat(export.getResponse().getContentType()).startsWith("application/json");
        assertThat(export.getResponse().getHeader("Content-Disposition")).contains("attachment");
        JsonNode inquiriesHeld = JsonMapper.builder()
                .build()
                .readTree(export.getResponse().getContentAsString())
                .get("inquiries");
        assertThat(inquiriesHeld.valueStream().map(each -> each.get("reference").asString()))
                .containsExactlyInAnyOrder(rosaFirst, rosaByPhone);
        assertThat(export.getResponse().getContentAsString())
                .contains(
                        "Rosa Quillfeather",
                        "Rosa.Q@example.org",
                        "(555) 010-7788",
                        "Aura every Tuesday",
                        "Second message",
                        "Called back about the aura")
                .doesNotContain("Someone Else");
        assertThat(auditDetails("PATIENT_DATA_EXPORTED")).singleElement().satisfies(detail -> assertThat(detail)
                .startsWith(ADMIN + " " + rosaByPhone + " 2 inquiries: ")
                .contains(rosaFirst)
                .doesNotContain("Rosa Q", "example.org", "7788"));
    }

    @Test
    void anAdministratorErasesThePatientWithNotesAndOutboxAndTheAuditKeepsOnlyReferences() throws Exception {
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);
        assertThat(admin.page("/staff/inquiries/" + rosaFirst).select("#patient-rights"))
                .hasSize(1);

        MvcResult unconfirmed = admin.post("/staff/inquiries/" + rosaFirst + "/erase");
        assertThat(admin.follow(unconfirmed).select("#erase-error").text()).contains("Tick the box");
        assertThat(count("inquiry")).isEqualTo(3);
        int othersMail = jdbc.sql("SELECT COUNT(*) FROM notification n JOIN inquiry i ON i.id = n.inquiry_id"
                        + " WHERE i.reference = :r")
                .param("r", other)
                .query(Integer.class)
                .single();
        assertThat(count("notification")).isGreaterThan(othersMail);

        MvcResult erased = admin.post("/staff/inquiries/" + rosaFirst + "/erase", "confirm", "erase");

        assertThat(erased.getResponse().getRedirectedUrl()).isEqualTo("/staff");
        assertThat(admin.follow(erased).select("[role=status] .notice").text()).contains("Erased 2 inquiries");
        assertThat(jdbc.sql("SELECT reference FROM inquiry").query(String.class).list())
                .containsExactly(other);
        assertThat(count("inquiry_note")).isZero();
        assertThat(count("notification")).isEqualTo(othersMail);
        assertThat(auditDetails("PATIENT_ERASED")).singleElement().satisfies(detail -> assertThat(detail)
                .contains("2 inquiries: ", rosaFirst, rosaByPhone)
                .doesNotContain("Rosa Q", "example.org", "7788", "Aura"));
        assertThat(admin.post("/staff/inquiries/" + rosaFirst + "/erase", "confirm", "erase")
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void staffWhoAreNotAdministratorsCanNeitherExportNorErase() throws Exception {
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);

        assertThat(staff.page("/staff/inquiries/" + rosaFirst).select("#patient-rights"))
                .isEmpty();
        assertThat(staff.get("/staff/inquiries/" + rosaFirst + "/patient-data.json")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(staff.post("/staff/inquiries/" + rosaFirst + "/erase", "confirm", "erase")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(count("inquiry")).isEqualTo(3);
        assertThat(auditDetails("PATIENT_DATA_EXPORTED")).isEmpty();
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private List<String> auditDetails(String action) {
        return jdbc.sql("SELECT actor || ' ' || target || ' ' || detail FROM audit_event WHERE action = :a")
                .param("a", action)
                .query(String.class)
                .list();
    }
}
