package org.simsiamexplorer.app.welcome;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.data.CifarDataException;
import org.simsiamexplorer.data.CifarLocator;
import org.simsiamexplorer.data.DownloadCancelledException;
import org.simsiamexplorer.data.DownloadProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WelcomeViewModelTest {
    private static final Executor CURRENT_THREAD = Runnable::run;

    @TempDir
    Path temp;

    private final FakeSetting setting = new FakeSetting();

    private static final class FakeSetting implements DatasetSetting {
        Path saved;

        @Override
        public Optional<Path> load() {
            return Optional.ofNullable(saved);
        }

        @Override
        public void save(Path folder) {
            saved = folder;
        }
    }

    private CifarLocator emptyLocator() {
        return new CifarLocator(name -> null, temp.resolve("cache"));
    }

    private WelcomeViewModel viewModel(WelcomeViewModel.Downloader downloader,
                                       WelcomeViewModel.FolderValidator validator) {
        return new WelcomeViewModel(CURRENT_THREAD, CURRENT_THREAD, emptyLocator(), downloader, validator, setting);
    }

    private static void fakeBatchFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String file : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            Files.write(folder.resolve(file), new byte[] {0});
        }
    }

    @Test
    void missingDatasetSaysWhereItLooked() {
        WelcomeViewModel model = viewModel((listener, cancel) -> null, chosen -> chosen);

        model.refreshDataset();

        assertNull(model.datasetPathProperty().get());
        assertTrue(model.datasetStatusProperty().get().contains("not found"), model.datasetStatusProperty().get());
        assertTrue(model.datasetStatusProperty().get().contains(temp.resolve("cache").toString()));
    }

    @Test
    void aRememberedFolderIsFoundFirst() throws IOException {
        Path remembered = temp.resolve("mine/cifar-10-batches-bin");
        fakeBatchFolder(remembered);
        setting.saved = remembered;
        WelcomeViewModel model = viewModel((listener, cancel) -> null, chosen -> chosen);

        model.refreshDataset();

        assertEquals(remembered, model.datasetPathProperty().get());
        assertTrue(model.datasetStatusProperty().get().contains("chosen path"), model.datasetStatusProperty().get());
    }

    @Test
    void downloadReportsBytesTotalAndSpeedThenTheFolder() {
        Path folder = temp.resolve("cache/cifar-10-batches-bin");
        List<String> texts = new ArrayList<>();
        WelcomeViewModel model = viewModel((listener, cancel) -> {
            listener.onProgress(new DownloadProgress(50_000_000, 170_000_000, 2_500_000));
            return folder;
        }, chosen -> chosen);
        model.downloadTextProperty().addListener((obs, old, text) -> texts.add(text));

        model.startDownload();

        assertTrue(texts.contains("50.0 MB of 170.0 MB · 2.5 MB/s"), texts.toString());
        assertEquals(folder, model.datasetPathProperty().get());
        assertFalse(model.downloadingProperty().get());
        assertEquals("", model.errorMessageProperty().get());
    }

    @Test
    void progressFractionFollowsTheDownload() {
        List<Number> fractions = new ArrayList<>();
        WelcomeViewModel model = viewModel((listener, cancel) -> {
            listener.onProgress(new DownloadProgress(25, 100, 1));
            return temp;
        }, chosen -> chosen);
        model.downloadProgressProperty().addListener((obs, old, value) -> fractions.add(value));

        model.startDownload();

        assertEquals(List.of(-1.0, 0.25), fractions);
    }

    @Test
    void cancelReachesTheRunningDownloadAndIsNotAnError() {
        List<WelcomeViewModel> holder = new ArrayList<>();
        WelcomeViewModel model = viewModel((listener, cancel) -> {
            holder.get(0).cancelDownload(); // the user presses Cancel mid-download
            if (cancel.isCancelled()) {
                throw new DownloadCancelledException("Download cancelled. The partial file is kept.");
            }
            return temp;
        }, chosen -> chosen);
        holder.add(model);

        model.startDownload();

        assertEquals("Download cancelled. The partial file is kept.", model.downloadTextProperty().get());
        assertEquals("", model.errorMessageProperty().get());
        assertFalse(model.downloadingProperty().get());
        assertNull(model.datasetPathProperty().get());
    }

    @Test
    void aFailedDownloadShowsItsMessageNotAStackTrace() {
        WelcomeViewModel model = viewModel((listener, cancel) -> {
            throw new CifarDataException("The downloaded cifar-10-binary.tar.gz failed its MD5 check.");
        }, chosen -> chosen);

        model.startDownload();

        assertEquals("The downloaded cifar-10-binary.tar.gz failed its MD5 check.",
                model.errorMessageProperty().get());
        assertFalse(model.downloadingProperty().get());
    }

    @Test
    void aValidChosenFolderIsUsedAndRemembered() {
        Path chosen = temp.resolve("picked");
        Path inside = chosen.resolve("cifar-10-batches-bin");
        WelcomeViewModel model = viewModel((listener, cancel) -> null, folder -> inside);

        model.chooseFolder(chosen);

        assertEquals(inside, model.datasetPathProperty().get());
        assertEquals(inside, setting.saved);
        assertTrue(model.datasetStatusProperty().get().contains(inside.toString()));
        assertFalse(model.busyProperty().get());
    }

    @Test
    void anInvalidChosenFolderIsNotRememberedAndExplainsWhy() {
        WelcomeViewModel model = viewModel((listener, cancel) -> null, folder -> {
            throw new CifarDataException("data_batch_2.bin failed its MD5 check: expected a, actual b.");
        });

        model.chooseFolder(temp.resolve("wrong"));

        assertNull(setting.saved);
        assertEquals("data_batch_2.bin failed its MD5 check: expected a, actual b.",
                model.errorMessageProperty().get());
        assertTrue(model.datasetStatusProperty().get().contains("not found"), model.datasetStatusProperty().get());
    }

    @Test
    void theDefaultValidatorRejectsAFolderWithoutCifar() {
        CifarDataException error = org.junit.jupiter.api.Assertions.assertThrows(CifarDataException.class,
                () -> WelcomeViewModel.verifyFolder(temp));

        assertTrue(error.getMessage().contains(temp.toString()), error.getMessage());
    }
}
