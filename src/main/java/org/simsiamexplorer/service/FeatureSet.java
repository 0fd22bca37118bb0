package org.simsiamexplorer.service;

import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Encoder features of one evaluation, as stored under {@code features/}: {@code <stem>.f32} (little-endian float32,
 * row-major rows x dim), {@code <stem>.labels} (one uint8 class per row) and {@code <stem>.json} (this record's
 * metadata). {@code datasetIndices} maps each row to its image in the split.
 */
public record FeatureSet(String split, int epoch, int rows, int dim, int[] datasetIndices, float[] values,
                         byte[] labels) {

    public FeatureSet {
        if (values.length != (long) rows * dim || labels.length != rows || datasetIndices.length != rows) {
            throw new IllegalArgumentException("feature set sizes disagree: rows=" + rows + " dim=" + dim
                    + " values=" + values.length + " labels=" + labels.length + " indices=" + datasetIndices.length);
        }
    }

    /** File stem, e.g. {@code test-epoch-0005}. */
    public String stem() {
        return stem(split, epoch);
    }

    public static String stem(String split, int epoch) {
        return String.format("%s-epoch-%04d", split, epoch);
    }

    public void write(Path featuresFolder) throws IOException {
        Files.createDirectories(featuresFolder);
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        RunDirectory.writeAtomically(featuresFolder.resolve(stem() + ".f32"), buffer.array());
        RunDirectory.writeAtomically(featuresFolder.resolve(stem() + ".labels"), labels);
        // the metadata goes last: a reader that sees it can trust that both data files are complete
        Meta meta = new Meta(split, epoch, rows, dim, datasetIndices);
        RunDirectory.writeAtomically(featuresFolder.resolve(stem() + ".json"), RunDirectory.GSON.toJson(meta));
    }

    public static FeatureSet read(Path featuresFolder, String stem) throws IOException {
        Path metaFile = featuresFolder.resolve(stem + ".json");
        Meta meta;
        try {
            meta = RunDirectory.GSON.fromJson(Files.readString(metaFile), Meta.class);
        } catch (JsonParseException e) {
            throw new IOException(metaFile + " is not valid JSON (" + e.getMessage() + ")", e);
        }
        byte[] raw = Files.readAllBytes(featuresFolder.resolve(stem + ".f32"));
        byte[] labels = Files.readAllBytes(featuresFolder.resolve(stem + ".labels"));
        long expected = (long) meta.rows() * meta.dim() * Float.BYTES;
        if (raw.length != expected || labels.length != meta.rows()) {
            throw new IOException("features " + stem + " in " + featuresFolder + " are incomplete: expected "
                    + expected + " bytes of floats and " + meta.rows() + " labels, found " + raw.length + " and "
                    + labels.length + "; re-run the evaluation to rewrite them");
        }
        float[] values = new float[meta.rows() * meta.dim()];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return new FeatureSet(meta.split(), meta.epoch(), meta.rows(), meta.dim(), meta.datasetIndices(), values,
                labels);
    }

    /** Stems of the complete feature sets in a folder, oldest epoch first. */
    public static List<String> list(Path featuresFolder) throws IOException {
        if (!Files.isDirectory(featuresFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(featuresFolder)) {
            List<String> stems = new ArrayList<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .toList());
            stems.sort(Comparator.naturalOrder());
            return stems;
        }
    }

    /** The latest complete feature set of a split, if any. */
    public static Optional<String> latest(Path featuresFolder, String split) throws IOException {
        return list(featuresFolder).stream().filter(s -> s.startsWith(split + "-")).reduce((a, b) -> b);
    }

    private record Meta(String split, int epoch, int rows, int dim, int[] datasetIndices) {
    }
}
