package org.simsiamexplorer.app.training;

import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.TrainingConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every run directory under one folder, incrementally: each poll returns only the metrics lines appended
 * since the last poll (byte offsets per run, {@link RunDirectory#readMetricsFrom(long)}), so following a run that
 * another process (the CLI, another machine via a synced folder) is writing costs little. Runs on the background
 * executor; one poll at a time.
 */
final class RunFolderScanner {
    private final Path root;
    private final Map<Path, Followed> followed = new HashMap<>();

    RunFolderScanner(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Snapshots of all runs under the root, sorted by folder name; empty when the folder does not exist. */
    List<RunSnapshot> scan() throws IOException {
        if (!Files.isDirectory(root)) {
            followed.clear();
            return List.of();
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(root)) {
            folders = children.filter(Files::isDirectory).filter(RunDirectory::isRun).sorted().toList();
        }
        followed.keySet().retainAll(folders);
        List<RunSnapshot> snapshots = new ArrayList<>();
        for (Path folder : folders) {
            snapshots.add(followed.computeIfAbsent(folder, Followed::new).poll());
        }
        return snapshots;
    }

    /** One followed run: its config is read once, its metrics from the last offset. */
    private static final class Followed {
        private final RunDirectory run;
        private TrainingConfig config;
        private String configProblem;
        private long offset;

        Followed(Path folder) {
            run = new RunDirectory(folder);
        }

        RunSnapshot poll() {
            if (config == null) {
                try {
                    config = run.readConfig();
                    configProblem = null;
                } catch (IOException e) {
                    configProblem = e.getMessage();
                }
            }
            String problem = configProblem;
            RunStatus status = null;
            try {
                status = run.readStatus().orElse(null);
            } catch (IOException e) {
                problem = e.getMessage();
            }
            RunDirectory.Metrics metrics = new RunDirectory.Metrics(List.of(), List.of());
            try {
                RunDirectory.MetricsChunk chunk = run.readMetricsFrom(offset);
                offset = chunk.nextOffset();
                metrics = chunk.metrics();
            } catch (IOException e) {
                problem = "cannot read " + RunDirectory.METRICS + ": " + e.getMessage();
            }
            return new RunSnapshot(run.root(), config, problem, status, metrics, lastActivity(status));
        }

        private long lastActivity(RunStatus status) {
            long latest = status == null ? 0 : status.updatedMillis();
            try {
                Path metrics = run.root().resolve(RunDirectory.METRICS);
                if (Files.exists(metrics)) {
                    latest = Math.max(latest, Files.getLastModifiedTime(metrics).toMillis());
                }
            } catch (IOException e) {
                // the status time alone still tells a live run from a dead one
            }
            return latest;
        }
    }
}
