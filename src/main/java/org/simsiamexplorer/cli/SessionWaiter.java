package org.simsiamexplorer.cli;

import org.simsiamexplorer.service.RunState;
import org.simsiamexplorer.service.TrainingSession;

import java.util.concurrent.TimeUnit;

/**
 * Waits for a run in the foreground. Ctrl-C (SIGINT/SIGTERM) asks the run to stop, which writes a checkpoint, and
 * the JVM exits only after that (bounded wait), so {@code resume} continues where it stopped.
 */
final class SessionWaiter {
    private static final long STOP_GRACE_SECONDS = 120;

    private SessionWaiter() {
    }

    static int await(TrainingSession session, CliContext context) throws InterruptedException {
        Thread hook = new Thread(() -> {
            if (session.status().state().isTerminal()) {
                return;
            }
            context.err().println("stopping: finishing the current step and writing a checkpoint...");
            session.stop();
            try {
                session.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simsiam-cli-stop");
        if (context.installShutdownHook()) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        while (!session.awaitTermination(1, TimeUnit.SECONDS)) {
            // the listener prints progress
        }
        if (context.installShutdownHook()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
        RunState state = session.status().state();
        context.out().println("run directory: " + session.runDirectory());
        return switch (state) {
            case FINISHED -> ExitCodes.OK;
            case STOPPED -> {
                context.out().println("resume with: simsiam resume --run " + session.runDirectory());
                yield ExitCodes.STOPPED;
            }
            default -> ExitCodes.FAILED;
        };
    }
}
