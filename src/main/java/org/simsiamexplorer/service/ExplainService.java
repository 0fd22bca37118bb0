package org.simsiamexplorer.service;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.simsiamexplorer.data.CancellationToken;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.data.augment.ChannelNormalization;
import org.simsiamexplorer.explain.Attribution;
import org.simsiamexplorer.explain.DjlClassScoreModel;
import org.simsiamexplorer.explain.ExpectedGradientsExplainer;
import org.simsiamexplorer.explain.ExpectedGradientsSettings;
import org.simsiamexplorer.explain.ExplainListener;
import org.simsiamexplorer.explain.GradientPrecision;
import org.simsiamexplorer.explain.MaskKind;
import org.simsiamexplorer.explain.ScoreOutput;
import org.simsiamexplorer.explain.SuperpixelShapExplainer;
import org.simsiamexplorer.explain.SuperpixelShapSettings;
import org.simsiamexplorer.service.evaluation.EvaluationMode;
import org.simsiamexplorer.service.evaluation.EvaluationStore;
import org.simsiamexplorer.service.evaluation.TrainedClassifier;

import java.io.IOException;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The SHAP tab's door to the explainers: takes test-set indices and an {@link ExplanationRequest}, normalises the
 * images like training did (CIFAR-10 mean/std), draws the reference images from the training set (seeded), runs
 * expected gradients or patch SHAP on the classifier block and returns per-pixel maps. One explanation at a time.
 */
public final class ExplainService implements ImageExplainer {
    private static final int SIDE = CifarDataset.IMAGE_SIZE;
    private static final int CHANNELS = CifarDataset.CHANNELS;
    private static final int SIZE = CifarDataset.IMAGE_BYTES;
    private static final int PATCH_BLUR_RADIUS = 8;
    private static final int GRADIENT_BATCH = 32;
    private static final int PATCH_BATCH = 64;

    private final DjlClassScoreModel logits;
    private final DjlClassScoreModel probabilities;
    private final List<String> classNames;
    private final String classifierName;
    private final CifarDataset test;
    private final CifarDataset train;
    private final AutoCloseable owner;
    private Background background;

    private record Background(int size, long seed, float[] images, float[] mean) {
    }

    private ExplainService(Block classifier, NDManager manager, List<String> classNames, String classifierName,
                           CifarDataset test, CifarDataset train, AutoCloseable owner, GradientPrecision precision) {
        Shape image = new Shape(CHANNELS, SIDE, SIDE);
        this.logits = new DjlClassScoreModel(classifier, manager, image, classNames.size(), ScoreOutput.LOGITS,
                precision);
        this.probabilities = new DjlClassScoreModel(classifier, manager, image, classNames.size(),
                ScoreOutput.PROBABILITIES, precision);
        this.classNames = List.copyOf(classNames);
        this.classifierName = classifierName;
        this.test = test;
        this.train = train;
        this.owner = owner;
    }

    /**
     * @param classifier initialised block: (N, 3, 32, 32) CIFAR-normalised images -> (N, classes) logits
     * @param manager    holds the block's parameters; explanations use sub-managers of it
     * @param owner      closed with this service (e.g. the loaded classifier); may be null
     */
    public static ExplainService forClassifier(Block classifier, NDManager manager, List<String> classNames,
                                               String classifierName, CifarDataset test, CifarDataset train,
                                               AutoCloseable owner) {
        return forClassifier(classifier, manager, classNames, classifierName, test, train, owner,
                GradientPrecision.fastestOn(manager.getDevice()));
    }

    /** As above, with the arithmetic of the gradient passes chosen by the caller instead of by the hardware. */
    public static ExplainService forClassifier(Block classifier, NDManager manager, List<String> classNames,
                                               String classifierName, CifarDataset test, CifarDataset train,
                                               AutoCloseable owner, GradientPrecision precision) {
        return new ExplainService(classifier, manager, classNames, classifierName, test, train, owner, precision);
    }

    /**
     * The classifier of a run as evaluation left it: of {@code eval/linear} and {@code eval/finetune}, the one with
     * the higher test top-1 (the fine-tuned one on a tie). A run without either gets an error that says how to make
     * one.
     */
    public static ExplainService open(Path runRoot, CifarDataset test, CifarDataset train) throws IOException {
        EvaluationMode best = null;
        double bestTop1 = -1;
        for (EvaluationMode mode : new EvaluationMode[] {EvaluationMode.FINETUNE, EvaluationMode.LINEAR}) {
            if (EvaluationStore.exists(runRoot, mode)) {
                double top1 = EvaluationStore.readResults(runRoot, mode).top1();
                if (top1 > bestTop1) {
                    best = mode;
                    bestTop1 = top1;
                }
            }
        }
        if (best == null) {
            throw new IOException("run " + runRoot.getFileName() + " has no trained classifier (eval/linear or "
                    + "eval/finetune): evaluate it first, e.g. `simsiam evaluate --run " + runRoot + " --mode linear`");
        }
        TrainedClassifier classifier = TrainedClassifier.load(runRoot, best, null);
        String name = String.format(Locale.ROOT, "%s / %s (test top-1 %.1f%%)", runRoot.getFileName(),
                best == EvaluationMode.LINEAR ? "linear probe" : "fine-tuned", 100 * bestTop1);
        return forClassifier(classifier.network(), classifier.manager(), classifier.classNames(), name, test,
                train, classifier);
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public String classifierName() {
        return classifierName;
    }

    @Override
    public synchronized List<ImageExplanation> explain(int[] testIndices, ExplanationRequest request,
                                                       ExplanationListener listener, CancellationToken cancel) {
        for (int index : testIndices) {
            if (index < 0 || index >= test.size()) {
                throw new IllegalArgumentException("test image " + index + " does not exist (0.." + (test.size() - 1)
                        + ")");
            }
        }
        Background references = background(request.backgroundSize(), request.seed());
        DjlClassScoreModel model = request.score() == ExplainedScore.LOGIT ? logits : probabilities;
        List<ImageExplanation> results = new ArrayList<>();
        for (int n = 0; n < testIndices.length; n++) {
            int image = n;
            ExplainListener progress = (done, total) -> listener.progress(image, testIndices.length,
                    (image + (double) done / total) / testIndices.length);
            long start = System.nanoTime();
            float[] input = normalised(test, testIndices[n]);
            Attribution attribution;
            try {
                attribution = explainOne(model, input, references, request, progress, cancel);
            } catch (org.simsiamexplorer.explain.ExplanationCancelledException e) {
                throw new ExplanationCancelledException();
            }
            float[][] maps = new float[attribution.classes()][];
            for (int c = 0; c < maps.length; c++) {
                maps[c] = attribution.perPixel(c, CHANNELS);
            }
            results.add(new ImageExplanation(testIndices[n], test.label(testIndices[n]),
                    probabilities.scores(input, 1), maps, attribution.inputScores(), attribution.baseScores(), SIDE,
                    describe(request, model.precision()), (System.nanoTime() - start) / 1_000_000));
        }
        return results;
    }

    private Attribution explainOne(DjlClassScoreModel model, float[] input, Background references,
                                   ExplanationRequest request, ExplainListener progress, CancellationToken cancel) {
        if (request.method() == ExplanationMethod.EXPECTED_GRADIENTS) {
            ExpectedGradientsSettings settings = new ExpectedGradientsSettings(request.samples(),
                    request.backgroundSize(), request.noiseStd(), GRADIENT_BATCH, request.seed());
            return new ExpectedGradientsExplainer(model, settings).explain(input, references.images(),
                    references.size(), progress, cancel);
        }
        MaskKind mask = request.mask() == PatchMask.BLUR ? MaskKind.BLUR : MaskKind.BACKGROUND_MEAN;
        SuperpixelShapSettings settings = new SuperpixelShapSettings(request.patchGrid(), mask,
                PATCH_BLUR_RADIUS, request.samples(), SuperpixelShapSettings.DEFAULTS.exactUpTo(), PATCH_BATCH,
                request.seed());
        return new SuperpixelShapExplainer(model, settings, CHANNELS, SIDE).explain(input, references.mean(), progress,
                cancel);
    }

    /** In words, for the tab and exported images. */
    public static String describe(ExplanationRequest request) {
        if (request.method() == ExplanationMethod.EXPECTED_GRADIENTS) {
            String smoothing = request.noiseStd() > 0
                    ? String.format(Locale.ROOT, ", smoothing noise std %.2g", request.noiseStd()) : "";
            return String.format(Locale.ROOT, "%s, %d samples, %d references%s, %s", request.method().label(),
                    request.samples(), request.backgroundSize(), smoothing, request.score());
        }
        int patches = request.patchGrid() * request.patchGrid();
        String solver = patches <= SuperpixelShapSettings.DEFAULTS.exactUpTo() ? "exact"
                : "Kernel SHAP, " + request.samples() + " coalitions";
        return String.format(Locale.ROOT, "%s, %dx%d patches (%s), %s mask, %s", request.method().label(),
                request.patchGrid(), request.patchGrid(), solver, request.mask().label(), request.score());
    }

    /** As {@link #describe(ExplanationRequest)}, plus the gradient arithmetic when it is not float32. */
    static String describe(ExplanationRequest request, GradientPrecision precision) {
        return request.method() == ExplanationMethod.EXPECTED_GRADIENTS && precision != GradientPrecision.FLOAT32
                ? describe(request) + ", " + precision.label() + " gradients" : describe(request);
    }

    private Background background(int size, long seed) {
        if (background == null || background.size() != size || background.seed() != seed) {
            int count = Math.min(size, train.size());
            int[] chosen = seededChoice(train.size(), count, seed);
            float[] images = new float[count * SIZE];
            float[] mean = new float[SIZE];
            for (int k = 0; k < count; k++) {
                float[] image = normalised(train, chosen[k]);
                System.arraycopy(image, 0, images, k * SIZE, SIZE);
                for (int i = 0; i < SIZE; i++) {
                    mean[i] += image[i] / count;
                }
            }
            background = new Background(count, seed, images, mean);
        }
        return background;
    }

    /** {@code count} distinct indices of 0..n-1 by a seeded partial Fisher-Yates shuffle. */
    static int[] seededChoice(int n, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return java.util.Arrays.copyOf(order, count);
    }

    /** The image as the classifier saw it in evaluation: [0, 1] pixels normalised with the CIFAR-10 mean/std. */
    public static float[] normalised(CifarDataset dataset, int index) {
        byte[] pixels = dataset.pixels();
        int offset = dataset.offset(index);
        int plane = SIDE * SIDE;
        float[] image = new float[SIZE];
        for (int c = 0; c < CHANNELS; c++) {
            for (int p = 0; p < plane; p++) {
                image[c * plane + p] = ChannelNormalization.CIFAR10.apply(c,
                        (pixels[offset + c * plane + p] & 0xFF) / 255f);
            }
        }
        return image;
    }

    @Override
    public void close() {
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release the classifier: " + e.getMessage(), e);
            }
        }
    }
}
