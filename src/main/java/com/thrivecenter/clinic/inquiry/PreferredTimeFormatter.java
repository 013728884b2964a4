package com.thrivecenter.clinic.inquiry;

import java.text.ParseException;
import java.util.Locale;
import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;

/**
 * Binds a preferred time from its code ("monday-morning"); Spring Boot registers every {@code Formatter} bean with
 * Spring MVC. A code the form does not offer is a binding error on the field, shown like any other field error.
 */
@Component
public class PreferredTimeFormatter implements Formatter<PreferredTime> {

    @Override
    public PreferredTime parse(String code, Locale locale) throws ParseException {
        return PreferredTime.parse(code)
                .orElseThrow(() -> new ParseException("Not a preferred time the form offers", 0));
    }

    @Override
    public String print(PreferredTime time, Locale locale) {
        return time.code();
    }
}
