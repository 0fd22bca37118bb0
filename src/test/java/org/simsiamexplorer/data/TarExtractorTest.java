package org.simsiamexplorer.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TarExtractorTest {
    @TempDir
    Path temp;

    @Test
    void extractsEntriesIntoTheTargetFolder() throws IOException {
        Path tarGz = Files.write(temp.resolve("cifar-10-binary.tar.gz"), TinyCifar.tarGz());

        TarExtractor.extract(tarGz, temp.resolve("out"));

        assertArrayEquals(TinyCifar.batchBytes(5),
                Files.readAllBytes(temp.resolve("out/cifar-10-batches-bin/test_batch.bin")));
    }

    @Test
    void rejectsAnEntryThatClimbsOutOfTheTargetAndWritesNothingThere() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/../../escaped.bin", new byte[] {1, 2, 3});
        Path tarGz = Files.write(temp.resolve("evil.tar.gz"), TinyCifar.tarGz(entries));
        Path target = temp.resolve("a/b");

        CifarDataException error = assertThrows(CifarDataException.class, () -> TarExtractor.extract(tarGz, target));

        assertTrue(error.getMessage().contains("../../escaped.bin"), error.getMessage());
        assertFalse(Files.exists(temp.resolve("a/escaped.bin")));
        assertFalse(Files.exists(temp.resolve("escaped.bin")));
    }

    @Test
    void followsGnuLongNamesAndCreatesFolders() throws IOException {
        String deep = "a".repeat(60) + "/" + "b".repeat(60) + "/file.bin";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("empty-folder/", new byte[0]);
        entries.put(deep, new byte[] {7, 8, 9});
        Path tarGz = Files.write(temp.resolve("long.tar.gz"), TinyCifar.tarGz(entries));

        TarExtractor.extract(tarGz, temp.resolve("out"));

        assertArrayEquals(new byte[] {7, 8, 9}, Files.readAllBytes(temp.resolve("out").resolve(deep)));
        assertTrue(Files.isDirectory(temp.resolve("out/empty-folder")));
    }

    @Test
    void aGzipThatIsNotATarSaysSo() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write("this is not a tar archive".repeat(40).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path notTar = Files.write(temp.resolve("cifar-10-binary.tar.gz"), bytes.toByteArray());

        CifarDataException error = assertThrows(CifarDataException.class,
                () -> TarExtractor.extract(notTar, temp.resolve("out")));

        assertTrue(error.getMessage().contains("not a valid tar archive"), error.getMessage());
    }
}
