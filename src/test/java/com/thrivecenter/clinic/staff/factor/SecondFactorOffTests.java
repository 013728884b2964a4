package com.thrivecenter.clinic.staff.factor;

import static org.assertj.core.api.Assertions.assertThat;

import com.thrivecenter.clinic.staff.StaffSession;
import com.thrivecenter.clinic.staff.account.AccountService;
import com.thrivecenter.clinic.staff.account.Role;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The embedded default: no second factor, and every staff page says so. */
@SpringBootTest(properties = "clinic.content.dir=src/test/resources/fixture-content")
@AutoConfigureMockMvc
class SecondFactorOffTests {

    private static final String STAFF = "off.staff@clinic.example";
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void account() {
        jdbc.sql("DELETE FROM staff_account WHERE email = :email")
                .param("email", STAFF)
                .update();
        accounts.create("test", STAFF, PASSWORD, Role.STAFF);
    }

    @Test
    void thePasswordAloneOpensTheStaffAreaAndEveryPageWarns() throws Exception {
        StaffSession staff = StaffSession.signIn(mvc, STAFF, PASSWORD);

        for (String path : new String[] {"/staff", "/staff/content", "/staff/images"}) {
            assertThat(staff.get(path).getResponse().getStatus()).as(path).isEqualTo(200);
            Document page = staff.page(path);
            assertThat(page.select(".staff-bar .second-factor-off").text())
                    .as(path)
                    .startsWith("Second factor is off:");
        }
    }
}
