package org.simsiamexplorer.data.augment;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The SimSiam view transform. Each view gets its own {@link SplittableRandom} seeded from
 * (seed, epoch, image index, view number), so a view is the same whichever thread renders it and in whatever
 * order. Thread-safe: holds only immutable state.
 *
 * <pre>{@code
 * var augmentation = new SimSiamAugmentation(AugmentationSettings.simSiamCifar(), 42);
 * float[] batch = new float[2 * 3072];
 * augmentation.writeView(pixels, 17, epoch, 0, batch, 0);     // first view of image 17
 * augmentation.writeView(pixels, 17, epoch, 1, batch, 3072);  // second view
 * }</pre>
 */
public final class SimSiamAugmentation implements ViewAugmentation {
    private final AugmentationSettings settings;
    private final long seed;
    private final float[][] normalizedByteTable;

    public SimSiamAugmentation(AugmentationSettings settings, long seed) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.seed = seed;
        this.normalizedByteTable = ViewRenderer.normalizedByteTable(settings.normalization());
    }

    public AugmentationSettings settings() {
        return settings;
    }

    @Override
    public long seed() {
        return seed;
    }

    /** The random choices behind one view (crop, flip, jitter, grayscale), e.g. to show them in a preview. */
    public ViewParameters parameters(int epoch, int imageIndex, int view) {
        return ViewParameters.draw(settings, new SplittableRandom(SampleSeeds.forView(seed, epoch, imageIndex, view)));
    }

    @Override
    public void writeView(byte[] pixels, int imageIndex, int epoch, int view, float[] dest, int destOffset) {
        ViewParameters parameters = parameters(epoch, imageIndex, view);
        if (parameters.equals(ViewParameters.IDENTITY)) {
            ViewRenderer.writeNormalized(pixels, imageIndex, normalizedByteTable, dest, destOffset);
        } else {
            ViewRenderer.render(pixels, imageIndex, parameters, settings.normalization(), dest, destOffset);
        }
    }

    /** Renders image {@code imageIndex} with explicitly given parameters (no randomness involved). */
    public static void render(byte[] pixels, int imageIndex, ViewParameters parameters,
                              ChannelNormalization normalization, float[] dest, int destOffset) {
        ViewRenderer.render(pixels, imageIndex, Objects.requireNonNull(parameters, "parameters"),
                Objects.requireNonNull(normalization, "normalization"), dest, destOffset);
    }

    /** The evaluation transform: image {@code imageIndex} normalised, nothing else. */
    public static void writeNormalized(byte[] pixels, int imageIndex, ChannelNormalization normalization,
                                       float[] dest, int destOffset) {
        ViewRenderer.writeNormalized(pixels, imageIndex, ViewRenderer.normalizedByteTable(normalization), dest,
                destOffset);
    }
}
