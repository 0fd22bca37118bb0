package org.simsiamexplorer.data.augment;

/**
 * Derives independent random streams from a run seed and coordinates, so results never depend on which
 * thread did the work or in what order. SplitMix64 finalisers between the coordinates keep nearby
 * coordinates (image 7 vs 8, view 0 vs 1) statistically unrelated.
 */
final class SampleSeeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long SHUFFLE_STREAM = 0x53485546464C45L; // "SHUFFLE"

    private SampleSeeds() {
    }

    /** Seed of the random stream for one view of one image in one epoch. */
    static long forView(long seed, int epoch, int imageIndex, int view) {
        long h = mix(seed + GOLDEN_GAMMA);
        h = mix(h ^ (epoch + 1L) * GOLDEN_GAMMA);
        h = mix(h ^ (imageIndex + 1L) * 0xC2B2AE3D27D4EB4FL);
        return mix(h ^ (view + 1L) * 0x165667B19E3779F9L);
    }

    /** Seed of the shuffle of one epoch; a different stream from every view seed. */
    static long forShuffle(long seed, int epoch) {
        return mix(mix(seed ^ SHUFFLE_STREAM) ^ (epoch + 1L) * GOLDEN_GAMMA);
    }

    /** SplitMix64's output finaliser (Steele, Lea, Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
