package org.simsiamexplorer.app.embeddings;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Placeholder until the feature lands: says what the tab will hold. */
public final class EmbeddingsView {
    private final StackPane root = new StackPane(new Label("PCA and t-SNE maps of the encoder's features."));

    public Parent root() {
        return root;
    }
}
