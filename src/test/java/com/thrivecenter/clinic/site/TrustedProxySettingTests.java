package com.thrivecenter.clinic.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Which proxies each configuration believes: nobody by default, only this machine in production. */
class TrustedProxySettingTests {

    private static String internalProxies(String file) throws Exception {
        PropertySource<?> yaml = new YamlPropertySourceLoader()
                .load(file, new ClassPathResource(file))
                .get(0);
        return String.valueOf(yaml.getProperty("clinic.proxies.trusted"));
    }

    @Test
    void byDefaultNoProxyIsTrusted() throws Exception {
        ProxyProperties unset =
                Binder.get(new StandardEnvironment()).bindOrCreate("clinic.proxies", ProxyProperties.class);

        assertThat(internalProxies("application.yml")).isEqualTo("null");
        assertThat(unset.trusted()).isEmpty();
    }

    @Test
    void thePostgresProfileTrustsLoopbackOnly() throws Exception {
        Pattern trusted = Pattern.compile(internalProxies("application-postgres.yml"));

        assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
        assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
        assertThat(trusted.matcher("10.0.0.1").matches()).isFalse();
        assertThat(trusted.matcher("192.168.1.5").matches()).isFalse();
        assertThat(trusted.matcher("128.0.0.1").matches()).isFalse();
    }
}
