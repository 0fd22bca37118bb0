package org.simsiamexplorer.service.evaluation;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.simsiamexplorer.analysis.LinearClassifier;
import org.simsiamexplorer.service.RunDirectory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Reads and writes {@code eval/linear/} and {@code eval/finetune/} in a run directory (docs/RUN_DIRECTORY.md).
 * Every file is written to a temp file and renamed; {@code results.json} goes last, so a folder with a results file
 * has complete weights and predictions, and a crashed evaluation never leaves a results file that lies.
 */
public final class EvaluationStore {
    public static final String EVAL = "eval";
    public static final String RESULTS = "results.json";
    public static final String HEAD = "head.f32";
    public static final String BACKBONE = "backbone.params";
    public static final String PREDICTIONS = "test-predictions";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .create();

    private EvaluationStore() {
    }

    public static Path folder(Path runRoot, EvaluationMode mode) {
        return runRoot.resolve(EVAL).resolve(mode.folderName());
    }

    /** True when the mode's evaluation finished and wrote its results. */
    public static boolean exists(Path runRoot, EvaluationMode mode) {
        return Files.isRegularFile(folder(runRoot, mode).resolve(RESULTS));
    }

    /**
     * Writes head, predictions, the fine-tuned backbone (when {@code backboneParameters} is not null) and finally
     * the results, replacing an earlier evaluation of the same mode.
     */
    public static EvaluationResults write(Path runRoot, EvaluationOutcome outcome, EvaluationConfig config,
                                          EvaluationResults.EncoderInfo encoder, List<String> classNames,
                                          byte[] backboneParameters) throws IOException {
        Path folder = folder(runRoot, outcome.mode());
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(RESULTS));
        LinearClassifier head = outcome.head();
        float[] headValues = new float[head.weights().length + head.bias().length];
        System.arraycopy(head.weights(), 0, headValues, 0, head.weights().length);
        System.arraycopy(head.bias(), 0, headValues, head.weights().length, head.bias().length);
        RunDirectory.writeAtomically(folder.resolve(HEAD), littleEndian(headValues));
        if (backboneParameters != null) {
            RunDirectory.writeAtomically(folder.resolve(BACKBONE), backboneParameters);
        }
        writePredictions(folder, new Predictions("test", outcome.testIndices().length, head.classes(), classNames,
                outcome.testIndices(), outcome.testLabels(), outcome.report().predicted(),
                outcome.testProbabilities()));
        var report = outcome.report();
        EvaluationResults results = new EvaluationResults(EvaluationResults.FORMAT_VERSION,
                outcome.mode().folderName(), encoder, config, report.top1(), report.top5(), classNames,
                report.classCounts(), report.perClassAccuracy(), report.confusion(), outcome.trainImages(),
                report.rows(), head.classes(), head.dim(), HEAD, backboneParameters == null ? null : BACKBONE,
                outcome.history(), outcome.seconds(), Instant.now().toString());
        RunDirectory.writeAtomically(folder.resolve(RESULTS), GSON.toJson(results));
        return results;
    }

    public static EvaluationResults readResults(Path runRoot, EvaluationMode mode) throws IOException {
        Path file = folder(runRoot, mode).resolve(RESULTS);
        try {
            EvaluationResults results = GSON.fromJson(Files.readString(file), EvaluationResults.class);
            if (results == null) {
                throw new IOException(file + " is empty: run the " + mode.folderName() + " evaluation again");
            }
            if (results.formatVersion() > EvaluationResults.FORMAT_VERSION) {
                throw new IOException(file + " has format version " + results.formatVersion()
                        + "; this program reads up to " + EvaluationResults.FORMAT_VERSION);
            }
            return results;
        } catch (NoSuchFileException e) {
            throw new IOException("run " + runRoot.getFileName() + " has no " + mode.folderName()
                    + " evaluation yet (no " + file + "): run `evaluate --mode " + mode.folderName() + "` first", e);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    /** The trained head; its size is checked against the results file. */
    public static LinearClassifier readHead(Path runRoot, EvaluationMode mode) throws IOException {
        EvaluationResults results = readResults(runRoot, mode);
        Path file = folder(runRoot, mode).resolve(results.headFile());
        int classes = results.classes();
        int dim = results.featureSize();
        float[] values = readFloats(file, (long) classes * dim + classes);
        float[] weights = java.util.Arrays.copyOf(values, classes * dim);
        float[] bias = java.util.Arrays.copyOfRange(values, classes * dim, values.length);
        return new LinearClassifier(classes, dim, weights, bias);
    }

    public static Predictions readPredictions(Path runRoot, EvaluationMode mode) throws IOException {
        Path folder = folder(runRoot, mode);
        Path metaFile = folder.resolve(PREDICTIONS + ".json");
        PredictionsMeta meta;
        try {
            meta = GSON.fromJson(Files.readString(metaFile), PredictionsMeta.class);
        } catch (NoSuchFileException e) {
            throw new IOException("run " + runRoot.getFileName() + " has no " + mode.folderName()
                    + " predictions (no " + metaFile + ")", e);
        } catch (JsonParseException e) {
            throw new IOException(metaFile + " is not valid JSON (" + e.getMessage() + ")", e);
        }
        float[] probabilities = readFloats(folder.resolve(PREDICTIONS + ".f32"), (long) meta.rows() * meta.classes());
        return new Predictions(meta.split(), meta.rows(), meta.classes(), meta.classNames(), meta.datasetIndices(),
                meta.labels(), meta.predicted(), probabilities);
    }

    /** The fine-tuned backbone's parameter file (DJL format), or an error when this mode has none. */
    public static Path backboneFile(Path runRoot, EvaluationMode mode) throws IOException {
        EvaluationResults results = readResults(runRoot, mode);
        if (results.backboneFile() == null) {
            throw new IOException("the " + mode.folderName() + " evaluation of " + runRoot.getFileName()
                    + " keeps the pre-trained encoder; it has no backbone file");
        }
        return folder(runRoot, mode).resolve(results.backboneFile());
    }

    private static void writePredictions(Path folder, Predictions predictions) throws IOException {
        RunDirectory.writeAtomically(folder.resolve(PREDICTIONS + ".f32"), littleEndian(predictions.probabilities()));
        // the JSON holds everything but the probabilities; it is written last, as the completion marker
        PredictionsMeta meta = new PredictionsMeta(predictions.split(), predictions.rows(), predictions.classes(),
                predictions.classNames(), predictions.datasetIndices(), predictions.labels(), predictions.predicted());
        RunDirectory.writeAtomically(folder.resolve(PREDICTIONS + ".json"), GSON.toJson(meta));
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static float[] readFloats(Path file, long expectedCount) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        if (raw.length != expectedCount * Float.BYTES) {
            throw new IOException(file + " holds " + raw.length + " bytes but " + expectedCount * Float.BYTES
                    + " were expected: it is truncated or belongs to another evaluation; run the evaluation again");
        }
        float[] values = new float[(int) expectedCount];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private record PredictionsMeta(String split, int rows, int classes, List<String> classNames,
                                   int[] datasetIndices, int[] labels, int[] predicted) {
    }
}
