package org.simsiamexplorer.app.welcome;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.simsiamexplorer.data.CancellationToken;
import org.simsiamexplorer.data.Cifar10Reader;
import org.simsiamexplorer.data.CifarDataException;
import org.simsiamexplorer.data.CifarDownloader;
import org.simsiamexplorer.data.CifarLocator;
import org.simsiamexplorer.data.DownloadCancelledException;
import org.simsiamexplorer.data.DownloadListener;
import org.simsiamexplorer.data.DownloadProgress;
import org.simsiamexplorer.data.ExpectedChecksums;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Start-tab state: where CIFAR-10 is (or where we looked), downloading it with progress and cancel, and
 * choosing a folder that is validated and remembered. Slow work runs on {@code background}; every property
 * change happens on {@code ui}.
 */
public final class WelcomeViewModel {
    /** Downloads and unpacks CIFAR-10, returning the folder that now holds it. */
    @FunctionalInterface
    public interface Downloader {
        Path download(DownloadListener listener, CancellationToken cancel) throws IOException;
    }

    /** Checks a folder the user chose and returns where the data is inside it, or fails with a clear message. */
    @FunctionalInterface
    public interface FolderValidator {
        Path validate(Path chosen) throws IOException;
    }

    private final ReadOnlyStringWrapper datasetStatus = new ReadOnlyStringWrapper("Looking for CIFAR-10…");
    private final ReadOnlyObjectWrapper<Path> datasetPath = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper downloadProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper downloadText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final Executor background;
    private final Executor ui;
    private final CifarLocator locator;
    private final Downloader downloader;
    private final FolderValidator validator;
    private final DatasetSetting setting;
    private volatile CancellationToken currentDownload;

    /** The real thing: user environment, XDG cache, official download, Preferences. */
    public WelcomeViewModel(Executor background, Executor ui) {
        this(background, ui, CifarLocator.standard(), CifarDownloader.builder().build()::downloadAndExtract,
                WelcomeViewModel::verifyFolder, DatasetSetting.userPreferences());
    }

    public WelcomeViewModel(Executor background, Executor ui, CifarLocator locator, Downloader downloader,
                            FolderValidator validator, DatasetSetting setting) {
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        this.locator = Objects.requireNonNull(locator);
        this.downloader = Objects.requireNonNull(downloader);
        this.validator = Objects.requireNonNull(validator);
        this.setting = Objects.requireNonNull(setting);
    }

    /** Looks for the dataset (remembered folder, SIMSIAM_DATA, cache) off the UI thread. */
    public void refreshDataset() {
        background.execute(() -> {
            CifarLocator.Result result;
            try {
                result = locator.locate(setting.load().orElse(null));
            } catch (RuntimeException e) {
                ui.execute(() -> errorMessage.set("Could not look for CIFAR-10: " + describe(e)));
                return;
            }
            ui.execute(() -> show(result));
        });
    }

    /** Starts downloading CIFAR-10 into the cache unless a download is already running. */
    public void startDownload() {
        if (downloading.get()) {
            return;
        }
        CancellationToken cancel = new CancellationToken();
        currentDownload = cancel;
        downloading.set(true);
        errorMessage.set("");
        downloadProgress.set(-1);
        downloadText.set("Connecting…");
        background.execute(() -> {
            try {
                Path folder = downloader.download(progress -> ui.execute(() -> showProgress(progress)), cancel);
                ui.execute(() -> {
                    downloading.set(false);
                    downloadText.set("Downloaded and verified.");
                    datasetPath.set(folder);
                    datasetStatus.set("CIFAR-10 found at " + folder + " (download cache)");
                });
            } catch (DownloadCancelledException e) {
                ui.execute(() -> {
                    downloading.set(false);
                    downloadText.set(e.getMessage());
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    downloading.set(false);
                    downloadText.set("");
                    errorMessage.set(describe(e));
                });
            }
        });
    }

    /** Asks the running download to stop; the partial file is kept so the next download resumes. */
    public void cancelDownload() {
        CancellationToken cancel = currentDownload;
        if (cancel != null) {
            cancel.cancel();
        }
    }

    /** Validates a folder the user picked and, if it holds CIFAR-10, uses and remembers it. */
    public void chooseFolder(Path chosen) {
        if (chosen == null) {
            return;
        }
        busy.set(true);
        errorMessage.set("");
        datasetStatus.set("Checking " + chosen + "…");
        background.execute(() -> {
            try {
                Path data = validator.validate(chosen);
                setting.save(data);
                ui.execute(() -> {
                    busy.set(false);
                    datasetPath.set(data);
                    datasetStatus.set("CIFAR-10 found at " + data + " (chosen folder, verified)");
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    errorMessage.set(describe(e));
                });
                refreshDataset(); // show again what is (still) available
            }
        });
    }

    /** The default check: the folder must hold all six batch files with their official sizes and MD5s. */
    static Path verifyFolder(Path chosen) throws IOException {
        Path data = CifarLocator.dataAt(chosen).orElseThrow(() -> new CifarDataException("No CIFAR-10 in "
                + chosen + ": choose the " + Cifar10Reader.FOLDER_NAME + " folder (data_batch_1..5.bin, "
                + "test_batch.bin), its parent, or cifar-10-binary.tar.gz."));
        Cifar10Reader.verify(data, ExpectedChecksums.official());
        return data;
    }

    private void show(CifarLocator.Result result) {
        datasetPath.set(result.found().map(CifarLocator.Found::path).orElse(null));
        datasetStatus.set(result.describe());
    }

    private void showProgress(DownloadProgress progress) {
        downloadProgress.set(progress.fraction());
        String done = megabytes(progress.bytes());
        String rate = String.format(Locale.ROOT, "%.1f MB/s", progress.bytesPerSecond() / 1e6);
        downloadText.set(progress.totalBytes() > 0
                ? done + " of " + megabytes(progress.totalBytes()) + " · " + rate
                : done + " · " + rate);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "Unexpected error: " + e.getClass().getSimpleName() : message;
    }

    public ReadOnlyStringProperty datasetStatusProperty() {
        return datasetStatus.getReadOnlyProperty();
    }

    /** The located dataset (folder or tarball), or null while none is known. */
    public ReadOnlyObjectProperty<Path> datasetPathProperty() {
        return datasetPath.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    /** True while a chosen folder is being verified. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Fraction done in [0, 1], or -1 while unknown (an indeterminate progress bar). */
    public ReadOnlyDoubleProperty downloadProgressProperty() {
        return downloadProgress.getReadOnlyProperty();
    }

    /** E.g. "12.3 MB of 170.1 MB · 4.2 MB/s", or how the last download ended. */
    public ReadOnlyStringProperty downloadTextProperty() {
        return downloadText.getReadOnlyProperty();
    }

    /** The last error as a sentence for the user; empty when there is none. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }
}
