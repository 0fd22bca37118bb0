package org.simsiamexplorer.service.experiment;

import org.simsiamexplorer.service.evaluation.EvaluationMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders experiment rows as {@code results.csv} and {@code results.md} (ours beside the study's numbers). */
public final class ExperimentTable {
    private static final double CHANCE_TOP1 = 10.0;

    private ExperimentTable() {
    }

    public static String csv(List<ExperimentRow> rows) {
        StringBuilder out = new StringBuilder("latent_dim,stop_gradient,classifier,pretrain_epochs,top1,top5,"
                + "study_top1,study_top5,study_note,pretrain_seconds,eval_seconds,status\n");
        for (ExperimentRow r : rows) {
            out.append(r.latentDim()).append(',').append(r.stopGradient() ? "on" : "off").append(',')
                    .append(r.mode().folderName()).append(',').append(r.pretrainEpochs()).append(',')
                    .append(number(r.top1(), 2)).append(',').append(number(r.top5(), 2)).append(',')
                    .append(number(r.studyTop1(), 2)).append(',').append(number(r.studyTop5(), 2)).append(',')
                    .append(quoted(r.studyNote())).append(',').append(number(r.pretrainSeconds(), 1)).append(',')
                    .append(number(r.evalSeconds(), 1)).append(',').append(quoted(r.status())).append('\n');
        }
        return out.toString();
    }

    /** {@code header} describes the setting (a few markdown lines); findings are derived from the rows. */
    public static String markdown(String title, String header, List<ExperimentRow> rows, double wallSeconds) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n").append(header).append("\n\n");
        out.append("| d | stop-grad | classifier | pre-train epochs | top-1 (ours) | top-5 (ours) | top-1 (study) "
                + "| top-5 (study) | pre-train s | eval s | status |\n");
        out.append("|---:|:---:|:---|---:|---:|---:|---:|---:|---:|---:|:---|\n");
        for (ExperimentRow r : rows) {
            String study = r.studyNote().isEmpty() ? "" : " (" + r.studyNote() + ")";
            out.append("| ").append(r.latentDim()).append(" | ").append(r.stopGradient() ? "on" : "off")
                    .append(" | ").append(r.classifier()).append(" | ").append(r.pretrainEpochs())
                    .append(" | ").append(cell(r.top1())).append(" | ").append(cell(r.top5()))
                    .append(" | ").append(cell(r.studyTop1())).append(study).append(" | ").append(cell(r.studyTop5()))
                    .append(" | ").append(cell(r.pretrainSeconds(), 0)).append(" | ").append(cell(r.evalSeconds(), 0))
                    .append(" | ").append(r.status().replace('|', '/').replace('\n', ' ')).append(" |\n");
        }
        out.append("\nWall time: ").append(String.format(Locale.ROOT, "%.1f min", wallSeconds / 60)).append("\n\n");
        out.append("## Findings (computed from the rows above)\n\n");
        findings(rows).forEach(line -> out.append("- ").append(line).append('\n'));
        return out.toString();
    }

    /** The study's two qualitative claims, checked on our numbers. */
    static List<String> findings(List<ExperimentRow> rows) {
        List<String> lines = new ArrayList<>();
        for (ExperimentRow frozen : rows) {
            if (frozen.mode() != EvaluationMode.LINEAR || Double.isNaN(frozen.top1())) {
                continue;
            }
            Optional<ExperimentRow> tuned = rows.stream().filter(r -> r.mode() == EvaluationMode.FINETUNE
                    && r.latentDim() == frozen.latentDim() && r.stopGradient() == frozen.stopGradient()
                    && !Double.isNaN(r.top1())).findFirst();
            tuned.ifPresent(t -> lines.add(String.format(Locale.ROOT,
                    "d=%d, stop-gradient %s: frozen %.1f%% vs fine-tuned %.1f%% top-1 -> %s", frozen.latentDim(),
                    frozen.stopGradient() ? "on" : "off", frozen.top1(), t.top1(),
                    frozen.top1() < t.top1() ? "frozen < fine-tuned, as in the study"
                            : "NOT below fine-tuned (the study has frozen << fine-tuned)")));
            if (!frozen.stopGradient()) {
                lines.add(String.format(Locale.ROOT,
                        "d=%d without stop-gradient: frozen top-1 %.1f%% (chance is %.0f%%; the study: %s)",
                        frozen.latentDim(), frozen.top1(), CHANCE_TOP1, cell(frozen.studyTop1()) + "%"));
            }
        }
        if (lines.isEmpty()) {
            lines.add("no cell has both numbers yet");
        }
        return lines;
    }

    private static String cell(double value) {
        return cell(value, 1);
    }

    private static String cell(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String quoted(String text) {
        return text == null || text.isEmpty() ? "" : '"' + text.replace("\"", "\"\"") + '"';
    }
}
