package org.simsiamexplorer.cli;

import org.simsiamexplorer.service.TrainingService;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * What commands print to and train with; tests pass their own streams and service.
 *
 * @param installShutdownHook whether long commands stop their run cleanly on Ctrl-C (off in tests)
 */
public record CliContext(PrintStream out, PrintStream err, Supplier<TrainingService> trainingService,
                         boolean installShutdownHook) {
}
