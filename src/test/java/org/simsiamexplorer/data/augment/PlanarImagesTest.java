package org.simsiamexplorer.data.augment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanarImagesTest {

    @ParameterizedTest(name = "{0} pixel bytes, {1} labels, count {2}: {3}")
    @CsvSource({"3071, 1, 1, need 3072", "6144, 1, 2, labels hold 1", "0, 0, -1, must not be negative"})
    void inconsistentArraysAreRejectedWithAClearMessage(int pixelBytes, int labels, int count, String message) {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new PlanarImages(new byte[pixelBytes], new byte[labels], count));
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    @Test
    void arraysAreSharedNotCopied() {
        byte[] pixels = new byte[2 * PlanarImages.BYTES_PER_IMAGE];
        PlanarImages images = PlanarImages.unlabelled(pixels, 2);
        assertSame(pixels, images.pixels());
        assertEquals(2, images.labels().length);
    }
}
