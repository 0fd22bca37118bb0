package org.simsiamexplorer.app.training;

import org.simsiamexplorer.service.TrainingService;

/** The training service the app uses. */
public final class TrainingServices {
    private TrainingServices() {
    }

    /** The DJL service once it is part of the build; until then one that explains why runs cannot start. */
    public static TrainingService standard() {
        return new UnavailableTrainingService();
    }
}
