package org.simsiamexplorer.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CifarDatasetTest {
    private static final List<String> NAMES = Cifar10.CLASS_NAMES;

    private static CifarDataset twoImages() {
        byte[] pixels = new byte[2 * CifarDataset.IMAGE_BYTES];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 13);
        }
        return CifarDataset.of(pixels, new byte[] {3, 9}, NAMES);
    }

    @Test
    void rejectsPixelArraysThatDoNotMatchTheLabelCount() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CifarDataset.of(new byte[CifarDataset.IMAGE_BYTES + 1], new byte[1], NAMES));
        assertTrue(error.getMessage().contains("3072"), error.getMessage());
    }

    @Test
    void rejectsLabelsWithoutAClassName() {
        assertThrows(IllegalArgumentException.class,
                () -> CifarDataset.of(new byte[CifarDataset.IMAGE_BYTES], new byte[] {10}, NAMES));
    }

    @Test
    void givesRandomAccessToLabelsAndImageOffsets() {
        CifarDataset dataset = twoImages();
        assertEquals(2, dataset.size());
        assertEquals(9, dataset.label(1));
        assertEquals("truck", dataset.className(1));
        assertEquals(CifarDataset.IMAGE_BYTES, dataset.offset(1));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.label(2));
    }

    @Test
    void copiesOneImageIntoACallerBuffer() {
        CifarDataset dataset = twoImages();
        byte[] dst = new byte[CifarDataset.IMAGE_BYTES + 5];
        dataset.copyImage(1, dst, 5);
        assertArrayEquals(Arrays.copyOfRange(dataset.pixels(), CifarDataset.IMAGE_BYTES, 2 * CifarDataset.IMAGE_BYTES),
                Arrays.copyOfRange(dst, 5, dst.length));
    }

    @Test
    void packsPlanarChannelsIntoRgbInts() {
        CifarDataset dataset = twoImages();
        int[] rgb = dataset.rgbPixels(1);
        byte[] pixels = dataset.pixels();
        int base = CifarDataset.IMAGE_BYTES;
        int p = 33; // row 1, column 1
        int expected = (pixels[base + p] & 0xFF) << 16 | (pixels[base + 1024 + p] & 0xFF) << 8
                | (pixels[base + 2048 + p] & 0xFF);
        assertEquals(1024, rgb.length);
        assertEquals(expected, rgb[p]);
    }

    @Test
    void labelsReturnsACopy() {
        CifarDataset dataset = twoImages();
        dataset.labels()[0] = 7;
        assertEquals(3, dataset.label(0));
    }

    @Test
    void countsImagesPerClassAndTakesAHead() {
        CifarDataset dataset = twoImages();
        assertEquals(1, dataset.classCounts()[3]);
        assertEquals(1, dataset.classCounts()[9]);
        CifarDataset head = dataset.head(1);
        assertEquals(1, head.size());
        assertEquals(3, head.label(0));
    }
}
