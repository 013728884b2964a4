package com.thrivecenter.clinic.content.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How published pages are made and kept (env CLINIC_CONTENT_...), the publish stage's own settings beside the
 * content's.
 *
 * @param brotliQuality       Brotli's quality, 0 to 11, spent once per page and content version, in the background
 *                            after the page's first request (it goes gzipped until then): 11 makes pages about a fifth
 *                            smaller than gzip for some 15 to 25 ms per page, 5 about a twelfth smaller for a quarter
 *                            of a millisecond (bench/README.md, "Smaller pages")
 * @param renderedPagesMemory how much memory the pages ready to send may take, plain and compressed; the pages asked
 *                            for least are let go beyond it and made again when asked for, so a site of any size fits
 *                            the heap (a page of the clinic's takes about 17 KB, so the default holds some 240 of
 *                            them: every page of a clinic's site, several times over)
 */
@ConfigurationProperties("clinic.content")
public record PublishingProperties(
        @DefaultValue("11") int brotliQuality, @DefaultValue("4MB") DataSize renderedPagesMemory) {

    public PublishingProperties {
        if (brotliQuality < 0 || brotliQuality > 11) {
            throw new IllegalArgumentException("clinic.content.brotli-quality must be 0 to 11, not " + brotliQuality);
        }
        if (renderedPagesMemory.isNegative()) {
            throw new IllegalArgumentException(
                    "clinic.content.rendered-pages-memory must be 0B or more (0B holds no page), not "
                            + renderedPagesMemory);
        }
    }
}
