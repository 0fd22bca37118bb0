package org.simsiamexplorer.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real CIFAR-10 copy (system property {@code cifar.shared.dir}); skipped where it is absent. */
class SharedCifarCopyTest {
    private static Cifar10 cifar;

    @BeforeAll
    static void readTheSharedCopyWithOfficialChecksums() throws IOException {
        String dir = System.getProperty("cifar.shared.dir");
        assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "test_batch.bin")),
                "real CIFAR-10 copy not available at " + dir);
        cifar = Cifar10Reader.read(Path.of(dir), Verification.VERIFY_MD5);
    }

    @Test
    void verifiesAgainstTheOfficialChecksumsWithoutLoading() throws IOException {
        Cifar10Reader.verify(Path.of(System.getProperty("cifar.shared.dir")), ExpectedChecksums.official());
        assertEquals(6, ExpectedChecksums.official().md5ByFileName().size());
    }

    @Test
    void hasTheOfficialSplitSizes() {
        assertEquals(50_000, cifar.train().size());
        assertEquals(10_000, cifar.test().size());
        assertEquals(50_000L * CifarDataset.IMAGE_BYTES, cifar.train().pixels().length);
    }

    @Test
    void isBalancedAcrossTheTenClasses() {
        for (int c = 0; c < 10; c++) {
            assertEquals(5_000, cifar.train().classCounts()[c], "train class " + c);
            assertEquals(1_000, cifar.test().classCounts()[c], "test class " + c);
        }
    }

    @Test
    void namesTheOfficialClasses() {
        assertEquals(Cifar10.CLASS_NAMES, cifar.classNames());
    }

    @Test
    void imagesAreNotBlank() {
        int[] rgb = cifar.test().rgbPixels(0);
        assertTrue(java.util.Arrays.stream(rgb).distinct().count() > 100, "first test image looks blank");
    }
}
