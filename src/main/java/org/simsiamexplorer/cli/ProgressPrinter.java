package org.simsiamexplorer.cli;

import org.simsiamexplorer.service.EpochMetrics;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.StepMetrics;
import org.simsiamexplorer.service.TrainingListener;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints progress as plain lines: a step line about ten times per epoch (and at least every {@code minSeconds}),
 * every epoch summary and every status change.
 */
final class ProgressPrinter implements TrainingListener {
    private static final int BAR_WIDTH = 20;

    private final PrintStream out;
    private final long minMillis;
    private final int epochs;
    private long lastPrint;

    /** @param epochs the run's epoch count, for the whole-run progress bar (0: unknown, the bar shows the epoch) */
    ProgressPrinter(PrintStream out, long minSeconds, int epochs) {
        this.out = out;
        this.minMillis = minSeconds * 1000;
        this.epochs = epochs;
    }

    @Override
    public void onStep(StepMetrics s) {
        long now = System.currentTimeMillis();
        int every = Math.max(1, s.stepsPerEpoch() / 10);
        if (s.stepInEpoch() % every == 0 || s.stepInEpoch() == 1 || now - lastPrint >= minMillis) {
            lastPrint = now;
            out.println(bar(s) + String.format(Locale.ROOT,
                    "  epoch %d  step %d/%d (%d)  loss %.4f  std %.4f  lr %.5f  %.1f images/s  ETA %s",
                    s.epoch(), s.stepInEpoch(), s.stepsPerEpoch(), s.step(), s.loss(), s.collapseStd(), s.lr(),
                    s.imagesPerSecond(), duration(s.etaSeconds())));
        }
    }

    @Override
    public void onEpoch(EpochMetrics e) {
        if (e.isUntrainedBaseline()) {
            out.println(String.format(Locale.ROOT, "before training (random initialisation): kNN top-1 %.2f%%"
                    + " (measured in %s)", 100 * e.knnTop1(), duration(e.seconds())));
            return;
        }
        out.println(String.format(Locale.ROOT,
                "epoch %d done in %s: mean loss %.4f  collapse std %.4f (healthy ~%.4f%s)  kNN top-1 %s",
                e.epoch(), duration(e.seconds()), e.meanLoss(), e.collapseStd(), e.collapseReference(),
                e.looksCollapsed() ? ", COLLAPSED" : "",
                Double.isNaN(e.knnTop1()) ? "not measured" : String.format(Locale.ROOT, "%.2f%%", 100 * e.knnTop1())));
    }

    @Override
    public void onStatus(RunStatus status) {
        out.println("[" + status.state() + "] " + status.message());
    }

    /** "[=======>            ]  37%" of the whole run, or of the epoch when the epoch count is unknown. */
    String bar(StepMetrics s) {
        double fraction = epochs > 0
                ? ((s.epoch() - 1) * (double) s.stepsPerEpoch() + s.stepInEpoch()) / ((double) epochs * s.stepsPerEpoch())
                : s.stepInEpoch() / (double) s.stepsPerEpoch();
        fraction = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        String arrow = filled > 0 && filled < BAR_WIDTH ? ">" : "";
        String done = "=".repeat(Math.max(0, filled - arrow.length())) + arrow;
        return String.format(Locale.ROOT, "[%s%s] %3d%%", done, " ".repeat(BAR_WIDTH - done.length()),
                Math.round(fraction * 100));
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
