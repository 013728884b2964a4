package com.thrivecenter.clinic.inquiry.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What a test's SMTP server received, read the way the tests compare it. */
final class ReceivedMail {

    private interface Field {
        String of(MimeMessage message) throws MessagingException;
    }

    private ReceivedMail() {}

    static List<String> subjects(GreenMail server) {
        return read(server, MimeMessage::getSubject);
    }

    static List<String> senders(GreenMail server) {
        return read(server, message -> message.getFrom()[0].toString());
    }

    private static List<String> read(GreenMail server, Field field) {
        return Arrays.stream(server.getReceivedMessages())
                .map(message -> {
                    try {
                        return field.of(message);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
