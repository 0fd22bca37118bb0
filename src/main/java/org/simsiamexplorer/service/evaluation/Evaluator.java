package org.simsiamexplorer.service.evaluation;

import org.simsiamexplorer.data.Cifar10Reader;
import org.simsiamexplorer.data.CifarLocator;
import org.simsiamexplorer.data.Verification;
import org.simsiamexplorer.model.Gradients;
import org.simsiamexplorer.service.PretrainedEncoder;
import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.TrainingConfig;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Evaluates a run's pre-trained encoder: loads its newest checkpoint, trains the classifier of the requested mode
 * and writes {@code eval/<mode>/} into the run directory. Runs on the calling thread (the CLI's main thread, or a
 * background thread of the app).
 */
public final class Evaluator {
    private Evaluator() {
    }

    public static EvaluationResults evaluate(Path runRoot, EvaluationConfig config, EvaluationImages images,
                                             EvaluationListener listener) throws IOException {
        config.requireValid();
        Gradients.disableGradModeOnThisThread();
        try (PretrainedEncoder encoder = PretrainedEncoder.load(runRoot, config.device())) {
            TrainingConfig run = encoder.config();
            EvaluationResults.EncoderInfo info = new EvaluationResults.EncoderInfo(run.name(), encoder.checkpoint(),
                    encoder.epochsTrained(), run.latentDim(), run.stopGradient(), run.widthMultiplier());
            listener.onProgress("loaded " + encoder.checkpoint() + " (" + encoder.epochsTrained()
                    + " pre-training epochs) on " + encoder.manager().getDevice(), 1, 1);
            if (config.mode() == EvaluationMode.LINEAR) {
                EvaluationOutcome outcome = LinearProbe.run(encoder.backbone(), encoder.featureSize(), images, config,
                        encoder.manager(), listener);
                return EvaluationStore.write(runRoot, outcome, config, info, images.classNames(), null);
            }
            FineTuner.Result result = FineTuner.run(encoder.backbone(), encoder.featureSize(), images, config,
                    encoder.manager(), listener);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                encoder.backbone().saveParameters(out);
            }
            return EvaluationStore.write(runRoot, result.outcome(), config, info, images.classNames(),
                    bytes.toByteArray());
        }
    }

    /**
     * CIFAR-10 for evaluating a run: {@code dataDir} when given, else the run's own data location, else
     * {@code $SIMSIAM_DATA} or the per-user cache; MD5-verified unless the run was started with verification off.
     */
    public static EvaluationImages loadCifar(Path runRoot, String dataDir) throws IOException {
        TrainingConfig run = new RunDirectory(runRoot).readConfig();
        String explicit = dataDir != null ? dataDir : run.dataDir();
        Path location = CifarLocator.standard().locateOrThrow(explicit == null ? null : Path.of(explicit)).path();
        return EvaluationImages.of(Cifar10Reader.read(location,
                run.verifyData() ? Verification.VERIFY_MD5 : Verification.SKIP));
    }
}
