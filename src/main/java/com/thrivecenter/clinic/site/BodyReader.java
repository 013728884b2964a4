package com.thrivecenter.clinic.site;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpStatus;

/**
 * Reads one request body into memory as its bytes arrive, on the container's threads only while there is
 * something to read, and then either hands the whole body on or refuses the request: 413 as soon as it is larger
 * than allowed, 408 when the request's asynchronous timeout passes first. Exactly one of these happens.
 */
final class BodyReader implements ReadListener, AsyncListener {

    /** What becomes of the request once its body is in memory. */
    interface Replay {
        void body(byte[] body);
    }

    /** Answers the request with the site's page for a status. */
    interface Refusal {
        void answer(HttpStatus status) throws IOException;
    }

    private final AsyncContext async;
    private final ServletInputStream input;
    private final long maxBytes;
    private final Replay replay;
    private final Refusal refusal;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[4096];
    private final AtomicBoolean decided = new AtomicBoolean();

    BodyReader(AsyncContext async, ServletInputStream input, long maxBytes, Replay replay, Refusal refusal) {
        this.async = async;
        this.input = input;
        this.maxBytes = maxBytes;
        this.replay = replay;
        this.refusal = refusal;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!decided.get() && input.isReady()) {
            int read = input.read(chunk);
            if (read == -1) {
                return; // onAllDataRead follows
            }
            body.write(chunk, 0, read);
            if (body.size() > maxBytes) {
                refuse(HttpStatus.CONTENT_TOO_LARGE);
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (decided.compareAndSet(false, true)) {
            replay.body(body.toByteArray());
        }
    }

    /** Answers at once, leaving the rest of the body unread; the answer closes the connection. */
    void refuse(HttpStatus status) throws IOException {
        if (decided.compareAndSet(false, true)) {
            try {
                refusal.answer(status);
            } finally {
                async.complete();
            }
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
        refuse(HttpStatus.REQUEST_TIMEOUT);
    }

    /** The client went away or the connection failed mid-body: there is nobody left to answer. */
    @Override
    public void onError(Throwable failure) {
        if (decided.compareAndSet(false, true)) {
            async.complete();
        }
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
