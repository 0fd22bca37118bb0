/**
 * Plain-Java geometry behind the embedding map: the world/screen {@link org.simsiamexplorer.analysis.map.Viewport}
 * and the {@link org.simsiamexplorer.analysis.map.PointGrid} spatial index used for picking and area selection.
 * No JavaFX here, so both are unit-tested and benchmarked without a display.
 */
package org.simsiamexplorer.analysis.map;
