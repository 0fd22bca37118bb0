package org.simsiamexplorer.data;

import java.util.List;
import java.util.Objects;

/** The official CIFAR-10 split: 50,000 training and 10,000 test images sharing one list of class names. */
public record Cifar10(CifarDataset train, CifarDataset test) {
    public static final List<String> CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    public Cifar10 {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }

    public List<String> classNames() {
        return train.classNames();
    }
}
