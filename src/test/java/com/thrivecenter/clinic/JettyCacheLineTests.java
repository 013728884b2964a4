package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JettyCacheLineTests {

    private String before;

    @BeforeEach
    void forget() {
        before = System.clearProperty(JettyCacheLine.REFERENCES_PER_CACHE_LINE);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(JettyCacheLine.REFERENCES_PER_CACHE_LINE);
        } else {
            System.setProperty(JettyCacheLine.REFERENCES_PER_CACHE_LINE, before);
        }
    }

    @Test
    void jettyIsToldWhatItWouldAskTheMBeanServerFor() throws Exception {
        JettyCacheLine.tellJetty();

        // Jetty's own way: a 64-byte line holds 16 compressed references or 8 full ones.
        CompositeData option = (CompositeData) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        ObjectName.getInstance("com.sun.management:type=HotSpotDiagnostic"),
                        "getVMOption",
                        new Object[] {"UseCompressedOops"},
                        new String[] {String.class.getName()});
        String expected = Boolean.parseBoolean((String) option.get("value")) ? "16" : "8";
        assertThat(System.getProperty(JettyCacheLine.REFERENCES_PER_CACHE_LINE)).isEqualTo(expected);
    }

    @Test
    void anOperatorsOwnSettingIsKept() {
        System.setProperty(JettyCacheLine.REFERENCES_PER_CACHE_LINE, "4");

        JettyCacheLine.tellJetty();

        assertThat(System.getProperty(JettyCacheLine.REFERENCES_PER_CACHE_LINE)).isEqualTo("4");
    }
}
