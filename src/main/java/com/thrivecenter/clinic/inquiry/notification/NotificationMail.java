package com.thrivecenter.clinic.inquiry.notification;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.inquiry.InquiryProperties;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;

/**
 * Writes the mail for a notification. Mail is not a safe place for health information, so it never carries
 * the patient's name, contact details or message: staff read those in the staff area after signing in.
 */
@Component
public class NotificationMail {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z", Locale.US).withZone(ZoneId.systemDefault());

    private final ClinicProperties clinic;
    private final InquiryProperties inquiries;

    public NotificationMail(ClinicProperties clinic, InquiryProperties inquiries) {
        this.clinic = clinic;
        this.inquiries = inquiries;
    }

    SimpleMailMessage write(DueNotification notification) {
        return switch (notification.kind()) {
            case STAFF -> toStaff(notification);
            case ACKNOWLEDGEMENT -> toPatient(notification);
        };
    }

    private SimpleMailMessage toStaff(DueNotification notification) {
        return message(
                inquiries.staffMailbox(clinic.email()),
                "New inquiry " + notification.reference(),
                """
                A new inquiry has arrived on the website.

                Reference: %s
                Reason: %s
                Received: %s

                Open it in the staff area (sign-in required):
                %s

                For the patient's privacy, their details are only in the staff area.
                """
                        .formatted(
                                notification.reference(),
                                notification.reason().label(),
                                WHEN.format(notification.receivedAt()),
                                clinic.absoluteUrl("/staff/inquiries/" + notification.reference())));
    }

    private SimpleMailMessage toPatient(DueNotification notification) {
        return message(
                notification.patientEmail(),
                "We received your inquiry " + notification.reference(),
                """
                Thank you for contacting %s.

                We have received your inquiry. Your reference is %s.
                A member of our team will get in touch with you soon. If you need to reach us first,
                call %s and quote your reference.

                If this is an emergency, call 911. In a mental-health crisis, call or text 988.
                """
                        .formatted(clinic.name(), notification.reference(), clinic.phone()));
    }

    private SimpleMailMessage message(String to, String subject, String text) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(inquiries.sender(clinic.email()));
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(text);
        return mail;
    }
}
