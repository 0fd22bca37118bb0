package org.simsiamexplorer.cli;

import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.TrainingSession;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** {@code simsiam resume}: continues a stopped or killed run from its last good checkpoint. */
final class ResumeCommand implements CliCommand {
    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String summary() {
        return "continue a stopped or killed run from its last checkpoint";
    }

    @Override
    public String help() {
        return """
                usage: simsiam resume --run DIR

                Continues the run in DIR at the epoch, step and learning rate where its last good checkpoint
                left off (a corrupt newest checkpoint is reported and the previous one used).
                """;
    }

    @Override
    public int run(CliArguments args, CliContext context) throws Exception {
        Path run = Path.of(args.required("run"));
        TrainingSession session = context.trainingService().get().resume(run,
                new ProgressPrinter(context.out(), 30, epochsOf(run)));
        return SessionWaiter.await(session, context);
    }

    /** The run's epoch count for the progress bar, 0 when its config can not be read (resume reports why). */
    private static int epochsOf(Path run) {
        try {
            return new RunDirectory(run).readConfig().epochs();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public Set<String> options() {
        return Set.of("run");
    }
}
