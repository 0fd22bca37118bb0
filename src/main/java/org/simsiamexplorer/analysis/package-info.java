/** Plain-Java numerics: PCA, t-SNE, kNN, statistics. No DJL, no JavaFX. */
package org.simsiamexplorer.analysis;
