package org.simsiamexplorer.service.evaluation;

import java.util.List;

/**
 * The results JSON of one evaluation ({@code eval/<mode>/results.json}), see docs/RUN_DIRECTORY.md.
 *
 * @param encoder      what was evaluated: the run's encoder as pre-trained
 * @param config       how the classifier was trained
 * @param top1         test top-1 accuracy in [0, 1]
 * @param top5         test top-5 accuracy in [0, 1]
 * @param confusion    {@code confusion[true][predicted]} counts over the scored test images
 * @param headFile     head weights file in the same folder (float32 LE, classes x featureSize then classes bias)
 * @param backboneFile fine-tuned backbone weights in the same folder (DJL parameter file), null for the probe
 * @param finishedAt   ISO-8601 instant
 */
public record EvaluationResults(int formatVersion, String mode, EncoderInfo encoder, EvaluationConfig config,
                                double top1, double top5, List<String> classNames, int[] classCounts,
                                double[] perClassAccuracy, int[][] confusion, int trainImages, int testImages,
                                int classes, int featureSize, String headFile, String backboneFile,
                                List<EvaluationOutcome.EpochRecord> history, double seconds, String finishedAt) {
    public static final int FORMAT_VERSION = 1;

    /**
     * The encoder under evaluation.
     *
     * @param checkpoint file name of the pre-training checkpoint it was loaded from ("none" for an untrained one)
     */
    public record EncoderInfo(String run, String checkpoint, int pretrainEpochs, int latentDim, boolean stopGradient,
                              double widthMultiplier) {
    }
}
