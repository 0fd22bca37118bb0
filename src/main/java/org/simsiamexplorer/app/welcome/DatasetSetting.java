package org.simsiamexplorer.app.welcome;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/** Remembers the dataset folder the user chose, across sessions. */
public interface DatasetSetting {
    Optional<Path> load();

    void save(Path folder);

    /** Backed by {@link Preferences} under the user node {@code org/simsiamexplorer}. */
    static DatasetSetting userPreferences() {
        return new DatasetSetting() {
            private static final String KEY = "datasetPath";

            private Preferences node() {
                return Preferences.userRoot().node("org/simsiamexplorer");
            }

            @Override
            public Optional<Path> load() {
                String stored = node().get(KEY, null);
                try {
                    return stored == null || stored.isBlank() ? Optional.empty() : Optional.of(Path.of(stored));
                } catch (InvalidPathException e) {
                    return Optional.empty();
                }
            }

            @Override
            public void save(Path folder) {
                node().put(KEY, folder.toAbsolutePath().toString());
            }
        };
    }
}
