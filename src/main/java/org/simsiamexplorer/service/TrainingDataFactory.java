package org.simsiamexplorer.service;

import java.io.IOException;

/** Opens the data a run needs; the standard one reads CIFAR-10, tests pass tiny synthetic images. */
@FunctionalInterface
public interface TrainingDataFactory {
    /** Fails with a message for the user when the data is missing or does not verify. */
    TrainingData open(TrainingConfig config) throws IOException;
}
