package org.simsiamexplorer.app.welcome;

import org.simsiamexplorer.data.CifarLocator;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Remembers the dataset folder the user chose, across sessions. */
public interface DatasetSetting {
    Optional<Path> load();

    void save(Path folder);

    /**
     * Backed by {@link Preferences} under the user node {@code org/simsiamexplorer}, which
     * {@link CifarLocator#standard()} also reads, so the other tabs and the CLI find the chosen folder too.
     */
    static DatasetSetting userPreferences() {
        return new DatasetSetting() {
            @Override
            public Optional<Path> load() {
                return CifarLocator.rememberedFolder();
            }

            @Override
            public void save(Path folder) {
                Preferences node = Preferences.userRoot().node(CifarLocator.PREFERENCES_NODE);
                node.put(CifarLocator.PREFERENCES_KEY, folder.toAbsolutePath().toString());
                try {
                    node.flush();
                } catch (BackingStoreException e) {
                    // The choice still holds for this session; Preferences retries writing it later.
                }
            }
        };
    }
}
