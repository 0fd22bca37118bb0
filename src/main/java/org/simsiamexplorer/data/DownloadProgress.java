package org.simsiamexplorer.data;

/**
 * How far a download is.
 *
 * @param bytes          bytes on disk so far (including a resumed partial file)
 * @param totalBytes     the full size, or -1 while unknown
 * @param bytesPerSecond recent transfer rate
 */
public record DownloadProgress(long bytes, long totalBytes, double bytesPerSecond) {
    /** Fraction done in [0, 1], or -1 while the total is unknown. */
    public double fraction() {
        return totalBytes > 0 ? Math.min(1.0, (double) bytes / totalBytes) : -1;
    }
}
