package org.simsiamexplorer.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the official CIFAR-10 binary distribution from {@code cifar-10-batches-bin/} (or its parent) or straight
 * from {@code cifar-10-binary.tar.gz}, verifying each batch's size and MD5 while reading it.
 * Folder files are read in parallel and decoded chunk by chunk into the final arrays (no per-record objects).
 */
public final class Cifar10Reader {
    public static final String FOLDER_NAME = "cifar-10-batches-bin";
    public static final String META_FILE = "batches.meta.txt";
    /** A whole number of records, so folder chunks never split a record. */
    private static final int CHUNK_BYTES = 256 * CifarDataset.RECORD_BYTES;

    private Cifar10Reader() {
    }

    /** Reads with the official MD5 table. */
    public static Cifar10 read(Path folderOrTarGz, Verification verification) throws IOException {
        return read(folderOrTarGz, verification, ExpectedChecksums.official());
    }

    public static Cifar10 read(Path folderOrTarGz, Verification verification, ExpectedChecksums expected)
            throws IOException {
        if (Files.isRegularFile(folderOrTarGz)) {
            String name = folderOrTarGz.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
                return CifarTarGzReader.read(folderOrTarGz, verification, expected);
            }
            throw new CifarDataException(folderOrTarGz + " is neither a folder nor a .tar.gz archive. Choose the "
                    + FOLDER_NAME + " folder (or its parent) or the downloaded cifar-10-binary.tar.gz.");
        }
        return readFolder(batchFolder(folderOrTarGz), verification, expected);
    }

    /**
     * Checks sizes and MD5s without keeping the images (for "Choose folder…" and re-download decisions).
     *
     * @throws CifarDataException naming the first missing, truncated or corrupt file and what to do
     */
    public static void verify(Path folderOrTarGz, ExpectedChecksums expected) throws IOException {
        if (Files.isRegularFile(folderOrTarGz)) {
            read(folderOrTarGz, Verification.VERIFY_MD5, expected); // a stream has to be decoded anyway
            return;
        }
        Path folder = batchFolder(folderOrTarGz);
        List<Runnable> jobs = new ArrayList<>();
        for (String file : ExpectedChecksums.ALL_FILES) {
            Path path = folder.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new CifarDataException("Missing " + file + " in " + folder + ". Download CIFAR-10 again "
                        + "or choose another folder.");
            }
            recordCount(path, Files.size(path), expected);
            jobs.add(() -> {
                try {
                    String actual = md5(path);
                    if (!expected.md5(file).equalsIgnoreCase(actual)) {
                        throw new UncheckedIOException(md5Mismatch(path, expected.md5(file), actual));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        runInParallel(jobs);
    }

    /** Lower-case hex MD5 of a whole file. */
    static String md5(Path file) throws IOException {
        java.security.MessageDigest md5 = BatchDecoder.newMd5();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md5.update(buffer, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md5.digest());
    }

    /** The folder that holds the batch files: {@code path} itself or its {@code cifar-10-batches-bin} child. */
    public static Path batchFolder(Path path) throws CifarDataException {
        if (!Files.isDirectory(path)) {
            throw new CifarDataException("CIFAR-10 folder " + path + " does not exist. Download CIFAR-10 or choose "
                    + "the " + FOLDER_NAME + " folder (or its parent).");
        }
        if (Files.exists(path.resolve(ExpectedChecksums.TRAIN_FILES.get(0)))) {
            return path;
        }
        Path child = path.resolve(FOLDER_NAME);
        if (Files.isDirectory(child)) {
            return child;
        }
        throw new CifarDataException("No CIFAR-10 files in " + path + ": expected data_batch_1.bin .. "
                + "data_batch_5.bin and test_batch.bin there or in " + child + ". Download CIFAR-10 or choose "
                + "another folder.");
    }

    static Cifar10 readFolder(Path folder, Verification verification, ExpectedChecksums expected)
            throws IOException {
        List<String> classNames = readClassNames(folder.resolve(META_FILE));
        Map<String, Integer> records = new HashMap<>();
        for (String file : ExpectedChecksums.ALL_FILES) {
            Path path = folder.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new CifarDataException("Missing " + file + " in " + folder + ". Download CIFAR-10 again "
                        + "or choose another folder.");
            }
            records.put(file, recordCount(path, Files.size(path), expected));
        }
        int trainRecords = 0;
        for (String file : ExpectedChecksums.TRAIN_FILES) {
            trainRecords = Math.addExact(trainRecords, records.get(file));
        }
        int testRecords = records.get(ExpectedChecksums.TEST_FILE);
        byte[] trainPixels = new byte[Math.multiplyExact(trainRecords, CifarDataset.IMAGE_BYTES)];
        byte[] trainLabels = new byte[trainRecords];
        byte[] testPixels = new byte[Math.multiplyExact(testRecords, CifarDataset.IMAGE_BYTES)];
        byte[] testLabels = new byte[testRecords];

        List<Runnable> jobs = new ArrayList<>();
        int first = 0;
        for (String file : ExpectedChecksums.TRAIN_FILES) {
            int start = first;
            jobs.add(() -> readBatchFile(folder.resolve(file), trainPixels, trainLabels, start, records.get(file),
                    verification, expected, classNames.size()));
            first += records.get(file);
        }
        jobs.add(() -> readBatchFile(folder.resolve(ExpectedChecksums.TEST_FILE), testPixels, testLabels, 0,
                testRecords, verification, expected, classNames.size()));
        runInParallel(jobs);
        return new Cifar10(CifarDataset.of(trainPixels, trainLabels, classNames),
                CifarDataset.of(testPixels, testLabels, classNames));
    }

    private static void readBatchFile(Path path, byte[] pixels, byte[] labels, int firstRecord, int records,
                                      Verification verification, ExpectedChecksums expected, int classCount) {
        String file = path.getFileName().toString();
        BatchDecoder decoder = new BatchDecoder(pixels, labels, firstRecord, records,
                verification == Verification.VERIFY_MD5);
        byte[] chunk = new byte[CHUNK_BYTES];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                if (!decoder.accept(chunk, 0, n)) {
                    long rest = in.transferTo(java.io.OutputStream.nullOutputStream());
                    throw sizeMismatch(path, decoder.received() + n + rest, expected);
                }
            }
            finishBatch(path, file, decoder, verification, expected);
            checkLabels(path, labels, firstRecord, records, classCount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void finishBatch(Path path, String file, BatchDecoder decoder, Verification verification,
                            ExpectedChecksums expected) throws CifarDataException {
        if (!decoder.complete()) {
            throw sizeMismatch(path, decoder.received(), expected);
        }
        if (verification == Verification.VERIFY_MD5) {
            String actual = decoder.md5Hex();
            String wanted = expected.md5(file);
            if (!wanted.equalsIgnoreCase(actual)) {
                throw md5Mismatch(path, wanted, actual);
            }
        }
    }

    private static CifarDataException md5Mismatch(Path path, String wanted, String actual) {
        return new CifarDataException(path.getFileName() + " (" + path + ") failed its MD5 check: expected " + wanted
                + ", actual " + actual + ". The file is damaged or not the official CIFAR-10. Download "
                + "CIFAR-10 again, choose another folder, or use --no-verify to load it unchecked.");
    }

    static void checkLabels(Path path, byte[] labels, int firstRecord, int records, int classCount)
            throws CifarDataException {
        for (int i = 0; i < records; i++) {
            int label = labels[firstRecord + i] & 0xFF;
            if (label >= classCount) {
                throw new CifarDataException(path.getFileName() + " (" + path + ") record " + i + " has label "
                        + label + ", but there are only " + classCount + " classes. The file is not CIFAR-10 "
                        + "binary data; download CIFAR-10 again or choose another folder.");
            }
        }
    }

    /** Records in a batch of {@code bytes} bytes, or a clear error if the size is wrong. */
    static int recordCount(Path path, long bytes, ExpectedChecksums expected) throws CifarDataException {
        boolean wrong = expected.bytesPerFile().isPresent()
                ? bytes != expected.bytesPerFile().getAsLong()
                : bytes == 0 || bytes % CifarDataset.RECORD_BYTES != 0;
        if (wrong) {
            throw sizeMismatch(path, bytes, expected);
        }
        return (int) (bytes / CifarDataset.RECORD_BYTES);
    }

    static CifarDataException sizeMismatch(Path path, long actualBytes, ExpectedChecksums expected) {
        String wanted = expected.bytesPerFile().isPresent()
                ? expected.bytesPerFile().getAsLong() + " bytes (10,000 records of 3,073 bytes)"
                : "a non-zero multiple of " + CifarDataset.RECORD_BYTES + " bytes";
        return new CifarDataException(path.getFileName() + " (" + path + ") has the wrong size: expected " + wanted
                + ", actual " + actualBytes + " bytes. The file is truncated or not CIFAR-10 binary data. "
                + "Download CIFAR-10 again or choose another folder.");
    }

    /** Class names from {@code batches.meta.txt}, one per line; the official ten if the file is absent. */
    static List<String> readClassNames(Path meta) throws IOException {
        try {
            return parseClassNames(Files.readString(meta, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Cifar10.CLASS_NAMES;
        }
    }

    static List<String> parseClassNames(String text) {
        List<String> names = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return names.isEmpty() ? Cifar10.CLASS_NAMES : names;
    }

    private static void runInParallel(List<Runnable> jobs) throws IOException {
        int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "cifar-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable job : jobs) {
                futures.add(pool.submit(job));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Reading CIFAR-10 was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("Reading CIFAR-10 failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static InputStream buffered(Path path) throws IOException {
        return new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    }
}
