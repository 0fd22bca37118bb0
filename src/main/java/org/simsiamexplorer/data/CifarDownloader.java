package org.simsiamexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads the official {@code cifar-10-binary.tar.gz} into the per-user cache and unpacks it there.
 * Bytes go to a {@code .part} file that a later attempt resumes with an HTTP Range request; transient
 * failures are retried a bounded number of times with exponential backoff; the finished file must match
 * the official MD5 before it is atomically renamed into place (a mismatch deletes the partial file).
 */
public final class CifarDownloader {
    public static final URI OFFICIAL_URL = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

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
                transfer(listener, cancel);
                last = null;
                break;
            } catch (DownloadCancelledException | DownloadRefusedException e) {
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

    private void transfer(DownloadListener listener, CancellationToken cancel) throws IOException {
        Path part = partialFile();
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = awaitHeaders(
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofPublisher()), cancel);
        HttpBodyQueue body = new HttpBodyQueue();
        response.body().subscribe(body);
        try {
            int status = response.statusCode();
            long total;
            boolean append;
            if (status == 206) {
                Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (!range.matches() || Long.parseLong(range.group(1)) != have) {
                    Files.deleteIfExists(part); // the server resumed somewhere else: start over next attempt
                    throw new IOException("server sent an unexpected Content-Range");
                }
                total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
                append = true;
            } else if (status == 200) {
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                append = false; // the server ignored the Range header: the body is the whole file
                have = 0;
            } else if (status == 416 && have > 0) {
                return; // the partial file is already complete; the MD5 check decides
            } else if (status >= 500 || status == 408 || status == 429) {
                throw new IOException("server answered HTTP " + status);
            } else {
                throw new DownloadRefusedException("Downloading CIFAR-10 failed: " + url + " answered HTTP "
                        + status + ". Check the address, or download cifar-10-binary.tar.gz yourself and choose it.");
            }
            copy(body, part, append, have, total, listener, cancel);
        } finally {
            body.cancel();
        }
    }

    /** Waits for the response headers in short polls, so Cancel and the stall timeout apply here too. */
    private <T> HttpResponse<T> awaitHeaders(CompletableFuture<HttpResponse<T>> pending, CancellationToken cancel)
            throws IOException {
        long deadline = System.nanoTime() + stallTimeout.toNanos();
        try {
            while (true) {
                if (cancel.isCancelled()) {
                    pending.cancel(true);
                    throw new DownloadCancelledException("Download cancelled. " + partialNote());
                }
                if (System.nanoTime() > deadline) {
                    pending.cancel(true);
                    throw new IOException("no answer from the server for " + stallTimeout.toSeconds() + " s");
                }
                try {
                    return pending.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    // poll again
                }
            }
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Download interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
        }
    }

    /**
     * Writes the body to the partial file as it arrives. Waiting in short polls (instead of a blocking read)
     * keeps Cancel responsive and turns a connection that stops sending into a retry after {@code stallTimeout}.
     */
    private void copy(HttpBodyQueue body, Path part, boolean append, long have, long total, DownloadListener listener,
                      CancellationToken cancel) throws IOException {
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        long bytes = have;
        long windowStart = System.nanoTime();
        long windowBytes = bytes;
        long lastReport = 0;
        long lastData = windowStart;
        double rate = 0;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            while (true) {
                Object item = body.poll();
                long now = System.nanoTime();
                if (cancel.isCancelled()) {
                    throw new DownloadCancelledException("Download cancelled. " + bytes / 1_000_000
                            + " MB are kept in " + part + ", so the next download continues from there.");
                }
                if (item == null) {
                    if (now - lastData > stallTimeout.toNanos()) {
                        throw new IOException("no data received for " + stallTimeout.toSeconds() + " s");
                    }
                    continue;
                }
                if (item == HttpBodyQueue.END) {
                    break;
                }
                if (item instanceof Throwable failure) {
                    throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
                }
                @SuppressWarnings("unchecked")
                List<ByteBuffer> buffers = (List<ByteBuffer>) item;
                for (ByteBuffer buffer : buffers) {
                    while (buffer.hasRemaining()) {
                        bytes += out.write(buffer);
                    }
                }
                body.requestMore();
                lastData = now;
                if (now - windowStart >= 1_000_000_000L) {
                    rate = (bytes - windowBytes) * 1e9 / (now - windowStart);
                    windowStart = now;
                    windowBytes = bytes;
                } else if (rate == 0 && now > windowStart) {
                    rate = (bytes - windowBytes) * 1e9 / (now - windowStart);
                }
                if (now - lastReport >= PROGRESS_INTERVAL_NANOS) {
                    listener.onProgress(new DownloadProgress(bytes, total, rate));
                    lastReport = now;
                }
            }
        }
        listener.onProgress(new DownloadProgress(bytes, total, rate));
        if (total >= 0 && bytes < total) {
            throw new IOException("connection closed after " + bytes + " of " + total + " bytes");
        }
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

    /** A failure that retrying cannot fix (e.g. HTTP 404). */
    private static final class DownloadRefusedException extends IOException {
        DownloadRefusedException(String message) {
            super(message);
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
