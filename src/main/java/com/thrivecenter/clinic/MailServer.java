package com.thrivecenter.clinic;

import jakarta.mail.util.StreamProvider;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP server the site sends its mail through, when one is set ({@code spring.mail.host}). Boot makes its mail
 * sender only when a host is set; started from the build's ahead-of-time processing (the production recipe), that
 * choice was made at build time, where a host is set, so the host in force now is what says whether to send.
 */
@Component
public class MailServer {

    static {
        // Jakarta Mail 2.1 looks up its stream provider twice for every message it writes, each time by searching
        // the class path's service files (jakartaee/mail-api#861): up to a third of the outbox's CPU. Named by
        // this property, the provider is one class lookup instead. (Angus Mail, Boot's implementation, is on the
        // class path at run time only.)
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final ObjectProvider<JavaMailSenderImpl> sender;

    public MailServer(ObjectProvider<JavaMailSenderImpl> sender) {
        this.sender = sender;
    }

    /** The sender, with the server's settings, or empty when no host is set and mail waits or is not sent. */
    public Optional<JavaMailSenderImpl> configured() {
        return Optional.ofNullable(sender.getIfAvailable())
                .filter(mail -> mail.getHost() != null && !mail.getHost().isBlank());
    }
}
