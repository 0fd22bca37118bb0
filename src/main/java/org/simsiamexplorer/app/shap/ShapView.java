package org.simsiamexplorer.app.shap;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Placeholder until the feature lands: says what the tab will hold. */
public final class ShapView {
    private final StackPane root = new StackPane(new Label("Per-class SHAP attributions for the run's classifier."));

    public Parent root() {
        return root;
    }
}
