package org.simsiamexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads CIFAR-10 straight from the official {@code cifar-10-binary.tar.gz}, one streamed pass, no extraction. */
final class CifarTarGzReader {
    private static final int CHUNK_BYTES = 1 << 16;

    private record Batch(byte[] pixels, byte[] labels) {
    }

    private CifarTarGzReader() {
    }

    static Cifar10 read(Path tarGz, Verification verification, ExpectedChecksums expected) throws IOException {
        String archive = tarGz.getFileName().toString();
        Map<String, Batch> batches = new HashMap<>();
        List<String> classNames = Cifar10.CLASS_NAMES;
        try (InputStream in = new GZIPInputStream(Cifar10Reader.buffered(tarGz), CHUNK_BYTES)) {
            TarStream tar = new TarStream(in, archive);
            byte[] chunk = new byte[CHUNK_BYTES];
            TarStream.Entry entry;
            while ((entry = tar.next()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                String file = entry.fileName();
                Path where = tarGz.resolve(entry.name());
                if (file.equals(Cifar10Reader.META_FILE)) {
                    classNames = Cifar10Reader.parseClassNames(new String(readAll(tar, entry, archive),
                            StandardCharsets.UTF_8));
                } else if (ExpectedChecksums.ALL_FILES.contains(file)) {
                    if (batches.containsKey(file)) {
                        throw new CifarDataException(archive + " holds " + file + " twice; it is not the official "
                                + "CIFAR-10 tarball. Download CIFAR-10 again.");
                    }
                    int records = Cifar10Reader.recordCount(where, entry.size(), expected);
                    Batch batch = new Batch(new byte[records * CifarDataset.IMAGE_BYTES], new byte[records]);
                    BatchDecoder decoder = new BatchDecoder(batch.pixels(), batch.labels(), 0, records,
                            verification == Verification.VERIFY_MD5);
                    int n;
                    while ((n = tar.read(chunk, 0, chunk.length)) > 0) {
                        decoder.accept(chunk, 0, n);
                    }
                    Cifar10Reader.finishBatch(where, file, decoder, verification, expected);
                    batches.put(file, batch);
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new CifarDataException(archive + " is not a readable gzip file (" + e.getMessage() + "): the "
                    + "download is incomplete or damaged. Download CIFAR-10 again.", e);
        }
        for (String file : ExpectedChecksums.ALL_FILES) {
            if (!batches.containsKey(file)) {
                throw new CifarDataException(archive + " does not contain " + file + "; it is not the official "
                        + "CIFAR-10 binary tarball. Download CIFAR-10 again or choose another file.");
            }
            Batch batch = batches.get(file);
            Cifar10Reader.checkLabels(tarGz.resolve(file), batch.labels(), 0, batch.labels().length,
                    classNames.size());
        }
        Batch test = batches.get(ExpectedChecksums.TEST_FILE);
        return new Cifar10(concatenate(ExpectedChecksums.TRAIN_FILES.stream().map(batches::get).toList(), classNames),
                CifarDataset.of(test.pixels(), test.labels(), classNames));
    }

    private static CifarDataset concatenate(List<Batch> parts, List<String> classNames) {
        int records = parts.stream().mapToInt(part -> part.labels().length).sum();
        byte[] pixels = new byte[Math.multiplyExact(records, CifarDataset.IMAGE_BYTES)];
        byte[] labels = new byte[records];
        int at = 0;
        for (Batch part : parts) {
            System.arraycopy(part.pixels(), 0, pixels, at * CifarDataset.IMAGE_BYTES, part.pixels().length);
            System.arraycopy(part.labels(), 0, labels, at, part.labels().length);
            at += part.labels().length;
        }
        return CifarDataset.of(pixels, labels, classNames);
    }

    private static byte[] readAll(TarStream tar, TarStream.Entry entry, String archive) throws IOException {
        if (entry.size() > 1 << 20) {
            throw new CifarDataException(archive + ": " + entry.name() + " is too large for a class-name list");
        }
        byte[] bytes = new byte[(int) entry.size()];
        int at = 0;
        int n;
        while (at < bytes.length && (n = tar.read(bytes, at, bytes.length - at)) > 0) {
            at += n;
        }
        return bytes;
    }
}
