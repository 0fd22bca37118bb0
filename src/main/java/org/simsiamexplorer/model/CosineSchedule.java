package org.simsiamexplorer.model;

/** The SimSiam learning-rate schedule: lr(t) = lr0 * 0.5 * (1 + cos(pi * t / T)), t and T in steps or epochs. */
public final class CosineSchedule {
    private CosineSchedule() {
    }

    public static double lr(double initialLr, double t, double total) {
        return initialLr * 0.5 * (1 + Math.cos(Math.PI * Math.min(t, total) / total));
    }
}
