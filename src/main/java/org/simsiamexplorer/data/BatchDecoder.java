package org.simsiamexplorer.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Splits the byte stream of one batch file (records of 1 label byte + 3072 pixel bytes) straight into the
 * compact label and pixel arrays while hashing it, so each byte is touched once and chunks may end anywhere.
 */
final class BatchDecoder {
    private final byte[] pixels;
    private final byte[] labels;
    private final int firstRecord;
    private final int records;
    private final MessageDigest md5;
    private long received;

    /** Decodes {@code records} records into {@code pixels}/{@code labels} starting at record {@code firstRecord}. */
    BatchDecoder(byte[] pixels, byte[] labels, int firstRecord, int records, boolean hash) {
        this.pixels = pixels;
        this.labels = labels;
        this.firstRecord = firstRecord;
        this.records = records;
        this.md5 = hash ? newMd5() : null;
    }

    static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no MD5", e);
        }
    }

    /** Accepts the next {@code length} bytes; returns false (and ignores them) past the expected records. */
    boolean accept(byte[] chunk, int offset, int length) {
        if (received + length > (long) records * CifarDataset.RECORD_BYTES) {
            return false;
        }
        if (md5 != null) {
            md5.update(chunk, offset, length);
        }
        int end = offset + length;
        int position = offset;
        while (position < end) {
            int record = (int) (received / CifarDataset.RECORD_BYTES);
            int inRecord = (int) (received % CifarDataset.RECORD_BYTES);
            if (inRecord == 0) {
                labels[firstRecord + record] = chunk[position];
                position++;
                received++;
                continue;
            }
            int pixelIndex = inRecord - 1;
            int count = Math.min(end - position, CifarDataset.IMAGE_BYTES - pixelIndex);
            System.arraycopy(chunk, position, pixels,
                    (firstRecord + record) * CifarDataset.IMAGE_BYTES + pixelIndex, count);
            position += count;
            received += count;
        }
        return true;
    }

    long received() {
        return received;
    }

    boolean complete() {
        return received == (long) records * CifarDataset.RECORD_BYTES;
    }

    /** Lower-case hex MD5 of everything accepted, or null when hashing was off. */
    String md5Hex() {
        return md5 == null ? null : HexFormat.of().formatHex(md5.digest());
    }
}
