package com.thrivecenter.clinic.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceGeneratorTests {

    @Test
    void referencesAreRandomAndEasyToReadAloud() {
        ReferenceGenerator generator = new ReferenceGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String reference = generator.next();
            assertThat(reference).matches("TCH-[2-9A-HJKMNP-Z]{6}");
            seen.add(reference);
        }
        assertThat(seen).hasSizeGreaterThan(995);
    }
}
