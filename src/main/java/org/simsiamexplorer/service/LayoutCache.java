package org.simsiamexplorer.service;

import com.google.gson.JsonParseException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finished map layouts kept in a run's {@code layouts/} folder, so reopening a map is instant:
 * {@code <featureStem>-<specKey>.f32} (little-endian float32 x,y pairs) and a {@code .json} written last
 * (same convention as {@link FeatureSet}: when the metadata exists, the data is complete).
 * A damaged or mismatched entry is reported as absent, never used, so the map is simply recomputed.
 */
public final class LayoutCache {
    public static final String LAYOUTS = "layouts";

    private final Path folder;

    public LayoutCache(Path layoutsFolder) {
        this.folder = layoutsFolder;
    }

    public static LayoutCache of(RunDirectory run) {
        return new LayoutCache(run.root().resolve(LAYOUTS));
    }

    public Path folder() {
        return folder;
    }

    /** The file stem of a cached layout, e.g. {@code test-epoch-0010-tsne-p30-i750-s42}. */
    public static String stem(String featureStem, LayoutSpec spec) {
        return featureStem + "-" + spec.fileKey();
    }

    public void write(String featureStem, MapLayout layout) throws IOException {
        Files.createDirectories(folder);
        String stem = stem(featureStem, layout.spec());
        ByteBuffer buffer = ByteBuffer.allocate(layout.xy().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(layout.xy());
        RunDirectory.writeAtomically(folder.resolve(stem + ".f32"), buffer.array());
        Meta meta = new Meta(featureStem, layout.spec(), layout.rows(), layout.explainedVariance());
        RunDirectory.writeAtomically(folder.resolve(stem + ".json"), RunDirectory.GSON.toJson(meta));
    }

    /**
     * The cached layout for these features and settings, if there is a complete one with the expected number of
     * rows; empty otherwise (absent, incomplete, corrupt or for other features).
     */
    public Optional<MapLayout> read(String featureStem, LayoutSpec spec, int expectedRows) {
        String stem = stem(featureStem, spec);
        Path metaFile = folder.resolve(stem + ".json");
        Path dataFile = folder.resolve(stem + ".f32");
        if (!Files.isRegularFile(metaFile) || !Files.isRegularFile(dataFile)) {
            return Optional.empty();
        }
        try {
            Meta meta = RunDirectory.GSON.fromJson(Files.readString(metaFile), Meta.class);
            if (meta == null || meta.rows() != expectedRows || !spec.equals(meta.spec())) {
                return Optional.empty();
            }
            byte[] raw = Files.readAllBytes(dataFile);
            if (raw.length != 2L * expectedRows * Float.BYTES) {
                return Optional.empty();
            }
            float[] xy = new float[2 * expectedRows];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(xy);
            for (float v : xy) {
                if (!Float.isFinite(v)) {
                    return Optional.empty();
                }
            }
            return Optional.of(new MapLayout(spec, expectedRows, xy, meta.explainedVariance()));
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Meta(String featureStem, LayoutSpec spec, int rows, double[] explainedVariance) {
    }
}
