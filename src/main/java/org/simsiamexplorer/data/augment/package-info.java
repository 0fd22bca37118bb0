/**
 * SimSiam augmentation for CIFAR-10 uint8 images in the official planar layout, written straight into CHW
 * float32 batches (the layout a DJL NDArray of shape (batch, 3, 32, 32) is created from), plus the prefetching
 * batch loaders that feed training and feature extraction. Plain Java: no DJL, no JavaFX.
 */
package org.simsiamexplorer.data.augment;
