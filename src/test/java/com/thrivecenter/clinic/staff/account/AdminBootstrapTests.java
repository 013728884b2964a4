package com.thrivecenter.clinic.staff.account;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thrivecenter.clinic.SiteApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class AdminBootstrapTests {

    @Test
    void aFirstAdministratorPasswordLongerThanBcryptReadsStopsTheStartWithAClearMessage() {
        SpringApplicationBuilder site = new SpringApplicationBuilder(SiteApplication.class);

        // As the environment would set it; 37 ü are 37 characters but 74 bytes.
        assertThatThrownBy(() -> site.run(
                                "--server.port=0",
                                "--clinic.content.dir=src/test/resources/fixture-content",
                                "--clinic.staff.admin-password=" + "ü".repeat(37))
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLINIC_STAFF_ADMIN_PASSWORD")
                .hasMessageContaining("at most 72 bytes");
    }

    @Test
    void aCommonFirstAdministratorPasswordStopsTheStartWithAClearMessage() {
        SpringApplicationBuilder site = new SpringApplicationBuilder(SiteApplication.class);

        assertThatThrownBy(() -> site.run(
                                "--server.port=0",
                                "--clinic.content.dir=src/test/resources/fixture-content",
                                "--clinic.staff.admin-password=Unbelievable")
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLINIC_STAFF_ADMIN_PASSWORD")
                .hasMessageContaining("one of the most common passwords");
    }
}
