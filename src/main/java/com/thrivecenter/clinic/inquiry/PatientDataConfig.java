package com.thrivecenter.clinic.inquiry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PatientDataConfig {

    /** The keysets as they are at start: a rotation is done by a separate run of the site (README). */
    @Bean
    PatientCipher patientCipher(PatientKeys keys) {
        return keys.cipher();
    }
}
