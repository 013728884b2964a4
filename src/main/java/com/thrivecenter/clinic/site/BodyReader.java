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
 * something to read, and then either hands the whole body on or refuses the request: 413 when it is larger than
 * allowed, 408 when the request's asynchronous timeout passes first. Exactly one of these happens.
 *
 * <p>A refusal is answered at once, but the answer is completed only once the rest of the body has been read and
 * dropped (up to a bound, still without a thread): the server stops reading a request once its answer is complete,
 * and a client that was still sending would find the connection reset under it and never see the page.
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

    /** How much of a refused body is read and dropped before the connection is closed regardless. */
    private static final long MOST_DROPPED = 8L * 1024 * 1024;

    private final AsyncContext async;
    private final ServletInputStream input;
    private final long maxBytes;
    private final Replay replay;
    private final Refusal refusal;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[4096];
    private final AtomicBoolean decided = new AtomicBoolean();
    private volatile boolean refused;
    private final AtomicBoolean finished = new AtomicBoolean();
    private long dropped;

    BodyReader(AsyncContext async, ServletInputStream input, long maxBytes, Replay replay, Refusal refusal) {
        this.async = async;
        this.input = input;
        this.maxBytes = maxBytes;
        this.replay = replay;
        this.refusal = refusal;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!finished.get() && input.isReady()) {
            int read = input.read(chunk);
            if (read == -1) {
                return; // onAllDataRead follows
            }
            if (refused) {
                dropped += read;
                if (dropped > MOST_DROPPED) {
                    finish();
                }
            } else if (!decided.get()) {
                body.write(chunk, 0, read);
                if (body.size() > maxBytes) {
                    refuse(HttpStatus.CONTENT_TOO_LARGE);
                }
            }
        }
    }

    @Override
    public void onAllDataRead() throws IOException {
        if (refused) {
            finish();
        } else if (decided.compareAndSet(false, true)) {
            finished.set(true);
            replay.body(body.toByteArray());
        }
    }

    /** Answers at once; the rest of the body is read and dropped, and then the answer is completed. */
    void refuse(HttpStatus status) throws IOException {
        if (decided.compareAndSet(false, true)) {
            refused = true;
            try {
                refusal.answer(status);
            } catch (IOException | RuntimeException e) {
                finish();
                throw e;
            }
        }
    }

    /** Completes the answer, which closes the connection. */
    private void finish() {
        if (finished.compareAndSet(false, true)) {
            async.complete();
        }
    }

    /** Too slow to send its body (408), or to finish sending one already refused. */
    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
        if (decided.compareAndSet(false, true)) {
            try {
                refusal.answer(HttpStatus.REQUEST_TIMEOUT);
            } finally {
                finish();
            }
        } else {
            finish();
        }
    }

    /** The client went away or the connection failed mid-body: there is nobody left to answer. */
    @Override
    public void onError(Throwable failure) {
        decided.set(true);
        finish();
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
}
