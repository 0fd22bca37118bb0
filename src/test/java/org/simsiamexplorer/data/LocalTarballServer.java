package org.simsiamexplorer.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A local HTTP server on 127.0.0.1 serving one payload, honouring Range and able to cut connections. */
final class LocalTarballServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final byte[] payload;
    private final List<String> rangeHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int cutFirstResponseAfterBytes = -1;
    private volatile int failingStatus = 0;
    private volatile boolean ignoreRange;
    private volatile boolean stallInsteadOfCut;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-tarball-server");
        thread.setDaemon(true);
        return thread;
    });

    LocalTarballServer(byte[] payload) throws IOException {
        this.payload = payload;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cifar-10-binary.tar.gz", this::handle);
        server.setExecutor(threads); // a stalled response must not block the retry
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cifar-10-binary.tar.gz");
    }

    /** The first response announces the full length but the connection is dropped after {@code bytes}. */
    LocalTarballServer cutFirstResponseAfter(int bytes) {
        cutFirstResponseAfterBytes = bytes;
        return this;
    }

    /** The first response sends {@code bytes} and then hangs (connection open, no data) until the server closes. */
    LocalTarballServer stallFirstResponseAfter(int bytes) {
        cutFirstResponseAfterBytes = bytes;
        stallInsteadOfCut = true;
        return this;
    }

    /** Every request is answered with this HTTP status and no body. */
    LocalTarballServer alwaysFailWith(int status) {
        failingStatus = status;
        return this;
    }

    /** Answer Range requests with the whole file (HTTP 200), as some servers do. */
    LocalTarballServer ignoringRange() {
        ignoreRange = true;
        return this;
    }

    List<String> rangeHeaders() {
        return rangeHeaders;
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int request = requests.incrementAndGet();
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null) {
            rangeHeaders.add(range);
        }
        if (failingStatus != 0) {
            exchange.sendResponseHeaders(failingStatus, -1);
            exchange.close();
            return;
        }
        int start = 0;
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        if (matcher != null && matcher.matches() && !ignoreRange) {
            start = Integer.parseInt(matcher.group(1));
            if (start >= payload.length) {
                exchange.getResponseHeaders().add("Content-Range", "bytes */" + payload.length);
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Range",
                    "bytes " + start + "-" + (payload.length - 1) + "/" + payload.length);
            exchange.sendResponseHeaders(206, payload.length - start);
        } else {
            exchange.sendResponseHeaders(200, payload.length);
        }
        OutputStream body = exchange.getResponseBody();
        if (request == 1 && cutFirstResponseAfterBytes >= 0) {
            body.write(payload, start, cutFirstResponseAfterBytes);
            body.flush();
            if (stallInsteadOfCut) {
                try {
                    closed.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // Throwing out of the handler makes the server drop the connection mid-body.
            throw new IOException("simulated connection cut");
        }
        body.write(payload, start, payload.length - start);
        exchange.close();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
