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
}
