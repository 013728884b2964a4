package com.thrivecenter.clinic.inquiry.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMailMessage;

/**
 * One SMTP connection for a burst of mails, opened at the first mail. {@link JavaMailSenderImpl#send} opens a
 * connection for every call (connect, greeting, EHLO, authentication, QUIT), which costs more than the mail itself;
 * here only the mail's own commands are repeated. Everything comes from Boot's mail sender, so from
 * {@code spring.mail.*}: its Jakarta Mail session (properties such as timeouts and STARTTLS), protocol, host, port
 * and credentials. For one sending run on one thread.
 */
final class SmtpConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnection.class);

    private final JavaMailSenderImpl settings;
    private Transport transport;

    SmtpConnection(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    /**
     * Sends one mail. A connection kept from an earlier mail may have been closed by the server since (an idle
     * timeout, a restart): a failure on it is tried once more on a new connection. A failure on a new connection
     * is the mail's, and leaves no connection open.
     */
    void send(SimpleMailMessage mail) throws MessagingException {
        MimeMessage message = mime(mail);
        if (transport != null) {
            try {
                transport.sendMessage(message, message.getAllRecipients());
                return;
            } catch (MessagingException e) {
                log.debug(
                        "The SMTP connection failed ({}); opening a new one",
                        e.getClass().getSimpleName());
                close();
            }
        }
        try {
            transport = connect();
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            close();
            throw e;
        }
    }

    private MimeMessage mime(SimpleMailMessage mail) throws MessagingException {
        MimeMailMessage message = new MimeMailMessage(settings.createMimeMessage());
        mail.copyTo(message);
        MimeMessage mime = message.getMimeMessage();
        // What Transport.send would do before sending: the Message-ID and MIME headers.
        mime.saveChanges();
        return mime;
    }

    // As JavaMailSenderImpl connects, so that its settings mean the same here.
    private Transport connect() throws MessagingException {
        Session session = settings.getSession();
        String protocol = Objects.requireNonNullElse(
                settings.getProtocol(),
                Objects.requireNonNullElse(
                        session.getProperty("mail.transport.protocol"), JavaMailSenderImpl.DEFAULT_PROTOCOL));
        Transport connecting = session.getTransport(protocol);
        connecting.connect(
                settings.getHost(),
                settings.getPort(),
                blankAsNone(settings.getUsername()),
                blankAsNone(settings.getPassword()));
        return connecting;
    }

    private static String blankAsNone(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Ends the SMTP session (QUIT), if one is open. */
    @Override
    public void close() {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug(
                    "The SMTP connection did not close cleanly ({})",
                    e.getClass().getSimpleName());
        } finally {
            transport = null;
        }
    }
}
