package org.simsiamexplorer.service.evaluation;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.simsiamexplorer.analysis.ClassificationReport;
import org.simsiamexplorer.analysis.LinearClassifier;
import org.simsiamexplorer.data.augment.ChannelNormalization;
import org.simsiamexplorer.data.augment.PadCropFlip;
import org.simsiamexplorer.data.augment.PlanarImages;
import org.simsiamexplorer.data.augment.SimSiamAugmentation;
import org.simsiamexplorer.model.ClassifierHead;
import org.simsiamexplorer.model.CosineSchedule;
import org.simsiamexplorer.model.Gradients;
import org.simsiamexplorer.model.MomentumSgd;
import org.simsiamexplorer.model.SimSiamNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fine-tuning: a fresh linear head on the backbone, and the whole network (backbone + head) trained with
 * cross-entropy, SGD with momentum and weight decay, a cosine lr per step, BatchNorm in training mode. Training
 * images are augmented with {@link PadCropFlip} (pad 4, random 32x32 crop, horizontal flip), a fresh draw per epoch;
 * test images are not augmented. The backbone's parameters are updated in place.
 */
public final class FineTuner {
    private FineTuner() {
    }

    /** Call on a thread with PyTorch grad mode off ({@code Gradients.disableGradModeOnThisThread()}). */
    public static Result run(Block backbone, int featureSize, EvaluationImages images, EvaluationConfig config,
                             NDManager manager, EvaluationListener listener) {
        config.requireValid();
        long start = System.nanoTime();
        int classes = images.classes();
        int[] trainIndices = EvaluationImages.subset(images.train().count(), config.trainSubset(), config.seed());
        int[] testIndices = EvaluationImages.subset(images.test().count(), config.testSubset(), config.seed() + 1);
        int batch = Math.min(config.batchSize(), trainIndices.length);
        if (batch < 2) {
            throw new IllegalArgumentException("fine-tuning needs at least 2 training images (BatchNorm in training"
                    + " mode needs a batch), got " + trainIndices.length);
        }
        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        Linear head = ClassifierHead.create(manager, featureSize, classes);
        Block network = ClassifierHead.encoderWithHead(backbone, head);
        List<Parameter> parameters = new ArrayList<>(SimSiamNetwork.trainable(backbone));
        parameters.addAll(SimSiamNetwork.trainable(head));
        List<Integer> all = IntStream.range(0, parameters.size()).boxed().toList();
        MomentumSgd optimizer = new MomentumSgd(parameters, config.momentum(), config.weightDecay(), manager);
        ParameterStore store = new ParameterStore(manager, false);
        PadCropFlip augmentation = new PadCropFlip(config.seed(), ChannelNormalization.CIFAR10);

        int stepsPerEpoch = trainIndices.length / batch; // the last partial batch is dropped: BN dislikes tiny ones
        long totalSteps = (long) stepsPerEpoch * config.epochs();
        long step = 0;
        List<EvaluationOutcome.EpochRecord> history = new ArrayList<>();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            int[] order = shuffled(trainIndices, config.seed(), epoch);
            double lossSum = 0;
            long correct = 0;
            for (int s = 0; s < stepsPerEpoch; s++, step++) {
                float[] x = new float[batch * PlanarImages.BYTES_PER_IMAGE];
                int[] labels = new int[batch];
                for (int k = 0; k < batch; k++) {
                    int image = order[s * batch + k];
                    labels[k] = images.train().labels()[image] & 0xFF;
                    augmentation.writeView(images.train().pixels(), image, epoch, 0, x,
                            k * PlanarImages.BYTES_PER_IMAGE);
                }
                double lr = CosineSchedule.lr(config.learningRate(), step, totalSteps);
                try (NDManager scratch = manager.newSubManager()) {
                    NDArray input = scratch.create(x, new Shape(batch, 3, 32, 32));
                    NDArray target = scratch.create(labels).oneHot(classes);
                    // one GradientCollector per process: wait while a training run in this process records
                    Gradients.COLLECTOR_LOCK.lock();
                    try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                        NDArray logits = network.forward(store, new NDList(input), true).singletonOrThrow();
                        NDArray loss = logits.logSoftmax(1).mul(target).sum(new int[] {1}).mean().neg();
                        collector.backward(loss);
                        float value = loss.getFloat();
                        if (!Float.isFinite(value)) {
                            throw new IllegalStateException("fine-tuning diverged: loss " + value + " at epoch "
                                    + (epoch + 1) + "; lower the learning rate (--lr)");
                        }
                        lossSum += value;
                        correct += countCorrect(logits.argMax(1).toType(ai.djl.ndarray.types.DataType.INT32, false)
                                .toIntArray(), labels);
                    } finally {
                        Gradients.COLLECTOR_LOCK.unlock();
                    }
                    optimizer.step(all, lr, scratch);
                }
                listener.onProgress("fine-tune epoch " + (epoch + 1) + "/" + config.epochs(), s + 1L,
                        stepsPerEpoch);
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            double meanLoss = lossSum / stepsPerEpoch;
            double accuracy = (double) correct / ((long) stepsPerEpoch * batch);
            history.add(new EvaluationOutcome.EpochRecord(epoch + 1, meanLoss, accuracy, seconds));
            listener.onEpoch(epoch + 1, config.epochs(), meanLoss, accuracy, seconds);
        }

        float[] probabilities = probabilities(network, store, images.test(), testIndices, config.batchSize(),
                classes, manager, listener);
        int[] testLabels = EvaluationImages.labelsOf(images.test(), testIndices);
        ClassificationReport report = ClassificationReport.of(probabilities, testLabels, classes);
        LinearClassifier trainedHead = new LinearClassifier(classes, featureSize, ClassifierHead.weights(head),
                ClassifierHead.bias(head));
        EvaluationOutcome outcome = new EvaluationOutcome(EvaluationMode.FINETUNE, trainedHead, report,
                probabilities, testIndices, testLabels, stepsPerEpoch * batch, history,
                (System.nanoTime() - start) / 1e9);
        return new Result(outcome, head);
    }

    /** Softmax outputs of "encoder + head" in inference mode on unaugmented images, rows x classes. */
    static float[] probabilities(Block network, ParameterStore store, PlanarImages images, int[] indices,
                                 int batchSize, int classes, NDManager manager, EvaluationListener listener) {
        float[] out = new float[indices.length * classes];
        ChannelNormalization normalization = ChannelNormalization.CIFAR10;
        for (int from = 0; from < indices.length; from += batchSize) {
            int count = Math.min(batchSize, indices.length - from);
            float[] x = new float[count * PlanarImages.BYTES_PER_IMAGE];
            for (int k = 0; k < count; k++) {
                SimSiamAugmentation.writeNormalized(images.pixels(), indices[from + k], normalization, x,
                        k * PlanarImages.BYTES_PER_IMAGE);
            }
            try (NDManager scratch = manager.newSubManager()) {
                NDArray logits = network.forward(store, new NDList(scratch.create(x, new Shape(count, 3, 32, 32))),
                        false).singletonOrThrow();
                float[] p = logits.softmax(1).toFloatArray();
                System.arraycopy(p, 0, out, from * classes, p.length);
            }
            listener.onProgress("test predictions", from + count, indices.length);
        }
        return out;
    }

    private static long countCorrect(int[] predicted, int[] labels) {
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return correct;
    }

    private static int[] shuffled(int[] indices, long seed, int epoch) {
        int[] order = indices.clone();
        SplittableRandom random = new SplittableRandom(seed * 31 + epoch + 0x5F1E7L);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** The outcome and the trained head block (still attached to the backbone's manager). */
    public record Result(EvaluationOutcome outcome, Linear head) {
    }
}
