package org.simsiamexplorer.app;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Arrays;
import java.util.Objects;

/**
 * The images the user has picked, shared between tabs: the embeddings map publishes its selection here and the SHAP
 * tab (or any other) follows it. One instance per window, created by {@code MainWindow} and handed to each tab's view
 * model. Use it on the JavaFX thread (or a test's thread), like any property.
 */
public final class SelectionModel {
    /** Split name of the CIFAR-10 test set, the split the tabs show by default. */
    public static final String TEST_SPLIT = "test";

    /**
     * An immutable selection: dataset indices (rows of the split's {@code CifarDataset}, not feature rows) in the
     * order the publisher chose, and who published it (shown to the user, e.g. "embedding map").
     */
    public record Selection(String split, int[] datasetIndices, String source) {
        public static final Selection EMPTY = new Selection(TEST_SPLIT, new int[0], "");

        public Selection {
            Objects.requireNonNull(split, "split");
            Objects.requireNonNull(source, "source");
            datasetIndices = datasetIndices.clone();
            for (int index : datasetIndices) {
                if (index < 0) {
                    throw new IllegalArgumentException("dataset index " + index + " is negative");
                }
            }
        }

        @Override
        public int[] datasetIndices() {
            return datasetIndices.clone();
        }

        public int size() {
            return datasetIndices.length;
        }

        public boolean isEmpty() {
            return datasetIndices.length == 0;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Selection that && split.equals(that.split) && source.equals(that.source)
                    && Arrays.equals(datasetIndices, that.datasetIndices);
        }

        @Override
        public int hashCode() {
            return Objects.hash(split, source, Arrays.hashCode(datasetIndices));
        }

        @Override
        public String toString() {
            return "Selection[" + split + ", " + datasetIndices.length + " images from " + source + "]";
        }
    }

    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(Selection.EMPTY);

    /** Replaces the selection; listeners fire only when it actually changes. */
    public void publish(String split, int[] datasetIndices, String source) {
        selection.set(new Selection(split, datasetIndices, source));
    }

    public void clear() {
        selection.set(Selection.EMPTY);
    }

    public Selection current() {
        return selection.get();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }
}
