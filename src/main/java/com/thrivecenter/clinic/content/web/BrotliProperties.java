package com.thrivecenter.clinic.content.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How hard published pages are compressed with Brotli (env CLINIC_CONTENT_BROTLI_QUALITY), the publish stage's own
 * setting beside the content's.
 *
 * @param brotliQuality Brotli's quality, 0 to 11, spent once per page and content version, in the background after
 *                      the page's first request (it goes gzipped until then): 11 makes pages about a fifth smaller
 *                      than gzip for some 15 to 25 ms per page, 5 about a twelfth smaller for a quarter of a
 *                      millisecond (bench/README.md, "Smaller pages")
 */
@Validated
@ConfigurationProperties("clinic.content")
public record BrotliProperties(@DefaultValue("11") @Min(0) @Max(11) int brotliQuality) {}
