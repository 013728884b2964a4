package com.thrivecenter.clinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A port nothing listens on, for a server a test starts itself (a site process, nginx, a closed address). */
public final class FreePorts {

    private FreePorts() {}

    /** One the system has just handed out and taken back: free now, though nothing keeps it so. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
