package org.simsiamexplorer.app.training;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/** Remembers the runs folder between sessions; tests pass an in-memory one instead of touching user preferences. */
public interface FolderMemory {
    Optional<Path> load();

    void save(Path folder);

    /** Backed by {@link java.util.prefs.Preferences} (per user). */
    static FolderMemory userPreferences() {
        Preferences node = Preferences.userRoot().node("org/simsiamexplorer/training");
        return new FolderMemory() {
            @Override
            public Optional<Path> load() {
                String value = node.get("runsFolder", null);
                return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
            }

            @Override
            public void save(Path folder) {
                node.put("runsFolder", folder.toAbsolutePath().toString());
            }
        };
    }

    static FolderMemory inMemory() {
        return new FolderMemory() {
            private Path folder;

            @Override
            public Optional<Path> load() {
                return Optional.ofNullable(folder);
            }

            @Override
            public void save(Path newFolder) {
                folder = newFolder;
            }
        };
    }
}
