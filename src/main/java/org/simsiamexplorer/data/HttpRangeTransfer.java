package org.simsiamexplorer.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP GET that appends to a partial file, asking for the missing range when the file is not empty.
 * It never blocks without a timeout, so Cancel and a stalled connection are noticed within 100 ms.
 */
final class HttpRangeTransfer {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    /** A failure that retrying cannot fix (e.g. HTTP 404). */
    static final class RefusedException extends IOException {
        RefusedException(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final URI url;
    private final Duration stallTimeout;

    HttpRangeTransfer(HttpClient client, URI url, Duration stallTimeout) {
        this.client = client;
        this.url = url;
        this.stallTimeout = stallTimeout;
    }

    /** One attempt: continues {@code part} from its current size (or starts it) until the body ends. */
    void resumeInto(Path part, DownloadListener listener, CancellationToken cancel) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = awaitHeaders(
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofPublisher()), part, cancel);
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
                throw new RefusedException("Downloading CIFAR-10 failed: " + url + " answered HTTP "
                        + status + ". Check the address, or download cifar-10-binary.tar.gz yourself and choose it.");
            }
            copy(body, part, append, have, total, listener, cancel);
        } finally {
            body.cancel();
        }
    }

    /** Waits for the response headers in short polls, so Cancel and the stall timeout apply here too. */
    private <T> HttpResponse<T> awaitHeaders(CompletableFuture<HttpResponse<T>> pending, Path part,
                                             CancellationToken cancel)
            throws IOException {
        long deadline = System.nanoTime() + stallTimeout.toNanos();
        try {
            while (true) {
                if (cancel.isCancelled()) {
                    pending.cancel(true);
                    throw new DownloadCancelledException("Download cancelled." + (Files.exists(part) ? " The partial file "
                            + part + " is kept, so the next download continues from there." : ""));
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
        boolean firstWindow = true; // until a full second has passed, the rate is averaged from the start
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
                    firstWindow = false;
                } else if (firstWindow && now - windowStart >= PROGRESS_INTERVAL_NANOS) {
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
}
