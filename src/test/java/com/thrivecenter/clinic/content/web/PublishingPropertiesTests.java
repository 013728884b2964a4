package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The publish stage's settings as the site binds them from its configuration. */
class PublishingPropertiesTests {

    @Test
    void unsetTheyAreBrotliAtItsBestAndSixteenMegabytesOfPages() {
        PublishingProperties properties = bind(Map.of());

        assertThat(properties.brotliQuality()).isEqualTo(11);
        assertThat(properties.renderedPagesMemory()).isEqualTo(DataSize.ofMegabytes(4));
    }

    @Test
    void theMemoryForPagesIsReadInAnyUnitAndZeroHoldsNone() {
        assertThat(bind(Map.of("clinic.content.rendered-pages-memory", "512KB")).renderedPagesMemory())
                .isEqualTo(DataSize.ofKilobytes(512));
        assertThat(bind(Map.of("clinic.content.rendered-pages-memory", "0B")).renderedPagesMemory())
                .isEqualTo(DataSize.ofBytes(0));
    }

    @Test
    void aNegativeMemoryForPagesIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("clinic.content.rendered-pages-memory", "-1MB")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("clinic.content")
                .rootCause()
                .hasMessageContaining("rendered-pages-memory must be 0B or more");
    }

    @Test
    void aBrotliQualityOutsideZeroToElevenIsRefusedNamingTheSetting() {
        assertThat(bind(Map.of("clinic.content.brotli-quality", "0")).brotliQuality())
                .isZero();
        for (String quality : new String[] {"-1", "12"}) {
            assertThatThrownBy(() -> bind(Map.of("clinic.content.brotli-quality", quality)))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessageContaining("clinic.content.brotli-quality must be 0 to 11, not " + quality);
        }
    }

    private static PublishingProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("clinic.content", PublishingProperties.class);
    }
}
