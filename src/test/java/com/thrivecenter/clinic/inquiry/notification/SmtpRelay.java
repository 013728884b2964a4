package com.thrivecenter.clinic.inquiry.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a loopback port in front of a real SMTP server (GreenMail), for tests that need to see or bend
 * what passes between the site and the server. Each subclass says how a connection's two directions are passed on
 * and starts accepting at the end of its constructor.
 */
abstract class SmtpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    SmtpRelay(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Called last in a subclass's constructor, once what {@link #relay} uses is in place. */
    final void start() {
        daemon("smtp-proxy-accept", this::acceptAll).start();
    }

    /** Whether a new connection is taken; one refused is closed at once, as by a server that is down. */
    boolean accepts() {
        return true;
    }

    /** Starts passing a connection's bytes on, both ways; each direction closes both sockets when it ends. */
    abstract void relay(Socket client, Socket server);

    private void acceptAll() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // The listener was closed: the proxy is shutting down.
            }
            if (!accepts()) {
                closeQuietly(client);
                continue;
            }
            sockets.add(client);
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                sockets.add(server);
                relay(client, server);
            } catch (IOException e) {
                closeQuietly(client); // The real server is down, so this one is too.
            }
        }
    }

    static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    static void closeQuietly(Socket socket) {
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
        sockets.forEach(SmtpRelay::closeQuietly);
    }
}
