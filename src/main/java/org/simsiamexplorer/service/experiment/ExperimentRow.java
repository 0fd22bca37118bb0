package org.simsiamexplorer.service.experiment;

import org.simsiamexplorer.service.evaluation.EvaluationMode;

/**
 * One line of the results table: one cell evaluated one way, ours beside the study's number (NaN = none).
 *
 * @param status "ok", or why this row has no numbers
 */
public record ExperimentRow(int latentDim, boolean stopGradient, EvaluationMode mode, int pretrainEpochs,
                            double top1, double top5, double studyTop1, double studyTop5, String studyNote,
                            double pretrainSeconds, double evalSeconds, String status) {

    /** Top-1 and top-5 in percent. */
    public static ExperimentRow ok(ExperimentSpec.Cell cell, EvaluationMode mode, int pretrainEpochs, double top1,
                                   double top5, double pretrainSeconds, double evalSeconds) {
        var published = StudyReference.lookup(cell.latentDim(), cell.stopGradient(), mode);
        return new ExperimentRow(cell.latentDim(), cell.stopGradient(), mode, pretrainEpochs, top1, top5,
                published.map(StudyReference.Published::top1).orElse(Double.NaN),
                published.map(StudyReference.Published::top5).orElse(Double.NaN),
                published.map(StudyReference.Published::note).orElse(""), pretrainSeconds, evalSeconds, "ok");
    }

    public static ExperimentRow failed(ExperimentSpec.Cell cell, EvaluationMode mode, String reason) {
        ExperimentRow row = ok(cell, mode, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new ExperimentRow(row.latentDim(), row.stopGradient(), mode, 0, Double.NaN, Double.NaN,
                row.studyTop1(), row.studyTop5(), row.studyNote(), Double.NaN, Double.NaN, reason);
    }

    public String classifier() {
        return mode == EvaluationMode.LINEAR ? "frozen (linear probe)" : "fine-tuned";
    }
}
