package com.thrivecenter.clinic.inquiry.notification;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server as the site sees it: a TCP proxy in front of a real one (GreenMail) that counts the connections
 * the site opens, and can drop a connection or go away just as a mail starts (on the client's {@code MAIL FROM},
 * before the real server sees it), so no mail is half accepted.
 */
final class SmtpProxy extends SmtpRelay {

    private static final int NEVER = 0;

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger mailsStarted = new AtomicInteger();
    private volatile int cutAtMail = NEVER;
    private volatile boolean downAfterCut;
    private volatile boolean down;

    SmtpProxy(int upstreamPort) {
        super(upstreamPort);
        start();
    }

    /** Connections accepted while the server was up. */
    int connections() {
        return connections.get();
    }

    /** The server closes the connection as the {@code mail}th mail (counted from now on) starts, and stays up. */
    void dropConnectionAtMail(int mail) {
        cut(mail, false);
    }

    /** The server goes away as the {@code mail}th mail starts: connections are refused until {@link #up()}. */
    void goDownAtMail(int mail) {
        cut(mail, true);
    }

    void up() {
        down = false;
    }

    /** Up, no cut planned, nothing counted. */
    void reset() {
        cut(NEVER, false);
        down = false;
        connections.set(0);
    }

    private void cut(int mail, boolean thenDown) {
        mailsStarted.set(0);
        downAfterCut = thenDown;
        cutAtMail = mail;
    }

    @Override
    boolean accepts() {
        if (down) {
            return false;
        }
        connections.incrementAndGet();
        return true;
    }

    @Override
    void relay(Socket client, Socket server) {
        daemon("smtp-proxy-up", () -> commands(client, server)).start();
        daemon("smtp-proxy-down", () -> replies(server, client)).start();
    }

    /** Passes the client's lines on, unless one starts the mail at which the connection is to be cut. */
    private void commands(Socket client, Socket server) {
        try (InputStream in = new BufferedInputStream(client.getInputStream());
                OutputStream out = server.getOutputStream()) {
            for (byte[] line; (line = line(in)).length > 0; ) {
                if (startsMail(line) && mailsStarted.incrementAndGet() == cutAtMail) {
                    down = downAfterCut;
                    return;
                }
                out.write(line);
                out.flush();
            }
        } catch (IOException e) {
            // One side hung up; closing both ends below ends the session.
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static void replies(Socket server, Socket client) {
        try (InputStream in = server.getInputStream();
                OutputStream out = client.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // One side hung up; closing both ends below ends the session.
        } finally {
            closeQuietly(server);
            closeQuietly(client);
        }
    }

    private static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }

    private static boolean startsMail(byte[] line) {
        return new String(line, StandardCharsets.US_ASCII)
                .toUpperCase(Locale.ROOT)
                .startsWith("MAIL FROM:");
    }
}
