package com.thrivecenter.clinic;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Jetty pads some of its shared counters to a cache line and, to know how many references fill one, asks the JVM
 * whether it compresses them through the platform MBean server: starting that server, with JFR's diagnostic commands,
 * only for this cost 50 to 90 ms of a start and 2 to 3 MB of memory, measured (about 330 classes). The diagnostic bean
 * gives the same answer without the server. An operator's own setting is kept.
 */
final class JettyCacheLine {

    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    private static final String CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";
    /** Jetty's own default. */
    private static final int DEFAULT_CACHE_LINE_BYTES = 64;

    private JettyCacheLine() {}

    /** Sets what Jetty would work out itself: a cache line's bytes over the size of a reference. */
    static void tellJetty() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) != null) {
            return;
        }
        boolean compressed = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseCompressedOops")
                .getValue());
        int lineBytes = Integer.getInteger(CACHE_LINE_BYTES, DEFAULT_CACHE_LINE_BYTES);
        System.setProperty(REFERENCES_PER_CACHE_LINE, String.valueOf(lineBytes / (compressed ? 4 : 8)));
    }
}
