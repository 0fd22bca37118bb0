package org.simsiamexplorer.app.training;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Placeholder until the feature lands: says what the tab will hold. */
public final class TrainingView {
    private final StackPane root = new StackPane(new Label("Start, pause, stop and resume SimSiam runs; live loss, collapse monitor and kNN accuracy."));

    public Parent root() {
        return root;
    }
}
