package com.thrivecenter.clinic.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which representation of a page each Accept-Encoding gets. */
class PageEncodingTests {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // What browsers send
                "gzip, deflate, br, zstd | BROTLI",
                "gzip, deflate, br | BROTLI",
                "br | BROTLI",
                "gzip | GZIP",
                "gzip, deflate | GZIP",
                // Weights: the higher one wins, Brotli on a tie; q=0 refuses
                "gzip;q=1.0, br;q=0.5 | GZIP",
                "gzip;q=0.5, br;q=0.5 | BROTLI",
                "br;q=0.001 | BROTLI",
                "br;q=0, gzip | GZIP",
                "br;q=0.000, gzip;q=0.0 | IDENTITY",
                "gzip;q=0 | IDENTITY",
                "br;q=1.000 | BROTLI",
                // Any case, any optional white space
                "GZip, BR | BROTLI",
                "Br;Q=0 , GZIP | GZIP",
                "  gzip ;  q=0.8 ,  br ; q=0.9  | BROTLI",
                "br\t;\tq=0.7 | BROTLI",
                // The wildcard stands for every coding not named
                "* | BROTLI",
                "*;q=0.5 | BROTLI",
                "br;q=0, * | GZIP",
                "gzip;q=0, br;q=0, * | IDENTITY",
                "*;q=0 | IDENTITY",
                "*;q=0, gzip | GZIP",
                // Neither coding, or weights that are not weights
                "deflate, zstd | IDENTITY",
                "identity | IDENTITY",
                "br;q=2 | IDENTITY",
                "br;q=abc, gzip | GZIP",
                "br;q=0.5;q=1 | IDENTITY",
                "br;level=1 | IDENTITY",
                "brotli, gzip-ish | IDENTITY",
                ",,; | IDENTITY",
                "; | IDENTITY",
                "br; | IDENTITY",
                ";q=1, gzip | GZIP",
            })
    void aClientGetsTheCodingItWeighsHighest(String acceptEncoding, PageEncoding expected) {
        assertThat(PageEncoding.preferredBy(acceptEncoding, true)).isEqualTo(expected);
    }

    /** A page whose Brotli bytes are not made yet goes gzipped where gzip is accepted, else as it is. */
    @Test
    void untilItsBrotliBytesAreMadeAPageGoesGzipped() {
        assertThat(PageEncoding.preferredBy("gzip, deflate, br, zstd", false)).isEqualTo(PageEncoding.GZIP);
        assertThat(PageEncoding.preferredBy("gzip;q=0.5, br", false)).isEqualTo(PageEncoding.GZIP);
        assertThat(PageEncoding.preferredBy("*", false)).isEqualTo(PageEncoding.GZIP);
        assertThat(PageEncoding.preferredBy("br", false)).isEqualTo(PageEncoding.IDENTITY);
        assertThat(PageEncoding.preferredBy("br, gzip;q=0", false)).isEqualTo(PageEncoding.IDENTITY);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void noHeaderOrAnEmptyOneGetsThePageAsItIs(String acceptEncoding) {
        assertThat(PageEncoding.preferredBy(acceptEncoding, true)).isEqualTo(PageEncoding.IDENTITY);
    }

    @ParameterizedTest
    @CsvSource({"BROTLI, br", "GZIP, gzip"})
    void eachCodingNamesItselfInContentEncoding(PageEncoding encoding, String contentEncoding) {
        assertThat(encoding.contentEncoding()).contains(contentEncoding);
        assertThat(PageEncoding.IDENTITY.contentEncoding()).isEmpty();
    }
}
