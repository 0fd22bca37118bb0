package org.simsiamexplorer.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class CifarDownloaderTest {
    private static byte[] payload;

    @TempDir
    Path cache;

    @BeforeAll
    static void buildTinyTarball() throws IOException {
        payload = TinyCifar.tarGz();
    }

    private CifarDownloader downloader(LocalTarballServer server, byte[] expected) {
        return downloader(server, expected, Duration.ofSeconds(10));
    }

    private CifarDownloader downloader(LocalTarballServer server, byte[] expected, Duration stallTimeout) {
        return CifarDownloader.builder()
                .optUrl(server.url())
                .optCacheDirectory(cache)
                .optExpectedMd5(TinyCifar.md5(expected))
                .optExpectedFileChecksums(TinyCifar.checksums())
                .optMaxAttempts(3)
                .optInitialBackoff(Duration.ZERO)
                .optStallTimeout(stallTimeout)
                .build();
    }

    @Test
    void downloadsVerifiesAndRenamesTheTarballReportingProgress() throws IOException {
        List<DownloadProgress> progress = new CopyOnWriteArrayList<>();
        try (LocalTarballServer server = new LocalTarballServer(payload)) {
            Path tarball = downloader(server, payload).downloadTarball(progress::add, new CancellationToken());

            assertArrayEquals(payload, Files.readAllBytes(tarball));
            assertEquals(cache.resolve("cifar-10-binary.tar.gz"), tarball);
            assertFalse(Files.exists(cache.resolve("cifar-10-binary.tar.gz.part")));
            DownloadProgress last = progress.get(progress.size() - 1);
            assertEquals(payload.length, last.bytes());
            assertEquals(payload.length, last.totalBytes());
            assertEquals(1.0, last.fraction());
        }
    }

    @Test
    void resumesWithARangeRequestAfterTheConnectionIsCutMidFile() throws IOException {
        int cut = payload.length / 2;
        try (LocalTarballServer server = new LocalTarballServer(payload).cutFirstResponseAfter(cut)) {
            Path tarball = downloader(server, payload).downloadTarball(DownloadListener.NONE, new CancellationToken());

            assertArrayEquals(payload, Files.readAllBytes(tarball));
            assertEquals(2, server.requests());
            assertEquals(1, server.rangeHeaders().size(), server.rangeHeaders().toString());
            long resumedAt = Long.parseLong(server.rangeHeaders().get(0).replaceAll("\\D", ""));
            assertTrue(resumedAt > 0 && resumedAt <= cut, "resumed at " + resumedAt);
        }
    }

    @Test
    void aConnectionThatStopsSendingIsAbandonedAndResumed() throws IOException {
        int stall = payload.length / 3;
        try (LocalTarballServer server = new LocalTarballServer(payload).stallFirstResponseAfter(stall)) {
            long start = System.nanoTime();
            Path tarball = downloader(server, payload, Duration.ofSeconds(2))
                    .downloadTarball(DownloadListener.NONE, new CancellationToken());

            assertArrayEquals(payload, Files.readAllBytes(tarball));
            assertEquals(1, server.rangeHeaders().size(), server.rangeHeaders().toString());
            assertTrue(System.nanoTime() - start < 15_000_000_000L, "gave up on the stalled connection in time");
        }
    }

    @Test
    void cancelStopsADownloadEvenWhileTheConnectionHangs() throws Exception {
        CancellationToken cancel = new CancellationToken();
        try (LocalTarballServer server = new LocalTarballServer(payload).stallFirstResponseAfter(1000)) {
            CifarDownloader downloader = CifarDownloader.builder().optUrl(server.url()).optCacheDirectory(cache)
                    .optExpectedMd5(TinyCifar.md5(payload)).build(); // default 60 s stall timeout
            Thread canceller = new Thread(() -> { // presses Cancel once the first 1000 bytes are on disk
                try {
                    while (!Files.exists(downloader.partialFile()) || Files.size(downloader.partialFile()) < 1000) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(200);
                } catch (InterruptedException | IOException e) {
                    Thread.currentThread().interrupt();
                }
                cancel.cancel();
            });
            canceller.start();
            long start = System.nanoTime();

            assertThrows(DownloadCancelledException.class,
                    () -> downloader.downloadTarball(DownloadListener.NONE, cancel));

            assertTrue(System.nanoTime() - start < 5_000_000_000L, "cancel took effect promptly");
            assertEquals(1000, Files.size(downloader.partialFile()));
            canceller.join();
        }
    }

    @Test
    void resumesAPartialFileLeftByAnEarlierRun() throws IOException {
        Files.write(cache.resolve("cifar-10-binary.tar.gz.part"), Arrays.copyOf(payload, 1000));
        try (LocalTarballServer server = new LocalTarballServer(payload)) {
            Path tarball = downloader(server, payload).downloadTarball(DownloadListener.NONE, new CancellationToken());

            assertEquals(List.of("bytes=1000-"), server.rangeHeaders());
            assertArrayEquals(payload, Files.readAllBytes(tarball));
        }
    }

    @Test
    void startsOverWhenTheServerIgnoresTheRange() throws IOException {
        Files.write(cache.resolve("cifar-10-binary.tar.gz.part"), Arrays.copyOf(payload, 1000));
        try (LocalTarballServer server = new LocalTarballServer(payload).ignoringRange()) {
            Path tarball = downloader(server, payload).downloadTarball(DownloadListener.NONE, new CancellationToken());

            assertArrayEquals(payload, Files.readAllBytes(tarball));
        }
    }

    @Test
    void corruptedPayloadFailsTheChecksumDeletesThePartialFileAndSaysSo() throws IOException {
        byte[] corrupted = payload.clone();
        corrupted[corrupted.length / 3] ^= 0x40;
        try (LocalTarballServer server = new LocalTarballServer(corrupted)) {
            CifarDownloader downloader = downloader(server, payload);

            CifarDataException error = assertThrows(CifarDataException.class,
                    () -> downloader.downloadTarball(DownloadListener.NONE, new CancellationToken()));

            assertTrue(error.getMessage().contains("MD5"), error.getMessage());
            assertTrue(error.getMessage().contains(TinyCifar.md5(payload)), error.getMessage());
            assertTrue(error.getMessage().contains(TinyCifar.md5(corrupted)), error.getMessage());
            assertTrue(error.getMessage().contains("was deleted"), error.getMessage());
            assertFalse(Files.exists(downloader.partialFile()));
            assertFalse(Files.exists(downloader.tarball()));
        }
    }

    @Test
    void cancellingStopsTheDownloadAndKeepsThePartialFileForLater() throws IOException {
        CancellationToken cancel = new CancellationToken();
        try (LocalTarballServer server = new LocalTarballServer(payload)) {
            CifarDownloader downloader = downloader(server, payload);

            DownloadCancelledException error = assertThrows(DownloadCancelledException.class,
                    () -> downloader.downloadTarball(progress -> cancel.cancel(), cancel));

            assertTrue(error.getMessage().contains("cancelled"), error.getMessage());
            assertTrue(Files.exists(downloader.partialFile()));
            assertFalse(Files.exists(downloader.tarball()));
            assertEquals(1, server.requests());
        }
    }

    @Test
    void retriesServerErrorsABoundedNumberOfTimes() throws IOException {
        try (LocalTarballServer server = new LocalTarballServer(payload).alwaysFailWith(503)) {
            CifarDownloader downloader = downloader(server, payload);

            IOException error = assertThrows(IOException.class,
                    () -> downloader.downloadTarball(DownloadListener.NONE, new CancellationToken()));

            assertEquals(3, server.requests());
            assertTrue(error.getMessage().contains("after 3 attempts") && error.getMessage().contains("503"),
                    error.getMessage());
        }
    }

    @Test
    void doesNotRetryAMissingFile() throws IOException {
        try (LocalTarballServer server = new LocalTarballServer(payload).alwaysFailWith(404)) {
            CifarDownloader downloader = downloader(server, payload);

            IOException error = assertThrows(IOException.class,
                    () -> downloader.downloadTarball(DownloadListener.NONE, new CancellationToken()));

            assertEquals(1, server.requests());
            assertTrue(error.getMessage().contains("404"), error.getMessage());
        }
    }

    @Test
    void extractsIntoTheCacheWhereTheLocatorFindsIt() throws IOException {
        try (LocalTarballServer server = new LocalTarballServer(payload)) {
            Path folder = downloader(server, payload).downloadAndExtract(DownloadListener.NONE,
                    new CancellationToken());

            assertEquals(cache.resolve("cifar-10-batches-bin"), folder);
            Cifar10 cifar = Cifar10Reader.read(folder, Verification.VERIFY_MD5, TinyCifar.checksums());
            assertEquals(15, cifar.train().size());
            CifarLocator locator = new CifarLocator(name -> null, cache);
            assertEquals(folder, locator.locateOrThrow(null).path());
            assertFalse(Files.exists(cache.resolve("cifar-10-binary.tar.gz.part")));
        }
    }

    @Test
    void reusesAnIntactEarlierDownloadWithoutContactingTheServer() throws IOException {
        try (LocalTarballServer server = new LocalTarballServer(payload)) {
            CifarDownloader downloader = downloader(server, payload);
            Path first = downloader.downloadAndExtract(DownloadListener.NONE, new CancellationToken());

            Path second = downloader.downloadAndExtract(DownloadListener.NONE, new CancellationToken());

            assertEquals(first, second);
            assertEquals(1, server.requests());
        }
    }

    @Test
    void downloadsAgainWhenTheEarlierCopyIsDamaged() throws IOException {
        try (LocalTarballServer server = new LocalTarballServer(payload)) {
            CifarDownloader downloader = downloader(server, payload);
            Path folder = downloader.downloadAndExtract(DownloadListener.NONE, new CancellationToken());
            Files.write(folder.resolve("data_batch_1.bin"), new byte[CifarDataset.RECORD_BYTES * 3]);

            downloader.downloadAndExtract(DownloadListener.NONE, new CancellationToken());

            assertEquals(2, server.requests());
            Cifar10Reader.verify(folder, TinyCifar.checksums());
        }
    }
}
