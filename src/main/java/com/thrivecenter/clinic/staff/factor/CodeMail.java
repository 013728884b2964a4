package com.thrivecenter.clinic.staff.factor;

import com.thrivecenter.clinic.ClinicProperties;
import com.thrivecenter.clinic.MailServer;
import com.thrivecenter.clinic.inquiry.InquiryProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;

/**
 * Mails a new code to the account's own address, with a link that fills it in, and goes back to the second-factor
 * page saying whether the mail went out. The code is sent at once, not through the outbox: it is only any use for
 * a few minutes.
 */
class CodeMail implements OneTimeTokenGenerationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(CodeMail.class);

    private final MailServer mailServer;
    private final ClinicProperties clinic;
    private final InquiryProperties mail;
    private final SecondFactorProperties properties;

    CodeMail(
            MailServer mailServer, ClinicProperties clinic, InquiryProperties mail, SecondFactorProperties properties) {
        this.mailServer = mailServer;
        this.clinic = clinic;
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken code) throws IOException {
        boolean sent = mailServer.configured().map(sender -> send(sender, code)).orElse(false);
        response.sendRedirect(SecondFactorConfig.PAGE + (sent ? "?sent" : "?unsent"));
    }

    private boolean send(JavaMailSender sender, OneTimeToken code) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(mail.sender(clinic.email()));
        message.setTo(code.getUsername());
        message.setSubject("Your sign-in code for the " + clinic.name() + " staff area");
        message.setText(
                """
                Your sign-in code is:

                %s

                It works once, for %d minutes, in the browser where you gave your password. You can also open this
                link in that browser:

                %s

                If you did not just sign in, someone knows your password: change it, and tell an administrator.
                """
                        .formatted(
                                code.getTokenValue(),
                                properties.codeValidity().toMinutes(),
                                clinic.absoluteUrl(SecondFactorConfig.PAGE + "?code="
                                        + URLEncoder.encode(code.getTokenValue(), StandardCharsets.UTF_8))));
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            // The exception's class says enough; its message may quote the address.
            log.warn("Could not send a sign-in code ({})", e.getClass().getSimpleName());
            return false;
        }
    }
}
