package com.thrivecenter.clinic.content;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the content folder and its sub-folders, and reloads the pages shortly after anything in them
 * changes, so staff edits go live without a restart. Hidden files and folders are no content: the history's
 * {@code .git} folder is never watched (a commit writes dozens of files there) and a hidden name, like an editor's
 * temporary file before it is moved into place, causes no reload.
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
                boolean contentChanged = false;
                do {
                    contentChanged |= key.pollEvents().stream().anyMatch(ContentWatcher::concernsContent);
                    key.reset();
                    key = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
                } while (key != null);
                if (contentChanged) {
                    // New folders need watching too; registering a watched folder again is harmless.
                    watchFolders();
                    reload();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            log.debug("Content watcher stopped");
        }
    }

    /** An event about a visible name, or a lost count of events (overflow), which may hide anything. */
    private static boolean concernsContent(WatchEvent<?> event) {
        return !(event.context() instanceof Path name && isHidden(name));
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
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
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes)
                        throws IOException {
                    if (isHidden(root.relativize(folder))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    folder.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            log.warn("Could not watch every folder under {}: {}", root, e.getMessage());
        }
    }
}
