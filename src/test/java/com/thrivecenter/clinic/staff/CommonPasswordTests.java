package com.thrivecenter.clinic.staff;

import static com.thrivecenter.clinic.staff.StaffFixture.ADMIN;
import static com.thrivecenter.clinic.staff.StaffFixture.PASSWORD;
import static com.thrivecenter.clinic.staff.StaffFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The accounts page refuses the passwords people choose most often, new accounts and new passwords alike. */
@SpringBootTest(
        properties = {
            "clinic.content.dir=src/test/resources/fixture-content",
            "clinic.staff.admin-email=" + StaffFixture.FIRST_ADMIN,
            "clinic.staff.admin-password=first-admin-password"
        })
@AutoConfigureMockMvc
class CommonPasswordTests {

    private static final String COMMON = "Unbelievable";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void freshData() {
        StaffFixture.clear(jdbc);
        accounts.create("test", ADMIN, PASSWORD, Role.ADMIN);
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
    }

    @Test
    void aNewAccountWithACommonPasswordIsRefusedNextToThePasswordField() throws Exception {
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);

        MvcResult create = admin.post("/staff/accounts", "email", "common@clinic.example", "password", COMMON);

        Document page = admin.follow(create);
        assertThat(page.select("#new-password-problem").text())
                .startsWith("This password is one of the most common passwords");
        assertThat(page.select("#new-password").attr("aria-describedby")).contains("new-password-problem");
        assertThat(page.select("#new-email").val()).isEqualTo("common@clinic.example");
        assertThat(page.select("#new-password").val()).isEmpty();
        assertThat(page.select("#new-password-hint").text()).contains("not one of the most common passwords");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE email = 'common@clinic.example'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aNewPasswordThatIsCommonIsRefusedAndTheOldOneStillWorks() throws Exception {
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);

        MvcResult reset = admin.post("/staff/accounts/password", "email", STAFF, "password", COMMON);

        Document page = admin.follow(reset);
        String problem = page.select("form:has(input[value=" + STAFF + "]) input[name=password]")
                .attr("aria-describedby");
        assertThat(page.select("#" + problem).text()).startsWith("This password is one of the most common passwords");
        assertThat(StaffSession.attemptSignIn(mvc, STAFF, COMMON).getResponse().getRedirectedUrl())
                .isEqualTo("/staff/login?error");
        assertThat(StaffSession.signIn(mvc, STAFF, PASSWORD)).isNotNull();
    }

    @Test
    void aStrongPasswordIsAccepted() throws Exception {
        StaffSession admin = StaffSession.signIn(mvc, ADMIN, PASSWORD);

        admin.post("/staff/accounts", "email", "strong@clinic.example", "password", "kestrel orchard lantern");

        assertThat(StaffSession.signIn(mvc, "strong@clinic.example", "kestrel orchard lantern"))
                .isNotNull();
    }
}
