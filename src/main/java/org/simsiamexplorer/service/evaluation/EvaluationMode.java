package org.simsiamexplorer.service.evaluation;

import java.util.Locale;

/** How the classifier on top of the encoder is trained. */
public enum EvaluationMode {
    /** Linear probe: the encoder is frozen (inference mode, BatchNorm statistics fixed), only the head learns. */
    LINEAR("linear"),
    /** Fine-tuning: the same head, and the whole encoder trained with it (BatchNorm in training mode). */
    FINETUNE("finetune");

    private final String folderName;

    EvaluationMode(String folderName) {
        this.folderName = folderName;
    }

    /** The folder under {@code eval/} and the CLI spelling: "linear" or "finetune". */
    public String folderName() {
        return folderName;
    }

    public static EvaluationMode parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "linear", "frozen", "probe" -> LINEAR;
            case "finetune", "fine-tune", "fine_tune" -> FINETUNE;
            default -> throw new IllegalArgumentException("unknown evaluation mode '" + text
                    + "': expected linear or finetune");
        };
    }
}
