package com.thrivecenter.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTests {

    @TempDir
    Path folder;

    @Test
    void theSecretIsMadeOnceReadableByItsOwnerOnlyAndKept() throws Exception {
        Path file = folder.resolve("data/inquiry-secret.key");

        byte[] first = SecretKeyFile.readOrCreate(file);

        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretKeyFile.readOrCreate(file)).isEqualTo(first);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void instancesStartingTogetherAllUseTheOneSecretThatWasWritten() throws Exception {
        Path file = folder.resolve("inquiry-secret.key");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<byte[]>> secrets = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> threads.submit(() -> {
                        go.await();
                        return SecretKeyFile.readOrCreate(file);
                    }))
                    .toList();
            go.countDown();
            for (Future<byte[]> secret : secrets) {
                assertThat(secret.get()).isEqualTo(SecretKeyFile.readOrCreate(file));
            }
        } finally {
            threads.shutdownNow();
        }
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }
}
