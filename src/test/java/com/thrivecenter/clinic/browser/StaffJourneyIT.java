package com.thrivecenter.clinic.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** A member of staff answers a new inquiry in the browser: sign in, open, change status, note, sign out. */
class StaffJourneyIT extends BrowserTestSupport {

    @Test
    void signInOpenTheNewInquiryUpdateItAndSignOut() {
        Page patient = window(1366, 900);
        patient.navigate("/contact");
        fillInquiry(patient, "Jamie Journey");
        send(patient);
        String reference = patient.locator(".reference").textContent().strip();

        Page staff = window(1366, 900);
        staff.navigate("/staff");
        staff.waitForURL("**/staff/login");
        signIn(staff, ADMIN_EMAIL, ADMIN_PASSWORD);

        staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference))
                .click();
        assertThat(staff.locator("h1")).hasText("Inquiry " + reference);
        assertThat(staff.locator(".details")).containsText("Jamie Journey");

        staff.getByLabel("Change status to").selectOption("CONTACTED");
        staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save status"))
                .click();
        assertThat(staff.getByRole(AriaRole.STATUS)).containsText("Status changed to Contacted.");
        assertThat(staff.locator(".details")).containsText("Contacted");

        staff.getByLabel("Add a note (seen by staff only)").fill("Left a voicemail; will try again tomorrow.");
        staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note"))
                .click();
        assertThat(staff.locator(".notes")).containsText("Left a voicemail; will try again tomorrow.");
        assertThat(staff.locator(".notes")).containsText(ADMIN_EMAIL);

        staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        staff.waitForURL("**/staff/login?signed-out");
        assertThat(staff.getByRole(AriaRole.STATUS)).containsText("You have signed out.");
        staff.navigate("/staff");
        staff.waitForURL("**/staff/login");
    }
}
