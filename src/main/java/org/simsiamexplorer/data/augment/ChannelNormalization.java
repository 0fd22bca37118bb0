package org.simsiamexplorer.data.augment;

/**
 * Per-channel normalisation {@code (x - mean) / std} applied to pixel values scaled to [0, 1].
 * {@link #CIFAR10} holds the usual CIFAR-10 training-set statistics.
 */
public record ChannelNormalization(float redMean, float greenMean, float blueMean,
                                   float redStd, float greenStd, float blueStd) {

    /** CIFAR-10 training-set mean (0.4914, 0.4822, 0.4465) and std (0.2470, 0.2435, 0.2616). */
    public static final ChannelNormalization CIFAR10 =
            new ChannelNormalization(0.4914f, 0.4822f, 0.4465f, 0.2470f, 0.2435f, 0.2616f);

    /** Leaves values in [0, 1]: mean 0, std 1. */
    public static final ChannelNormalization IDENTITY = new ChannelNormalization(0, 0, 0, 1, 1, 1);

    public ChannelNormalization {
        for (float mean : new float[] {redMean, greenMean, blueMean}) {
            if (!Float.isFinite(mean)) {
                throw new IllegalArgumentException("normalisation mean must be finite, got " + mean);
            }
        }
        for (float std : new float[] {redStd, greenStd, blueStd}) {
            if (!(std > 0) || !Float.isFinite(std)) {
                throw new IllegalArgumentException("normalisation std must be a positive finite number, got " + std);
            }
        }
    }

    /** Mean of channel 0 (red), 1 (green) or 2 (blue). */
    public float mean(int channel) {
        return switch (channel) {
            case 0 -> redMean;
            case 1 -> greenMean;
            case 2 -> blueMean;
            default -> throw new IllegalArgumentException("channel must be 0, 1 or 2, got " + channel);
        };
    }

    /** Standard deviation of channel 0 (red), 1 (green) or 2 (blue). */
    public float std(int channel) {
        return switch (channel) {
            case 0 -> redStd;
            case 1 -> greenStd;
            case 2 -> blueStd;
            default -> throw new IllegalArgumentException("channel must be 0, 1 or 2, got " + channel);
        };
    }

    /** Normalised value of a [0, 1] pixel value in a channel; the formula every code path here uses. */
    public float apply(int channel, float unitValue) {
        return (unitValue - mean(channel)) / std(channel);
    }

    /** Inverse of {@link #apply}: back to [0, 1] (up to float rounding), e.g. to show a view as a picture. */
    public float invert(int channel, float normalizedValue) {
        return normalizedValue * std(channel) + mean(channel);
    }
}
