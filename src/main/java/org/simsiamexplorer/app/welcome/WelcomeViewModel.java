package org.simsiamexplorer.app.welcome;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.Executor;

/** First-screen state: where the dataset is and what the user should do next. */
public final class WelcomeViewModel {
    private final ReadOnlyStringWrapper datasetStatus = new ReadOnlyStringWrapper("Looking for CIFAR-10…");
    private final Executor background;
    private final Executor ui;

    public WelcomeViewModel(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    public void refreshDataset() {
        background.execute(() -> ui.execute(() -> datasetStatus.set("CIFAR-10 not located yet.")));
    }

    public ReadOnlyStringProperty datasetStatusProperty() {
        return datasetStatus.getReadOnlyProperty();
    }
}
