package org.simsiamexplorer.service;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contract between the CLI, the training service and the app: one folder per run (see docs/RUN_DIRECTORY.md).
 * Whole-file writes go to a temp file then are atomically renamed, so a reader in another process never sees half
 * a file; metrics are append-only JSON lines, so a reader can follow them while they are written.
 */
public final class RunDirectory {
    public static final String CONFIG = "config.json";
    public static final String STATUS = "status.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String CHECKPOINTS = "checkpoints";
    public static final String FEATURES = "features";

    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
    private static final Gson LINE_GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private final Path root;

    public RunDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public String name() {
        return root.getFileName().toString();
    }

    public Path checkpoints() {
        return root.resolve(CHECKPOINTS);
    }

    public Path features() {
        return root.resolve(FEATURES);
    }

    /** True when the folder looks like a run (it has a config). */
    public static boolean isRun(Path folder) {
        return Files.isRegularFile(folder.resolve(CONFIG));
    }

    /** Creates the folder for a new run; refuses to overwrite an existing run. */
    public static RunDirectory create(Path runsRoot, TrainingConfig config) throws IOException {
        Path folder = runsRoot.resolve(config.name());
        if (isRun(folder)) {
            throw new IOException("a run named '" + config.name() + "' already exists in " + runsRoot
                    + ": choose another name, or resume that run");
        }
        Files.createDirectories(folder.resolve(CHECKPOINTS));
        Files.createDirectories(folder.resolve(FEATURES));
        RunDirectory run = new RunDirectory(folder);
        run.writeConfig(config);
        return run;
    }

    public void writeConfig(TrainingConfig config) throws IOException {
        writeAtomically(root.resolve(CONFIG), GSON.toJson(config));
    }

    public TrainingConfig readConfig() throws IOException {
        Path file = root.resolve(CONFIG);
        try {
            TrainingConfig config = GSON.fromJson(Files.readString(file), TrainingConfig.class);
            if (config == null) {
                throw new IOException(file + " is empty: the run's configuration is lost");
            }
            return config;
        } catch (NoSuchFileException e) {
            throw new IOException(root + " is not a run directory: it has no " + CONFIG, e);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON (" + e.getMessage() + "): fix or restore it", e);
        }
    }

    public void writeStatus(RunStatus status) throws IOException {
        writeAtomically(root.resolve(STATUS), GSON.toJson(status));
    }

    /** The last written status, or empty when the run never wrote one. */
    public Optional<RunStatus> readStatus() throws IOException {
        Path file = root.resolve(STATUS);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(GSON.fromJson(Files.readString(file), RunStatus.class));
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    public void appendStep(StepMetrics step) throws IOException {
        appendLine("step", LINE_GSON.toJsonTree(step).getAsJsonObject());
    }

    public void appendEpoch(EpochMetrics epoch) throws IOException {
        appendLine("epoch", LINE_GSON.toJsonTree(epoch).getAsJsonObject());
    }

    private void appendLine(String type, JsonObject record) throws IOException {
        JsonObject line = new JsonObject();
        line.addProperty("type", type);
        record.entrySet().forEach(e -> line.add(e.getKey(), e.getValue()));
        try (Writer writer = Files.newBufferedWriter(root.resolve(METRICS), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            writer.write(LINE_GSON.toJson(line));
            writer.write('\n');
        }
    }

    /**
     * Everything in metrics.jsonl; a last line still being written (no newline yet) is left for the next read.
     * A run killed after its last checkpoint repeats the steps after it when resumed: the later records win.
     */
    public Metrics readMetrics() throws IOException {
        return readMetricsFrom(0).metrics();
    }

    /**
     * Reads complete lines starting at a byte offset, for following a run that another process is writing.
     * Returns the records and the offset to continue from.
     */
    public MetricsChunk readMetricsFrom(long offset) throws IOException {
        Path file = root.resolve(METRICS);
        List<StepMetrics> steps = new ArrayList<>();
        List<EpochMetrics> epochs = new ArrayList<>();
        if (!Files.exists(file)) {
            return new MetricsChunk(new Metrics(steps, epochs), offset);
        }
        byte[] bytes;
        try (var channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size <= offset) {
                return new MetricsChunk(new Metrics(steps, epochs), Math.min(offset, size));
            }
            channel.position(offset);
            var buffer = java.nio.ByteBuffer.allocate(Math.toIntExact(size - offset));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read until the snapshot size
            }
            bytes = buffer.array();
        }
        int consumed = 0;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8).trim();
            lineStart = i + 1;
            consumed = lineStart;
            if (line.isEmpty()) {
                continue;
            }
            parseLine(line, steps, epochs);
        }
        return new MetricsChunk(new Metrics(steps, epochs), offset + consumed);
    }

    private static void parseLine(String line, List<StepMetrics> steps, List<EpochMetrics> epochs) {
        try {
            JsonObject object = JsonParser.parseString(line).getAsJsonObject();
            String type = object.has("type") ? object.get("type").getAsString() : "";
            switch (type) {
                case "step" -> {
                    StepMetrics step = LINE_GSON.fromJson(object, StepMetrics.class);
                    while (!steps.isEmpty() && steps.get(steps.size() - 1).step() >= step.step()) {
                        steps.remove(steps.size() - 1);
                    }
                    steps.add(step);
                }
                case "epoch" -> {
                    EpochMetrics epoch = LINE_GSON.fromJson(object, EpochMetrics.class);
                    while (!epochs.isEmpty() && epochs.get(epochs.size() - 1).epoch() >= epoch.epoch()) {
                        epochs.remove(epochs.size() - 1);
                    }
                    epochs.add(epoch);
                }
                default -> {
                    // records of other types (from newer versions) are skipped, not fatal
                }
            }
        } catch (RuntimeException e) {
            // a damaged line (e.g. a crash mid-write in an older file) must not hide the rest of the history
        }
    }

    /** Writes a whole file so that readers see either the old or the new content, never a mix. */
    public static void writeAtomically(Path target, String content) throws IOException {
        writeAtomically(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, content);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** All metrics read so far. */
    public record Metrics(List<StepMetrics> steps, List<EpochMetrics> epochs) {
    }

    /** Metrics read from an offset, and the offset of the first line not yet complete. */
    public record MetricsChunk(Metrics metrics, long nextOffset) {
    }
}
