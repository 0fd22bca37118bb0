package org.simsiamexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Unpacks a {@code .tar.gz} into a folder, refusing any entry that would land outside it. */
public final class TarExtractor {
    private TarExtractor() {
    }

    /**
     * Extracts regular files and folders of {@code tarGz} into {@code target}; links and special entries are
     * skipped, and an entry such as {@code ../x} or {@code /etc/x} fails the whole extraction.
     */
    public static void extract(Path tarGz, Path target) throws IOException {
        String archive = tarGz.getFileName().toString();
        Path root = Files.createDirectories(target).toAbsolutePath().normalize();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(Cifar10Reader.buffered(tarGz), 1 << 16)) {
            TarStream tar = new TarStream(in, archive);
            TarStream.Entry entry;
            while ((entry = tar.next()) != null) {
                if (!entry.isFile() && !entry.isDirectory()) {
                    continue;
                }
                Path destination = root.resolve(entry.name()).normalize();
                if (!destination.startsWith(root) || destination.equals(root) && entry.isFile()) {
                    throw new CifarDataException("Refusing to extract " + archive + ": its entry '" + entry.name()
                            + "' points outside " + root + ". Download CIFAR-10 again.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (OutputStream out = Files.newOutputStream(destination)) {
                    int n;
                    while ((n = tar.read(buffer, 0, buffer.length)) > 0) {
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new CifarDataException(archive + " is not a readable gzip file (" + e.getMessage() + "): the "
                    + "download is incomplete or damaged. Download CIFAR-10 again.", e);
        }
    }
}
