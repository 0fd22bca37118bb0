package org.simsiamexplorer.app.training;

import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.TrainingConfig;

import java.nio.file.Path;

/**
 * What one background poll learned about a run directory: its config (or why it cannot be read), its status,
 * the metrics appended since the previous poll, and when the run last wrote anything.
 */
record RunSnapshot(Path folder, TrainingConfig config, String problem, RunStatus status,
                   RunDirectory.Metrics newMetrics, long lastActivityMillis) {
}
