package org.simsiamexplorer.app.training;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.simsiamexplorer.service.EpochMetrics;
import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.RunState;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.StepMetrics;
import org.simsiamexplorer.service.TrainingConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runs list reading run directories written by "another process" (the test, through RunDirectory). */
class RunsViewModelTest {
    private static final long NOW = 1_800_000_000_000L;

    @TempDir
    Path runsRoot;
    private final AtomicLong clock = new AtomicLong(NOW);
    private final List<Notice> notices = new ArrayList<>();
    private final FolderMemory memory = FolderMemory.inMemory();
    private RunsViewModel runs;

    @BeforeEach
    void createViewModel() {
        memory.save(runsRoot);
        runs = new RunsViewModel(Runnable::run, Runnable::run, memory, clock::get, notices::add);
    }

    private RunDirectory run(String name, TrainingConfig config, RunState state, long updatedMillis)
            throws IOException {
        RunDirectory run = RunDirectory.create(runsRoot, config.withName(name));
        run.writeStatus(new RunStatus(state, state == RunState.FAILED ? "loss became NaN" : "", 1, 10,
                updatedMillis));
        return run;
    }

    private static StepMetrics step(long step) {
        return new StepMetrics(1, step, (int) step, 100, -0.01 * step, 0.06, 300, 120, 0.02);
    }

    private static EpochMetrics epoch(int epoch, double knn) {
        return new EpochMetrics(epoch, -0.6, 0.02, 1 / Math.sqrt(2048), knn, 30);
    }

    private RunItem item(String name) {
        return runs.runs().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryRunDirectoryWithConfigSummaryAndBestKnn() throws IOException {
        RunDirectory on = run("sg-on", TrainingConfig.cpuDemo(), RunState.FINISHED, NOW);
        on.appendEpoch(epoch(1, 0.31));
        on.appendEpoch(epoch(2, 0.42));
        on.appendEpoch(epoch(3, Double.NaN));
        run("sg-off", TrainingConfig.cpuDemo().withStopGradient(false).withLatentDim(512), RunState.STOPPED, NOW);
        Files.createDirectories(runsRoot.resolve("not-a-run"));

        runs.poll();

        assertEquals(List.of("sg-off", "sg-on"), runs.runs().stream().map(RunItem::name).toList());
        assertEquals("cpu-demo · d2048 · sg on · 5 ep", item("sg-on").configSummaryProperty().get());
        assertEquals("cpu-demo · d512 · sg off · 5 ep", item("sg-off").configSummaryProperty().get());
        assertEquals("42.0 %", item("sg-on").bestKnnTextProperty().get());
        assertEquals("–", item("sg-off").bestKnnTextProperty().get());
        assertEquals(3, item("sg-on").curves().knnAccuracy().size());
        assertTrue(notices.isEmpty(), "runs found finished at start-up are not news");
    }

    /** Each row: the state in status.json, minutes since its last update, the status shown, whether resumable. */
    @ParameterizedTest(name = "{0}, {1} min old -> {2}")
    @CsvSource({
            "RUNNING,  0,   running,                 false",
            "RUNNING,  1,   running,                 false",
            "RUNNING,  3,   interrupted (resumable), true",
            "PAUSED,   1,   paused,                  false",
            "PAUSED,   3,   interrupted (resumable), true",
            "STOPPED,  60,  stopped (resumable),     true",
            "FINISHED, 60,  finished,                false",
            "FAILED,   60,  failed: loss became NaN, false",
    })
    void statusTellsLiveRunsFromInterruptedOnes(RunState state, int minutesOld, String shown, boolean resumable)
            throws IOException {
        long updated = NOW - minutesOld * 60_000L;
        RunDirectory run = run("r", TrainingConfig.cpuDemo(), state, updated);
        run.appendStep(step(1));
        Files.setLastModifiedTime(run.root().resolve(RunDirectory.METRICS), FileTime.fromMillis(updated));
        runs.poll();
        assertEquals(shown, item("r").statusTextProperty().get());
        assertEquals(resumable, item("r").resumableProperty().get());
    }

    @Test
    void aRunWrittenElsewhereIsFollowedLive() throws IOException {
        RunDirectory run = run("cli-run", TrainingConfig.cpuDemo(), RunState.RUNNING, NOW);
        run.appendStep(step(1));
        runs.poll();
        RunItem item = item("cli-run");
        assertEquals(1, item.curves().rawLoss().size());
        int revision = item.revisionProperty().get();

        run.appendStep(step(2));
        run.appendStep(step(3));
        runs.poll();
        assertEquals(3, item.curves().rawLoss().size());
        assertTrue(item.revisionProperty().get() > revision);
        assertEquals("epoch 1 / 5 · step 3 / 100", item.progressTextProperty().get());

        run.appendEpoch(epoch(1, 0.35));
        run.writeStatus(new RunStatus(RunState.FINISHED, "finished 5 epochs", 5, 3, NOW));
        runs.poll();
        assertEquals("finished", item.statusTextProperty().get());
        assertEquals(1, notices.size());
        assertEquals(Notice.Kind.INFO, notices.get(0).kind());
        assertEquals("cli-run", notices.get(0).runName());
    }

    @Test
    void aLineStillBeingWrittenIsReadOnceItIsComplete() throws IOException {
        RunDirectory run = run("partial", TrainingConfig.cpuDemo(), RunState.RUNNING, NOW);
        run.appendStep(step(1));
        Path metrics = run.root().resolve(RunDirectory.METRICS);
        String secondLine = Files.readString(metrics).replace("\"step\":1,", "\"step\":2,").trim();
        Files.writeString(metrics, secondLine.substring(0, 20), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        runs.poll();
        assertEquals(1, item("partial").curves().rawLoss().size());
        Files.writeString(metrics, secondLine.substring(20) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        runs.poll();
        assertEquals(2, item("partial").curves().rawLoss().size());
    }

    @Test
    void aRunThatFailsWhileWatchedPostsItsReason() throws IOException {
        RunDirectory run = run("watched", TrainingConfig.cpuDemo(), RunState.RUNNING, NOW);
        runs.poll();
        run.writeStatus(new RunStatus(RunState.FAILED, "out of memory on GPU 0", 2, 90, NOW));
        runs.poll();
        assertEquals(1, notices.size());
        assertEquals(Notice.Kind.ERROR, notices.get(0).kind());
        assertTrue(notices.get(0).message().contains("out of memory on GPU 0"));
    }

    @Test
    void aDeletedRunDisappearsAndAnUnreadableConfigIsShown() throws IOException {
        RunDirectory gone = run("gone", TrainingConfig.cpuDemo(), RunState.FINISHED, NOW);
        Path broken = Files.createDirectories(runsRoot.resolve("broken"));
        Files.writeString(broken.resolve(RunDirectory.CONFIG), "{ not json");
        runs.poll();
        assertEquals(2, runs.runs().size());
        assertTrue(item("broken").statusTextProperty().get().startsWith("unreadable:"),
                item("broken").statusTextProperty().get());

        Files.delete(gone.root().resolve(RunDirectory.CONFIG));
        runs.poll();
        assertEquals(List.of("broken"), runs.runs().stream().map(RunItem::name).toList());
    }

    @Test
    void choosingAFolderListsItsRunsAndIsRemembered(@TempDir Path other) throws IOException {
        run("here", TrainingConfig.cpuDemo(), RunState.FINISHED, NOW);
        RunDirectory.create(other, TrainingConfig.cpuDemo().withName("there"));
        runs.poll();
        runs.chooseFolder(other);
        assertEquals(List.of("there"), runs.runs().stream().map(RunItem::name).toList());
        assertEquals(other.toAbsolutePath().normalize(), memory.load().orElseThrow());
        RunsViewModel reopened = new RunsViewModel(Runnable::run, Runnable::run, memory, clock::get, n -> { });
        assertEquals(other.toAbsolutePath().normalize(), reopened.folder());
    }

    @Test
    void aMissingFolderIsAnEmptyListWithAHint() {
        runs.chooseFolder(runsRoot.resolve("does-not-exist"));
        assertTrue(runs.runs().isEmpty());
        assertTrue(runs.messageProperty().get().startsWith("No runs in"));
        assertFalse(Files.exists(runsRoot.resolve("does-not-exist")), "looking does not create it");
    }
}
