package com.thrivecenter.clinic.inquiry.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * A slow SMTP server as the site sees it: a TCP proxy in front of a real one (GreenMail) that holds back each
 * reply of the server for a while.
 */
public final class SlowSmtpProxy extends SmtpRelay {

    private final Duration delayPerReply;
    private final Runnable onReply;

    /** {@code onReply} runs as each reply is passed on, e.g. to move a test clock with the server's slowness. */
    public SlowSmtpProxy(int upstreamPort, Duration delayPerReply, Runnable onReply) {
        super(upstreamPort);
        this.delayPerReply = delayPerReply;
        this.onReply = onReply;
        start();
    }

    public SlowSmtpProxy(int upstreamPort, Duration delayPerReply) {
        this(upstreamPort, delayPerReply, () -> {});
    }

    @Override
    void relay(Socket client, Socket server) {
        daemon("smtp-proxy-up", () -> pump(client, server, Duration.ZERO, () -> {}))
                .start();
        daemon("smtp-proxy-down", () -> pump(server, client, delayPerReply, onReply))
                .start();
    }

    private static void pump(Socket from, Socket to, Duration delay, Runnable onChunk) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                Thread.sleep(delay.toMillis());
                onChunk.run();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side hung up; closing both ends below ends the session.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }
}
