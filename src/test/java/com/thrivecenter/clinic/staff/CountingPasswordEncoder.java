package com.thrivecenter.clinic.staff;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The site's password encoder, counting how many passwords it actually checks. */
public class CountingPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger checks = new AtomicInteger();

    public int checks() {
        return checks.get();
    }

    public void reset() {
        checks.set(0);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return real.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.incrementAndGet();
        return real.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return real.upgradeEncoding(encodedPassword);
    }

    /** Puts the counting encoder in place of the site's. */
    @TestConfiguration
    public static class Config {

        @Bean
        @Primary
        public CountingPasswordEncoder countingPasswordEncoder() {
            return new CountingPasswordEncoder();
        }
    }
}
