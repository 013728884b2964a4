package com.thrivecenter.clinic.content.web;

import com.thrivecenter.clinic.content.web.RenderedPages.RenderedPage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of a page's three representations a client gets, read from its Accept-Encoding as RFC 9110 (12.5.3) says:
 * codings are named in any case, "q=0" refuses one, "*" stands for every coding not named, and no header or an empty
 * one asks for the page as it is. Of Brotli and gzip the one the client weighs higher wins, Brotli on a tie (it is
 * the smaller) once the page's Brotli bytes are made; a coding listed with a malformed weight is not taken.
 */
enum PageEncoding {
    BROTLI("br") {
        @Override
        byte[] body(RenderedPage page) {
            return page.brotli().join();
        }
    },
    GZIP("gzip") {
        @Override
        byte[] body(RenderedPage page) {
            return page.gzipped();
        }
    },
    IDENTITY("identity") {
        @Override
        byte[] body(RenderedPage page) {
            return page.html();
        }
    };

    /** One element of the list: a coding, then parameters; only "q" is defined, a weight from 0 to 1, 3 decimals. */
    private static final Pattern WEIGHT =
            Pattern.compile("q=(0(\\.\\d{0,3})?|1(\\.0{0,3})?)", Pattern.CASE_INSENSITIVE);

    private final String coding;

    PageEncoding(String coding) {
        this.coding = coding;
    }

    /** The Content-Encoding header's value; none for the page as it is. */
    Optional<String> contentEncoding() {
        return this == IDENTITY ? Optional.empty() : Optional.of(coding);
    }

    abstract byte[] body(RenderedPage page);

    /** The representation of the page to send: Brotli only when the page's Brotli bytes are made. */
    static PageEncoding of(RenderedPage page, String acceptEncoding) {
        return preferredBy(acceptEncoding, page.brotliMade());
    }

    static PageEncoding preferredBy(String acceptEncoding, boolean brotliMade) {
        if (acceptEncoding == null) {
            return IDENTITY;
        }
        Map<String, Double> weights = weights(acceptEncoding);
        double brotli = weight(weights, BROTLI.coding);
        double gzip = weight(weights, GZIP.coding);
        if (brotliMade && brotli > 0 && brotli >= gzip) {
            return BROTLI;
        }
        return gzip > 0 ? GZIP : IDENTITY;
    }

    private static double weight(Map<String, Double> weights, String coding) {
        return weights.getOrDefault(coding, weights.getOrDefault("*", 0.0));
    }

    private static Map<String, Double> weights(String acceptEncoding) {
        Map<String, Double> weights = new HashMap<>();
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";", -1);
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            Optional<Double> weight = parts.length == 1 ? Optional.of(1.0) : weight(parts);
            if (!name.isEmpty() && weight.isPresent()) {
                weights.merge(name, weight.get(), Math::max);
            }
        }
        return weights;
    }

    /** The element's weight, or none when its parameters are not one well-formed "q". */
    private static Optional<Double> weight(String[] parts) {
        if (parts.length != 2) {
            return Optional.empty();
        }
        Matcher weight = WEIGHT.matcher(parts[1].strip());
        return weight.matches() ? Optional.of(Double.parseDouble(weight.group(1))) : Optional.empty();
    }
}
