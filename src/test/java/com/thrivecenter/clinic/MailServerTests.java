package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail is sent only through a server whose host is set: started from the build's ahead-of-time processing, Boot's
 * mail sender exists whether or not the operator set a host.
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
