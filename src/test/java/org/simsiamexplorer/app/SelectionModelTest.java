package org.simsiamexplorer.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectionModelTest {
    @Test
    void publishedIndicesReachListenersInTheirOrder() {
        SelectionModel model = new SelectionModel();
        List<SelectionModel.Selection> seen = new ArrayList<>();
        model.selectionProperty().addListener((obs, old, now) -> seen.add(now));

        model.publish("test", new int[] {7, 3, 9}, "embedding map");

        assertEquals(1, seen.size());
        assertArrayEquals(new int[] {7, 3, 9}, seen.get(0).datasetIndices());
        assertEquals("embedding map", seen.get(0).source());
    }

    @Test
    void publishingTheSameSelectionAgainDoesNotNotify() {
        SelectionModel model = new SelectionModel();
        model.publish("test", new int[] {1, 2}, "map");
        List<SelectionModel.Selection> seen = new ArrayList<>();
        model.selectionProperty().addListener((obs, old, now) -> seen.add(now));

        model.publish("test", new int[] {1, 2}, "map");

        assertTrue(seen.isEmpty());
    }

    @Test
    void theSelectionCannotBeChangedThroughTheArrayItWasGivenOrReturned() {
        SelectionModel model = new SelectionModel();
        int[] indices = {4, 5};
        model.publish("test", indices, "grid");
        indices[0] = 99;
        model.current().datasetIndices()[1] = 99;

        assertArrayEquals(new int[] {4, 5}, model.current().datasetIndices());
    }

    @Test
    void clearEmptiesTheSelection() {
        SelectionModel model = new SelectionModel();
        model.publish("test", new int[] {1}, "grid");
        model.clear();
        assertTrue(model.current().isEmpty());
    }

    @Test
    void negativeIndicesAreRejectedWithAClearMessage() {
        SelectionModel model = new SelectionModel();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.publish("test", new int[] {3, -1}, "grid"));
        assertTrue(error.getMessage().contains("-1"));
    }
}
