package com.thrivecenter.clinic.staff.inbox;

import com.thrivecenter.clinic.inquiry.InquiryFilter;
import com.thrivecenter.clinic.inquiry.InquiryStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The inbox's filter from the parameters of the list and the export: days are the clinic's days (the clock's time
 * zone, the one the inbox shows times in), and a day outside the years 1 to 9999 is a bad request, not a date the
 * database is asked about.
 */
@Component
class InboxFilters {

    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final Clock clock;

    InboxFilters(Clock clock) {
        this.clock = clock;
    }

    InquiryFilter filter(InquiryStatus status, String search, LocalDate from, LocalDate to) {
        if (Stream.of(from, to)
                .flatMap(day -> Optional.ofNullable(day).stream())
                .anyMatch(day -> day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return InquiryFilter.of(status, search, from, to, clock.getZone());
    }
}
