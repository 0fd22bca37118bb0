package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallestKeysTest {

    @ParameterizedTest(name = "k={0} of {1} keys")
    @CsvSource({"1, 1", "1, 500", "5, 3", "7, 1000", "90, 10000", "90, 90", "30, 100000"})
    void keepsExactlyTheKSmallestKeysInAscendingOrder(int k, int count) {
        Random random = new Random(k * 31L + count);
        long[] stream = new long[count];
        for (int i = 0; i < count; i++) {
            stream[i] = ((long) random.nextInt(1 << 20) << 32) | i; // many equal high parts, distinct keys
        }
        SmallestKeys best = new SmallestKeys(k);
        for (long key : stream) {
            best.offer(key);
        }
        long[] out = new long[k];
        int found = best.sortedInto(out);
        long[] expected = stream.clone();
        Arrays.sort(expected);
        assertEquals(Math.min(k, count), found);
        assertArrayEquals(Arrays.copyOf(expected, found), Arrays.copyOf(out, found));
    }

    @Test
    void boundOnlyTightensOnceKKeysAreKnown() {
        SmallestKeys best = new SmallestKeys(3);
        assertEquals(Long.MAX_VALUE, best.bound());
        for (long key = 100; key > 0; key--) { // descending: every key is a new best
            best.offer(key);
        }
        assertTrue(best.bound() < Long.MAX_VALUE && best.bound() >= 3, "bound " + best.bound());
        long[] out = new long[3];
        best.sortedInto(out);
        assertArrayEquals(new long[] {1, 2, 3}, out);
    }

    @Test
    void selectPlacesTheNthKeyWithSmallerBeforeAndLargerAfterEvenWithDuplicates() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int length = 1 + random.nextInt(60);
            long[] a = new long[length];
            for (int i = 0; i < length; i++) {
                a[i] = random.nextInt(8);
            }
            int nth = random.nextInt(length);
            long[] sorted = a.clone();
            Arrays.sort(sorted);
            SmallestKeys.select(a, 0, length - 1, nth);
            assertEquals(sorted[nth], a[nth], "trial " + trial);
            for (int i = 0; i < length; i++) {
                assertTrue(i < nth ? a[i] <= a[nth] : a[i] >= a[nth], "trial " + trial + " index " + i);
            }
        }
    }
}
