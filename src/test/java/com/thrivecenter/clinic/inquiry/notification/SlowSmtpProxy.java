package com.thrivecenter.clinic.inquiry.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A slow SMTP server as the site sees it: a TCP proxy in front of a real one (GreenMail) that holds back each
 * reply of the server for a while.
 */
public final class SlowSmtpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final Duration delayPerReply;
    private final Runnable onReply;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /** {@code onReply} runs as each reply is passed on, e.g. to move a test clock with the server's slowness. */
    public SlowSmtpProxy(int upstreamPort, Duration delayPerReply, Runnable onReply) {
        this.upstreamPort = upstreamPort;
        this.delayPerReply = delayPerReply;
        this.onReply = onReply;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("smtp-proxy-accept", this::acceptAll).start();
    }

    public SlowSmtpProxy(int upstreamPort, Duration delayPerReply) {
        this(upstreamPort, delayPerReply, () -> {});
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // The listener was closed: the proxy is shutting down.
            }
            sockets.add(client);
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(server);
                daemon("smtp-proxy-up", () -> pump(client, server, Duration.ZERO, () -> {}))
                        .start();
                daemon("smtp-proxy-down", () -> pump(server, client, delayPerReply, onReply))
                        .start();
            } catch (IOException e) {
                closeQuietly(client); // The real server is down, so the slow one is too.
            }
        }
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

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sockets.forEach(SlowSmtpProxy::closeQuietly);
    }
}
