package org.simsiamexplorer.service.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.MalformedModelException;
import org.simsiamexplorer.analysis.LinearClassifier;
import org.simsiamexplorer.model.ClassifierHead;
import org.simsiamexplorer.model.Gradients;
import org.simsiamexplorer.service.PretrainedEncoder;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run's evaluated classifier rebuilt as one DJL block, "encoder + head": (N, 3, 32, 32) images normalised with
 * the CIFAR-10 mean/std ({@code ChannelNormalization.CIFAR10}) -> (N, classes) logits. For the linear probe the
 * encoder is the pre-trained one from the run's checkpoint; for fine-tuning it is the fine-tuned backbone from
 * {@code eval/finetune/backbone.params}. For the SHAP viewer and anything else that needs the classifier's output
 * as a function of the pixels. Close it to free native memory.
 */
public final class TrainedClassifier implements AutoCloseable {
    private final PretrainedEncoder encoder;
    private final Block network;
    private final EvaluationResults results;

    private TrainedClassifier(PretrainedEncoder encoder, Block network, EvaluationResults results) {
        this.encoder = encoder;
        this.network = network;
        this.results = results;
    }

    /**
     * @param deviceSetting auto, cpu or gpu; null = the run's own setting
     * @throws IOException when the run has no evaluation of this mode, or its files are damaged
     */
    public static TrainedClassifier load(Path runRoot, EvaluationMode mode, String deviceSetting)
            throws IOException {
        EvaluationResults results = EvaluationStore.readResults(runRoot, mode);
        LinearClassifier head = EvaluationStore.readHead(runRoot, mode);
        Path backboneFile = mode == EvaluationMode.FINETUNE ? EvaluationStore.backboneFile(runRoot, mode) : null;
        PretrainedEncoder encoder = PretrainedEncoder.load(runRoot, deviceSetting);
        try {
            if (encoder.featureSize() != head.dim()) {
                throw new IOException("the " + mode.folderName() + " head of " + runRoot.getFileName() + " expects "
                        + head.dim() + " features but the encoder gives " + encoder.featureSize());
            }
            if (backboneFile != null) {
                loadBackbone(encoder, backboneFile);
            }
            Linear headBlock = ClassifierHead.create(encoder.manager(), head.dim(), head.classes(), head.weights(),
                    head.bias());
            return new TrainedClassifier(encoder, ClassifierHead.encoderWithHead(encoder.backbone(), headBlock),
                    results);
        } catch (IOException | RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private static void loadBackbone(PretrainedEncoder encoder, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream data = new DataInputStream(in)) {
            encoder.backbone().loadParameters(encoder.manager(), data);
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException("fine-tuned backbone " + file + " does not fit the run's encoder ("
                    + e.getMessage() + "): run `evaluate --mode finetune` again", e);
        }
    }

    /** Encoder + head, already initialised (do not call {@code initialize}); forward with training = false. */
    public Block network() {
        return network;
    }

    /** The manager (and device) holding the parameters; put inputs into a sub-manager of it. */
    public NDManager manager() {
        return encoder.manager();
    }

    public EvaluationResults results() {
        return results;
    }

    public List<String> classNames() {
        return results.classNames();
    }

    /** Class probabilities of {@code count} normalised images (count x 3 x 32 x 32 floats), in inference mode. */
    public float[] probabilities(float[] images, int count) {
        Gradients.disableGradModeOnThisThread();
        try (NDManager scratch = encoder.manager().newSubManager()) {
            NDArray x = scratch.create(images, new Shape(count, 3, 32, 32));
            NDArray logits = network.forward(new ParameterStore(scratch, false), new NDList(x), false)
                    .singletonOrThrow();
            return logits.softmax(1).toFloatArray();
        }
    }

    @Override
    public void close() {
        encoder.close();
    }
}
