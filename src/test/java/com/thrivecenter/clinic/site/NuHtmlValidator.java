package com.thrivecenter.clinic.site;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML validator (the engine behind validator.w3.org/nu), run in this JVM: its HTML schema ships inside
 * the jar, so nothing is fetched. Not thread-safe: one per test class.
 */
final class NuHtmlValidator {

    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final List<String> errors = new ArrayList<>();
    private final SimpleDocumentValidator validator = new SimpleDocumentValidator(false, false, false);

    NuHtmlValidator() {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException warning) {
                // Warnings and notes are advice, not errors.
            }

            @Override
            public void error(SAXParseException error) {
                errors.add("line " + error.getLineNumber() + ": " + error.getMessage());
            }

            @Override
            public void fatalError(SAXParseException error) {
                error(error);
            }
        };
        try {
            validator.setUpMainSchema(HTML_SCHEMA, collect);
            validator.setUpValidatorAndParsers(collect, false, false);
        } catch (Exception e) {
            throw new IllegalStateException("The validator's HTML schema did not load", e);
        }
    }

    /** The errors in a page, each with its line; empty when the page is valid. */
    List<String> errors(String html) {
        errors.clear();
        InputSource source = new InputSource(new StringReader(html));
        source.setSystemId("page.html");
        try {
            validator.checkHtmlInputSource(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            // A fatal error is already in the list.
        }
        return List.copyOf(errors);
    }
}
