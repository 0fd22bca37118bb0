package org.simsiamexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal streaming reader for (ustar/GNU/pax) tar archives: enough for {@code cifar-10-binary.tar.gz}
 * without a new dependency. Entry names that could escape a target folder are rejected up front.
 */
final class TarStream {
    private static final int BLOCK = 512;

    /** One archive member; {@code type} is the tar type flag ('0' file, '5' directory, ...). */
    record Entry(String name, long size, char type) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }

        boolean isDirectory() {
            return type == '5';
        }

        /** The last path segment, e.g. {@code data_batch_1.bin}. */
        String fileName() {
            String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
    }

    private final InputStream in;
    private final String archiveName;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long padding;

    TarStream(InputStream in, String archiveName) {
        this.in = in;
        this.archiveName = archiveName;
    }

    /** Skips what is left of the current entry and reads the next header; null at the end of the archive. */
    Entry next() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        while (true) {
            if (!readHeader()) {
                return null;
            }
            String name = cString(0, 100);
            long size = number(124, 12);
            char type = (char) (header[156] & 0xFF);
            if (isUstar() && header[345] != 0) {
                name = cString(345, 155) + "/" + name;
            }
            if (type == 'L' || type == 'x') {
                String text = new String(readSmallBody(size), StandardCharsets.UTF_8);
                String path = type == 'L' ? trimNul(text) : paxPath(text);
                if (path != null) {
                    longName = path;
                }
                continue;
            }
            if (type == 'g') {
                readSmallBody(size);
                continue;
            }
            if (longName != null) {
                name = longName;
            }
            checkSafe(name);
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            return new Entry(name, size, type);
        }
    }

    /** The bytes of the current entry; reading past its end returns -1. */
    int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw truncated();
        }
        remaining -= n;
        return n;
    }

    /** Rejects absolute names and {@code ..} segments: such an entry could write outside the target folder. */
    void checkSafe(String name) throws CifarDataException {
        String normalized = name.replace('\\', '/');
        boolean unsafe = normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*");
        for (String segment : normalized.split("/")) {
            unsafe |= segment.equals("..");
        }
        if (unsafe) {
            throw new CifarDataException("Refusing to read " + archiveName + ": its entry '" + name
                    + "' points outside the target folder. The archive is damaged or not the official "
                    + "CIFAR-10 tarball; download it again.");
        }
    }

    private boolean readHeader() throws IOException {
        int n = in.readNBytes(header, 0, BLOCK);
        if (n == 0) {
            return false; // tolerate archives without the two zero blocks
        }
        if (n < BLOCK) {
            throw truncated();
        }
        boolean allZero = true;
        for (byte b : header) {
            if (b != 0) {
                allZero = false;
                break;
            }
        }
        if (allZero) {
            return false;
        }
        long stored = number(148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xFF);
        }
        if (sum != stored) {
            throw new CifarDataException(archiveName + " is not a valid tar archive (bad header checksum). "
                    + "Download CIFAR-10 again.");
        }
        return true;
    }

    private boolean isUstar() {
        return header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r';
    }

    private byte[] readSmallBody(long size) throws IOException {
        if (size > 1 << 20) {
            throw new CifarDataException(archiveName + " has an oversized tar extension header");
        }
        byte[] body = in.readNBytes((int) size);
        if (body.length < size) {
            throw truncated();
        }
        skipFully((BLOCK - size % BLOCK) % BLOCK);
        return body;
    }

    private static String paxPath(String records) {
        String path = null;
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                path = line.substring(space + 6);
            }
        }
        return path;
    }

    private String cString(int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String trimNul(String text) {
        int nul = text.indexOf('\0');
        return nul >= 0 ? text.substring(0, nul) : text;
    }

    private long number(int offset, int length) throws CifarDataException {
        if ((header[offset] & 0x80) != 0) { // GNU base-256 for large values
            long value = header[offset] & 0x7F;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xFF);
            }
            return value;
        }
        int i = offset;
        int end = offset + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        long value = 0;
        for (; i < end && header[i] != ' ' && header[i] != 0; i++) {
            int c = header[i];
            if (c < '0' || c > '7') {
                throw new CifarDataException(archiveName + " is not a valid tar archive (bad number in header). "
                        + "Download CIFAR-10 again.");
            }
            value = value * 8 + (c - '0');
        }
        return value;
    }

    private void skipFully(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw truncated();
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private CifarDataException truncated() {
        return new CifarDataException(archiveName + " ends in the middle of an entry: the download is "
                + "incomplete or damaged. Download CIFAR-10 again.");
    }
}
