package org.simsiamexplorer.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * Finds CIFAR-10 without reading it: an explicit path (CLI flag) first, then the folder remembered by the app's
 * "Choose folder…" (Preferences), then the {@code SIMSIAM_DATA} environment variable, then the per-user download
 * cache. Each place may hold the {@code cifar-10-batches-bin} folder, its parent, or {@code cifar-10-binary.tar.gz}.
 */
public final class CifarLocator {
    public static final String ENVIRONMENT_VARIABLE = "SIMSIAM_DATA";
    public static final String TARBALL_NAME = "cifar-10-binary.tar.gz";
    /** Where the app remembers the chosen dataset folder: {@code Preferences.userRoot().node(...)}, key below. */
    public static final String PREFERENCES_NODE = "org/simsiamexplorer";
    public static final String PREFERENCES_KEY = "datasetPath";

    /** Where a dataset was found. */
    public enum Source {
        EXPLICIT("chosen path"), REMEMBERED("folder remembered by the app"), ENVIRONMENT("$" + ENVIRONMENT_VARIABLE), CACHE("download cache");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public record Found(Path path, Source source) {
    }

    /** The outcome of a search: what was found (if anything) and, for messages, every place looked at. */
    public record Result(Optional<Found> found, List<String> searched) {
        public Result {
            searched = List.copyOf(searched);
        }

        /** A user-facing message: where the data is, or where we looked and what to do. */
        public String describe() {
            if (found.isPresent()) {
                return "CIFAR-10 found at " + found.get().path() + " (" + found.get().source().description() + ")";
            }
            return "CIFAR-10 not found. Looked in:\n  - " + String.join("\n  - ", searched)
                    + "\nDownload CIFAR-10, choose the folder that holds " + Cifar10Reader.FOLDER_NAME
                    + ", or set " + ENVIRONMENT_VARIABLE + ".";
        }
    }

    private final Function<String, String> environment;
    private final Path cacheDirectory;
    private final Supplier<Optional<Path>> remembered;

    /** A locator without a remembered folder (tests, headless tools). */
    public CifarLocator(Function<String, String> environment, Path cacheDirectory) {
        this(environment, cacheDirectory, Optional::empty);
    }

    public CifarLocator(Function<String, String> environment, Path cacheDirectory,
                        Supplier<Optional<Path>> remembered) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        this.remembered = Objects.requireNonNull(remembered, "remembered");
    }

    /** The real environment, the folder the app remembered, and the XDG cache directory. */
    public static CifarLocator standard() {
        return new CifarLocator(System::getenv, defaultCacheDirectory(System::getenv, System.getProperty("user.home")),
                CifarLocator::rememberedFolder);
    }

    /** The folder saved by the app's "Choose folder…", if any (empty when preferences are unavailable). */
    public static Optional<Path> rememberedFolder() {
        try {
            String stored = Preferences.userRoot().node(PREFERENCES_NODE).get(PREFERENCES_KEY, null);
            return stored == null || stored.isBlank() ? Optional.empty() : Optional.of(Path.of(stored));
        } catch (RuntimeException e) { // SecurityException, InvalidPathException, IllegalStateException
            return Optional.empty();
        }
    }

    /** {@code $XDG_CACHE_HOME/simsiam-explorer}, or {@code ~/.cache/simsiam-explorer} when it is unset. */
    public static Path defaultCacheDirectory(Function<String, String> environment, String userHome) {
        String xdg = environment.apply("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(userHome, ".cache");
        return base.resolve("simsiam-explorer");
    }

    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /** Searches; {@code explicitPath} may be null (no CLI flag, no remembered folder). */
    public Result locate(Path explicitPath) {
        List<String> searched = new ArrayList<>();
        if (explicitPath != null) {
            Optional<Path> data = dataAt(explicitPath);
            if (data.isPresent()) {
                return new Result(Optional.of(new Found(data.get(), Source.EXPLICIT)), searched);
            }
            searched.add(Source.EXPLICIT.description() + " " + explicitPath + ": " + whyNot(explicitPath));
        }
        Optional<Path> rememberedPath = remembered.get().filter(path -> !path.equals(explicitPath));
        if (rememberedPath.isPresent()) {
            Optional<Path> data = dataAt(rememberedPath.get());
            if (data.isPresent()) {
                return new Result(Optional.of(new Found(data.get(), Source.REMEMBERED)), searched);
            }
            searched.add(Source.REMEMBERED.description() + " " + rememberedPath.get() + ": "
                    + whyNot(rememberedPath.get()));
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            searched.add(Source.ENVIRONMENT.description() + ": not set");
        } else {
            try {
                Path path = Path.of(fromEnvironment);
                Optional<Path> data = dataAt(path);
                if (data.isPresent()) {
                    return new Result(Optional.of(new Found(data.get(), Source.ENVIRONMENT)), searched);
                }
                searched.add(Source.ENVIRONMENT.description() + " = " + path + ": " + whyNot(path));
            } catch (InvalidPathException e) {
                searched.add(Source.ENVIRONMENT.description() + " = " + fromEnvironment + ": not a valid path");
            }
        }
        Optional<Path> cached = dataAt(cacheDirectory);
        if (cached.isPresent()) {
            return new Result(Optional.of(new Found(cached.get(), Source.CACHE)), searched);
        }
        searched.add(Source.CACHE.description() + " " + cacheDirectory + ": " + whyNot(cacheDirectory));
        return new Result(Optional.empty(), searched);
    }

    /** Like {@link #locate} but fails with the full search report when nothing is found. */
    public Found locateOrThrow(Path explicitPath) throws CifarDataException {
        Result result = locate(explicitPath);
        return result.found().orElseThrow(() -> new CifarDataException(result.describe()));
    }

    /**
     * The CIFAR-10 data at {@code candidate}, if it looks complete (all six batch files present; not verified):
     * the batch folder itself, its {@code cifar-10-batches-bin} child, a {@code .tar.gz} file, or a folder
     * holding {@code cifar-10-binary.tar.gz} (an unpacked folder is preferred).
     */
    public static Optional<Path> dataAt(Path candidate) {
        if (Files.isRegularFile(candidate)) {
            String name = candidate.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".tar.gz") || name.endsWith(".tgz") ? Optional.of(candidate) : Optional.empty();
        }
        if (hasAllBatches(candidate)) {
            return Optional.of(candidate);
        }
        Path child = candidate.resolve(Cifar10Reader.FOLDER_NAME);
        if (hasAllBatches(child)) {
            return Optional.of(child);
        }
        Path tarball = candidate.resolve(TARBALL_NAME);
        return Files.isRegularFile(tarball) ? Optional.of(tarball) : Optional.empty();
    }

    private static boolean hasAllBatches(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        return ExpectedChecksums.ALL_FILES.stream().allMatch(file -> Files.isRegularFile(folder.resolve(file)));
    }

    private static String whyNot(Path path) {
        if (!Files.exists(path)) {
            return "does not exist";
        }
        if (Files.isRegularFile(path)) {
            return "is a file but not a .tar.gz archive";
        }
        return "no complete " + Cifar10Reader.FOLDER_NAME + " (data_batch_1..5.bin, test_batch.bin) there";
    }
}
