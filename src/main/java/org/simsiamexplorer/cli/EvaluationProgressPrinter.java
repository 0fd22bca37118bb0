package org.simsiamexplorer.cli;

import org.simsiamexplorer.service.evaluation.EvaluationListener;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines for a terminal or a log file: each stage at every tenth of the way, each classifier epoch. */
final class EvaluationProgressPrinter implements EvaluationListener {
    private final PrintStream out;
    private final String indent;
    private String stage = "";
    private long lastTenth = -1;

    EvaluationProgressPrinter(PrintStream out, String indent) {
        this.out = out;
        this.indent = indent;
    }

    @Override
    public void onProgress(String newStage, long done, long total) {
        if (!newStage.equals(stage)) {
            stage = newStage;
            lastTenth = -1;
        }
        long tenth = total <= 0 ? 10 : done * 10 / total;
        if (tenth != lastTenth && (tenth == 10 || stage.startsWith("train features") || stage.startsWith("fine"))) {
            lastTenth = tenth;
            out.println(indent + (total <= 1 ? stage : stage + " " + done + "/" + total));
        }
    }

    @Override
    public void onEpoch(int epoch, int epochs, double meanLoss, double trainAccuracy, double seconds) {
        if (epochs > 20 && epoch % 10 != 0 && epoch != 1 && epoch != epochs) {
            return; // the probe's head epochs take milliseconds; every tenth is enough
        }
        out.println(String.format(Locale.ROOT, "%sepoch %d/%d: loss %.4f%s, %.1f s", indent, epoch, epochs,
                meanLoss, Double.isNaN(trainAccuracy) ? "" : String.format(Locale.ROOT, ", train top-1 %.1f%%",
                        100 * trainAccuracy), seconds));
    }
}
