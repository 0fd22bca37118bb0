package org.simsiamexplorer.service;

/**
 * Where a run is: the epoch in progress (0-based), the next step within it, and the global step count. Together
 * with the seed this fixes the learning rate and the data order, so it is all a resume needs besides the tensors.
 */
record TrainingPosition(int epoch, int stepInEpoch, long globalStep) {
    static final TrainingPosition START = new TrainingPosition(0, 0, 0);
}
