package org.simsiamexplorer.analysis.map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewportTest {
    private static final double EPS = 1e-9;

    @ParameterizedTest
    @CsvSource({
            "100, 80, 2.0",
            "0, 0, 0.5",
            "799, 599, 8",
            "412.5, 33.25, 1.1",
    })
    void zoomAroundTheCursorKeepsTheWorldPointUnderTheCursorFixed(double sx, double sy, double factor) {
        Viewport before = new Viewport(3.5, 120, -40);
        double worldX = before.toWorldX(sx);
        double worldY = before.toWorldY(sy);
        Viewport after = before.zoomAbout(sx, sy, factor);
        assertEquals(before.scale() * factor, after.scale(), EPS);
        assertEquals(sx, after.toScreenX(worldX), 1e-7);
        assertEquals(sy, after.toScreenY(worldY), 1e-7);
    }

    @Test
    void screenAndWorldTransformsAreInverse() {
        Viewport viewport = new Viewport(0.25, 17, 300);
        assertEquals(-3.75, viewport.toWorldX(viewport.toScreenX(-3.75)), EPS);
        assertEquals(12.5, viewport.toWorldY(viewport.toScreenY(12.5)), EPS);
    }

    @Test
    void panningMovesEveryPointByTheDragDistance() {
        Viewport viewport = new Viewport(2, 10, 10).panBy(30, -5);
        assertEquals(2 * 4 + 40, viewport.toScreenX(4), EPS);
        assertEquals(2 * 4 + 5, viewport.toScreenY(4), EPS);
    }

    @Test
    void fitShowsTheWholeWorldCentredInsideTheMargin() {
        WorldBounds world = new WorldBounds(-10, 5, 30, 15);
        Viewport viewport = Viewport.fit(world, 800, 600, 20);
        assertEquals(20, viewport.toScreenX(-10), EPS);
        assertEquals(780, viewport.toScreenX(30), EPS);
        assertEquals(300, viewport.toScreenY(10), EPS);
        WorldBounds visible = viewport.visibleWorld(800, 600);
        assertTrue(visible.contains(-10, 5) && visible.contains(30, 15));
    }

    @Test
    void zoomingInShrinksTheVisibleExtent() {
        Viewport viewport = new Viewport(1, 0, 0);
        double before = viewport.visibleWorld(800, 600).width();
        double after = viewport.zoomAbout(400, 300, 2).visibleWorld(800, 600).width();
        assertEquals(before / 2, after, EPS);
    }

    @Test
    void aDegenerateLayoutStillGetsAFiniteViewport() {
        Viewport viewport = Viewport.fit(new WorldBounds(3, 3, 3, 3), 100, 100, 10);
        assertEquals(50, viewport.toScreenX(3), EPS);
    }

    @Test
    void invalidZoomFactorsAreRejected() {
        Viewport viewport = new Viewport(1, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> viewport.zoomAbout(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> viewport.zoomAbout(0, 0, Double.NaN));
    }
}
