package com.thrivecenter.clinic.content;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the content folder and its sub-folders, and reloads the pages shortly after anything in them
 * changes, so staff edits go live without a restart.
 */
@Component
public class ContentWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);
    // Editors often save in several steps (write, rename, touch); one reload covers a burst.
    private static final long SETTLE_MILLIS = 150;

    private final ContentRepository repository;
    private volatile WatchService watchService;
    private volatile Thread thread;

    public ContentWatcher(ContentRepository repository) {
        this.repository = repository;
    }

    @Override
    public synchronized void start() {
        try {
            watchService = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            log.warn("Cannot watch {} for changes; edits need a restart", repository.root(), e);
            return;
        }
        watchFolders();
        thread = new Thread(this::watch, "content-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                log.debug("Closing the content watcher", e);
            }
            watchService = null;
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void watch() {
        WatchService service = watchService;
        try {
            while (true) {
                WatchKey key = service.take();
                do {
                    key.pollEvents();
                    key.reset();
                    key = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                } while (key != null);
                // New folders need watching too; registering a watched folder again is harmless.
                watchFolders();
                reload();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            log.debug("Content watcher stopped");
        }
    }

    private void reload() {
        try {
            repository.reload();
        } catch (RuntimeException e) {
            log.error("Reloading content failed; the pages already loaded stay up", e);
        }
    }

    private void watchFolders() {
        Path root = repository.root();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path folder : paths.filter(Files::isDirectory).toList()) {
                folder.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not watch every folder under {}: {}", root, e.getMessage());
        }
    }
}
