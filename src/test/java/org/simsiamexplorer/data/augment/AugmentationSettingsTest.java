package org.simsiamexplorer.data.augment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmentationSettingsTest {
    private static final AugmentationSettings PAPER = AugmentationSettings.simSiamCifar();

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("crop scale", (Supplier<?>) () -> PAPER.withCropScale(0, 1)),
                Arguments.of("crop scale", (Supplier<?>) () -> PAPER.withCropScale(0.8, 0.5)),
                Arguments.of("maxCropScale", (Supplier<?>) () -> PAPER.withCropScale(0.2, Double.NaN)),
                Arguments.of("aspect ratio", (Supplier<?>) () -> PAPER.withCropAspectRatio(2, 1)),
                Arguments.of("flipProbability", (Supplier<?>) () -> PAPER.withFlipProbability(1.5)),
                Arguments.of("grayscaleProbability", (Supplier<?>) () -> PAPER.withGrayscaleProbability(Double.NaN)),
                Arguments.of("colorJitterProbability", (Supplier<?>) () -> PAPER.withColorJitter(-0.1, 0.4, 0.4, 0.4, 0.1)),
                Arguments.of("brightness", (Supplier<?>) () -> PAPER.withColorJitter(0.8, -1, 0.4, 0.4, 0.1)),
                Arguments.of("hue", (Supplier<?>) () -> PAPER.withColorJitter(0.8, 0.4, 0.4, 0.4, 0.6)),
                Arguments.of("std", (Supplier<?>) () -> new ChannelNormalization(0, 0, 0, 1, 0, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidValuesAreRejectedWithAMessageNamingThem(String named, Supplier<?> construction) {
        var error = assertThrows(IllegalArgumentException.class, construction::get);
        assertTrue(error.getMessage().contains(named), error.getMessage());
    }

    @Test
    void paperDefaultsMatchTheSimSiamCifarSetup() {
        assertEquals(new AugmentationSettings(0.2, 1.0, 0.75, 4.0 / 3, 0.5, 0.8, 0.4, 0.4, 0.4, 0.1, 0.2,
                ChannelNormalization.CIFAR10), PAPER);
        assertEquals(0.2470f, PAPER.normalization().redStd());
    }

    @Test
    void drawnRandomChoicesFollowTheConfiguredProbabilities() {
        SplittableRandom random = new SplittableRandom(5);
        int draws = 4000;
        int flips = 0;
        int jittered = 0;
        int gray = 0;
        for (int i = 0; i < draws; i++) {
            ViewParameters parameters = ViewParameters.draw(PAPER, random);
            flips += parameters.flip() ? 1 : 0;
            jittered += parameters.jitter().order().isEmpty() ? 0 : 1;
            gray += parameters.grayscale() ? 1 : 0;
        }
        assertEquals(0.5, flips / (double) draws, 0.03);
        assertEquals(0.8, jittered / (double) draws, 0.03);
        assertEquals(0.2, gray / (double) draws, 0.03);
    }

    @Test
    void drawnCropsRespectScaleAndAspectRatioUpToRounding() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 4000; i++) {
            CropBox crop = ViewParameters.drawCrop(PAPER, random);
            double area = crop.width() * crop.height() / 1024.0;
            // rounding each side to whole pixels moves the area a little beyond [0.2, 1]
            assertTrue(area > 0.16 && area <= 1, "area " + area);
            double ratio = crop.width() / (double) crop.height();
            assertTrue(ratio > 0.6 && ratio < 1.6, "aspect ratio " + ratio);
        }
    }

    @Test
    void drawnJitterFactorsStayWithinTheirRangesAndUseEachOperationOnce() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 2000; i++) {
            ColorJitterParameters jitter = ViewParameters.drawJitter(PAPER, random);
            assertEquals(4, jitter.order().size());
            assertTrue(jitter.brightness() >= 0.6f && jitter.brightness() <= 1.4f);
            assertTrue(jitter.contrast() >= 0.6f && jitter.contrast() <= 1.4f);
            assertTrue(jitter.saturation() >= 0.6f && jitter.saturation() <= 1.4f);
            assertTrue(jitter.hue() >= -0.1f && jitter.hue() <= 0.1f);
        }
    }
}
