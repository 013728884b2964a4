package com.thrivecenter.clinic.content;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps what each content file parsed to in the configured folder, keyed by the parser's code
 * ({@link ParserCode}): a new build that leaves the parser as it was reads its predecessor's pages back. When the
 * parser's code can't be told, nothing is kept.
 */
@Configuration
class ParsedPagesConfig {

    @Bean
    ParsedPages parsedPages(ContentProperties properties, PageVariables variables) {
        return parsedPages(properties, ParserCode.fingerprint(), variables);
    }

    static ParsedPages parsedPages(ContentProperties properties, Optional<String> parserCode, PageVariables variables) {
        if (properties.parseCache() == null || parserCode.isEmpty()) {
            return ParsedPages.NONE;
        }
        return new ParsedPages(Optional.of(properties.parseCache()), parserCode.get(), variables);
    }
}
