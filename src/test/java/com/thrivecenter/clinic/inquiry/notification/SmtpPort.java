package com.thrivecenter.clinic.inquiry.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A free local port for a test's SMTP server, chosen before the site starts so the site can be told it: the
 * server itself may be started and stopped while the site runs, as a real mail server goes down and comes back.
 */
record SmtpPort(int port) {

    static SmtpPort free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new SmtpPort(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", this::port);
    }

    GreenMail server() {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }
}
