package org.simsiamexplorer.service.experiment;

import org.simsiamexplorer.service.evaluation.EvaluationMode;

import java.util.List;
import java.util.Optional;

/**
 * The published numbers of the study ("Visualizing Representations Found in Simple Siamese Representation
 * Learning"), top-1 / top-5 test accuracy in percent on CIFAR-10; "frozen" is the linear probe. Their setting:
 * ResNet-18, batch 16, lr 0.05, SGD momentum 0.9, weight decay 5e-4, 50 pre-training epochs (400 for d = 2048),
 * 50 fine-tuning epochs on all 50,000 labels.
 */
public final class StudyReference {
    /** One published cell. */
    public record Published(int latentDim, boolean stopGradient, EvaluationMode mode, double top1, double top5,
                            String note) {
    }

    public static final List<Published> TABLE = List.of(
            new Published(512, true, EvaluationMode.LINEAR, 34.1, 85.1, ""),
            new Published(512, true, EvaluationMode.FINETUNE, 69.3, 96.0, ""),
            new Published(128, true, EvaluationMode.LINEAR, 34.2, 85.0, ""),
            new Published(128, true, EvaluationMode.FINETUNE, 70.8, 96.0, ""),
            new Published(32, true, EvaluationMode.LINEAR, 30.8, 83.0, ""),
            new Published(32, true, EvaluationMode.FINETUNE, 69.2, 95.0, ""),
            new Published(2, true, EvaluationMode.LINEAR, 22.8, 80.0, ""),
            new Published(2, true, EvaluationMode.FINETUNE, 62.7, 91.0, ""),
            new Published(2048, true, EvaluationMode.LINEAR, 60.88, 96.0, "400 pre-training epochs"),
            new Published(512, false, EvaluationMode.LINEAR, 10.4, 50.1, ""),
            new Published(512, false, EvaluationMode.FINETUNE, 60.2, 96.0, ""));

    private StudyReference() {
    }

    public static Optional<Published> lookup(int latentDim, boolean stopGradient, EvaluationMode mode) {
        return TABLE.stream().filter(p -> p.latentDim() == latentDim && p.stopGradient() == stopGradient
                && p.mode() == mode).findFirst();
    }
}
