package org.simsiamexplorer.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;

/**
 * Downloads the official {@code cifar-10-binary.tar.gz} into the per-user cache and unpacks it there.
 * Bytes go to a {@code .part} file that a later attempt resumes with an HTTP Range request; transient
 * failures are retried a bounded number of times with exponential backoff; the finished file must match
 * the official MD5 before it is atomically renamed into place (a mismatch deletes the partial file).
 */
public final class CifarDownloader {
    public static final URI OFFICIAL_URL = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");

    private final URI url;
    private final Path cacheDirectory;
    private final String expectedMd5;
    private final ExpectedChecksums fileChecksums;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration stallTimeout;
    private final HttpClient client;

    private CifarDownloader(Builder builder) {
        this.url = builder.url;
        this.cacheDirectory = builder.cacheDirectory;
        this.expectedMd5 = builder.expectedMd5;
        this.fileChecksums = builder.fileChecksums;
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.stallTimeout = builder.stallTimeout;
        this.client = builder.client != null ? builder.client : HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path cacheDirectory() {
        return cacheDirectory;
    }

    public URI url() {
        return url;
    }

    /** Where the verified tarball ends up. */
    public Path tarball() {
        return cacheDirectory.resolve(CifarLocator.TARBALL_NAME);
    }

    /** Where bytes are written until the MD5 check passes. */
    public Path partialFile() {
        return cacheDirectory.resolve(CifarLocator.TARBALL_NAME + ".part");
    }

    /**
     * Returns the cache's batch folder: reused if it is already there and verifies, else downloaded (or a
     * verified tarball reused), unpacked and put in place.
     */
    public Path downloadAndExtract(DownloadListener listener, CancellationToken cancel) throws IOException {
        Path existing = cacheDirectory.resolve(Cifar10Reader.FOLDER_NAME);
        if (isVerified(existing, fileChecksums)) {
            return existing; // already downloaded and intact: nothing to fetch
        }
        Path tarball = downloadTarball(listener, cancel);
        checkCancelled(cancel);
        Path staging = Files.createTempDirectory(cacheDirectory, ".extracting-");
        try {
            TarExtractor.extract(tarball, staging);
            Path extracted = Cifar10Reader.batchFolder(staging);
            Path folder = cacheDirectory.resolve(Cifar10Reader.FOLDER_NAME);
            deleteRecursively(folder);
            move(extracted, folder);
            // The unpacked folder is what the locator finds; keeping the tarball too would double the disk use.
            Files.deleteIfExists(tarball);
            return folder;
        } finally {
            deleteRecursively(staging);
        }
    }

    /** Downloads the tarball into the cache (resuming a partial file) and returns it once its MD5 matches. */
    public Path downloadTarball(DownloadListener listener, CancellationToken cancel) throws IOException {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancel, "cancel");
        Files.createDirectories(cacheDirectory);
        Path target = tarball();
        if (Files.isRegularFile(target)) {
            if (Cifar10Reader.md5(target).equalsIgnoreCase(expectedMd5)) {
                return target;
            }
            Files.delete(target); // a damaged earlier download: fetch it again
        }
        IOException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            checkCancelled(cancel);
            try {
                new HttpRangeTransfer(client, url, stallTimeout).resumeInto(partialFile(), listener, cancel);
                last = null;
                break;
            } catch (DownloadCancelledException | HttpRangeTransfer.RefusedException e) {
                throw e;
            } catch (IOException e) {
                last = e;
                if (attempt < maxAttempts) {
                    pause(initialBackoff.multipliedBy(1L << (attempt - 1)), cancel);
                }
            }
        }
        if (last != null) {
            throw new IOException("Downloading CIFAR-10 from " + url + " failed after " + maxAttempts
                    + " attempts (" + describe(last) + "). " + partialNote() + " Check the network and try again.",
                    last);
        }
        Path part = partialFile();
        String actual = Cifar10Reader.md5(part);
        if (!actual.equalsIgnoreCase(expectedMd5)) {
            Files.deleteIfExists(part);
            throw new CifarDataException("The downloaded " + CifarLocator.TARBALL_NAME + " failed its MD5 check: "
                    + "expected " + expectedMd5 + ", actual " + actual + ". The partial file " + part
                    + " was deleted; start the download again.");
        }
        move(part, target);
        return target;
    }

    private static boolean isVerified(Path folder, ExpectedChecksums fileChecksums) {
        if (CifarLocator.dataAt(folder).isEmpty()) {
            return false;
        }
        try {
            Cifar10Reader.verify(folder, fileChecksums);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void checkCancelled(CancellationToken cancel) throws DownloadCancelledException {
        if (cancel.isCancelled()) {
            throw new DownloadCancelledException("Download cancelled. " + partialNote());
        }
    }

    private String partialNote() {
        return Files.exists(partialFile())
                ? "The partial file " + partialFile() + " is kept, so the next download continues from there."
                : "";
    }

    private static void pause(Duration duration, CancellationToken cancel) throws IOException {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            while (System.nanoTime() < deadline && !cancel.isCancelled()) {
                Thread.sleep(Math.max(1, Math.min(50, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Download interrupted");
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** All settings are optional: the defaults download the official file into the XDG cache. */
    public static final class Builder {
        private URI url = OFFICIAL_URL;
        private Path cacheDirectory;
        private String expectedMd5 = ExpectedChecksums.OFFICIAL_TARBALL_MD5;
        private ExpectedChecksums fileChecksums = ExpectedChecksums.official();
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration stallTimeout = Duration.ofSeconds(60);
        private HttpClient client;

        private Builder() {
        }

        /** Source address (tests point it at a local server). */
        public Builder optUrl(URI url) {
            this.url = Objects.requireNonNull(url);
            return this;
        }

        /** Default: {@link CifarLocator#defaultCacheDirectory}. */
        public Builder optCacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = Objects.requireNonNull(cacheDirectory);
            return this;
        }

        /** Default: the official tarball's MD5. */
        public Builder optExpectedMd5(String md5) {
            this.expectedMd5 = Objects.requireNonNull(md5);
            return this;
        }

        /** What the unpacked batch files must match for an earlier download to be reused; default official. */
        public Builder optExpectedFileChecksums(ExpectedChecksums fileChecksums) {
            this.fileChecksums = Objects.requireNonNull(fileChecksums);
            return this;
        }

        /** Default 5 attempts in all (the first try plus retries). */
        public Builder optMaxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Wait before the first retry (default 1 s), doubled before each further one. */
        public Builder optInitialBackoff(Duration initialBackoff) {
            if (initialBackoff.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative");
            }
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** Give up on a connection (and retry) when no bytes arrive for this long; default 60 s. */
        public Builder optStallTimeout(Duration stallTimeout) {
            if (stallTimeout.isNegative() || stallTimeout.isZero()) {
                throw new IllegalArgumentException("stall timeout must be positive");
            }
            this.stallTimeout = stallTimeout;
            return this;
        }

        public Builder optHttpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client);
            return this;
        }

        public CifarDownloader build() {
            if (cacheDirectory == null) {
                cacheDirectory = CifarLocator.defaultCacheDirectory(System::getenv, System.getProperty("user.home"));
            }
            return new CifarDownloader(this);
        }
    }
}
