package org.simsiamexplorer.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes tiny CIFAR-10 binary files with a recognisable pattern, and tar.gz archives of them, for tests. */
final class TinyCifar {
    static final int RECORDS_PER_FILE = 3;

    private TinyCifar() {
    }

    /** Pixel value of image {@code record} of file {@code fileIndex} at byte {@code position} (0..3071). */
    static byte pixel(int fileIndex, int record, int position) {
        int h = fileIndex * 0x9E3779B1 + record * 0x85EBCA77 + position * 0xC2B2AE3D;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 13;
        return (byte) h; // hash-like noise, so the test tarball does not compress to almost nothing
    }

    static byte label(int fileIndex, int record) {
        return (byte) ((fileIndex * RECORDS_PER_FILE + record) % 10);
    }

    /** The bytes of batch file number {@code fileIndex} (0..4 train, 5 test). */
    static byte[] batchBytes(int fileIndex) {
        byte[] bytes = new byte[RECORDS_PER_FILE * CifarDataset.RECORD_BYTES];
        for (int r = 0; r < RECORDS_PER_FILE; r++) {
            int base = r * CifarDataset.RECORD_BYTES;
            bytes[base] = label(fileIndex, r);
            for (int p = 0; p < CifarDataset.IMAGE_BYTES; p++) {
                bytes[base + 1 + p] = pixel(fileIndex, r, p);
            }
        }
        return bytes;
    }

    /** All files of the tiny distribution by name, including {@code batches.meta.txt}. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(Cifar10Reader.META_FILE, String.join("\n", Cifar10.CLASS_NAMES).concat("\n")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < ExpectedChecksums.ALL_FILES.size(); i++) {
            files.put(ExpectedChecksums.ALL_FILES.get(i), batchBytes(i));
        }
        return files;
    }

    /** The MD5 table that the tiny files pass. */
    static ExpectedChecksums checksums() {
        Map<String, String> md5 = new LinkedHashMap<>();
        for (int i = 0; i < ExpectedChecksums.ALL_FILES.size(); i++) {
            md5.put(ExpectedChecksums.ALL_FILES.get(i), md5(batchBytes(i)));
        }
        return ExpectedChecksums.of(md5);
    }

    /** Writes {@code parent/cifar-10-batches-bin/...} and returns the batch folder. */
    static Path writeFolder(Path parent) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(Cifar10Reader.FOLDER_NAME));
        for (Map.Entry<String, byte[]> file : files().entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        return folder;
    }

    /** A gzip'd tar holding the tiny files under {@code cifar-10-batches-bin/}. */
    static byte[] tarGz() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        files().forEach((name, bytes) -> entries.put(Cifar10Reader.FOLDER_NAME + "/" + name, bytes));
        return tarGz(entries);
    }

    static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                String name = entry.getKey();
                if (name.length() > 99) { // GNU long name: an 'L' entry carries the name of the next one
                    byte[] longName = (name + "\0").getBytes(StandardCharsets.UTF_8);
                    writeEntry(gzip, "././@LongLink", 'L', longName);
                    name = name.substring(0, 99);
                }
                writeEntry(gzip, name, name.endsWith("/") ? '5' : '0', entry.getValue());
            }
            gzip.write(new byte[1024]);
        }
        return out.toByteArray();
    }

    private static void writeEntry(OutputStream out, String name, char type, byte[] content) throws IOException {
        out.write(tarHeader(name, content.length, type));
        out.write(content);
        out.write(new byte[(512 - content.length % 512) % 512]);
    }

    private static byte[] tarHeader(String name, long size, char type) {
        byte[] header = new byte[512];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
        putOctal(header, 100, 8, 0644);
        putOctal(header, 108, 8, 0);
        putOctal(header, 116, 8, 0);
        putOctal(header, 124, 12, size);
        putOctal(header, 136, 12, 0);
        header[156] = (byte) type;
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 6);
        header[263] = '0';
        header[264] = '0';
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        putOctal(header, 148, 7, sum);
        return header;
    }

    private static void putOctal(byte[] header, int offset, int length, long value) {
        String digits = String.format("%0" + (length - 1) + "o", value);
        byte[] bytes = digits.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
        header[offset + length - 1] = 0;
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
