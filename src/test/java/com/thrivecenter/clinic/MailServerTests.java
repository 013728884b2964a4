package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail is sent only through a server whose host is set: started from the build's ahead-of-time processing, Boot's
 * mail sender exists whether or not the operator set a host. And a message is written without a search of the class
 * path, which would cost more than the rest of a mail.
 */
class MailServerTests {

    @Test
    void aSenderWithAHostIsTheServer() {
        JavaMailSenderImpl sender = sender("smtp.example.com");

        assertThat(server(sender).configured()).containsSame(sender);
    }

    @Test
    void aSenderWithoutAHostIsNoServer() {
        assertThat(server(sender(null)).configured()).isEmpty();
        assertThat(server(sender(" ")).configured()).isEmpty();
    }

    @Test
    void noSenderIsNoServer() {
        assertThat(new MailServer(new StaticListableBeanFactory().getBeanProvider(JavaMailSenderImpl.class))
                        .configured())
                .isEmpty();
    }

    @Test
    void writingAMessageDoesNotSearchTheClassPathForJakartaMailsStreamProvider() throws Exception {
        JavaMailSenderImpl sender = sender("smtp.example.com");
        server(sender);
        String serviceFile = "META-INF/services/" + StreamProvider.class.getName();
        AtomicInteger searches = new AtomicInteger();
        ClassLoader searchCounting = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (name.equals(serviceFile)) {
                    searches.incrementAndGet();
                }
                return super.getResources(name);
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(searchCounting);
        try {
            MimeMessage message = sender.createMimeMessage();
            message.setText("A new inquiry is waiting in the staff area.");
            message.saveChanges();
            message.writeTo(OutputStream.nullOutputStream());
        } finally {
            thread.setContextClassLoader(before);
        }

        assertThat(searches).hasValue(0);
    }

    private static JavaMailSenderImpl sender(String host) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        return sender;
    }

    private static MailServer server(JavaMailSenderImpl sender) {
        return new MailServer(
                new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSenderImpl.class));
    }
}
