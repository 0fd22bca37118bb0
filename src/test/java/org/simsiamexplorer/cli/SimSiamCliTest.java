package org.simsiamexplorer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.simsiamexplorer.service.EpochMetrics;
import org.simsiamexplorer.service.KnnScorer;
import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.RunState;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.SimSiamTrainingService;
import org.simsiamexplorer.service.TrainingConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimSiamCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final SimSiamCli cli = new SimSiamCli(new CliContext(new PrintStream(out, true), new PrintStream(err, true),
            () -> new SimSiamTrainingService(config -> {
                throw new IOException("CIFAR-10 folder /nowhere does not exist");
            }, KnnScorer.UNAVAILABLE), false));

    @TempDir
    Path runs;

    @Test
    void helpListsEveryCommand() {
        assertEquals(ExitCodes.OK, cli.run("--help"));
        for (String command : new String[] {"train", "resume", "status", "evaluate", "experiment", "embed", "explain"}) {
            assertTrue(out().contains("  " + command + " "), out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"embed", "explain"})
    void commandsOfOtherPartsSayTheyAreNotYetAvailable(String command) {
        assertEquals(ExitCodes.NOT_AVAILABLE, cli.run(command));
        assertTrue(err().contains("not yet available"), err());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "train|--preset is required",
            "train --preset huge|unknown preset 'huge'",
            "train --preset cpu-demo --batch many|--batch must be a whole number",
            "train --preset cpu-demo --stop-gradient maybe|--stop-gradient must be on or off",
            "train --preset cpu-demo --colour red|unknown option --colour",
            "status|--run is required",
            "evaluate --mode linear|--run is required",
            "evaluate --run x|--mode is required",
            "evaluate --run x --mode svm|unknown evaluation mode 'svm'",
            "evaluate --run x --mode linear --epochs 0|epochs must be at least 1",
            "experiment --out x|--spec is required",
            "fly|unknown command 'fly'"})
    void aWrongCommandLineExplainsWhatIsWrong(String line, String message) {
        assertEquals(ExitCodes.USAGE, cli.run(line.split(" ")));
        assertTrue(err().contains(message), err());
    }

    @Test
    void anInvalidConfigurationListsEveryProblemAndCreatesNoRun() {
        int code = cli.run("train", "--preset", "cpu-demo", "--latent", "100", "--epochs", "0", "--runs",
                runs.toString());
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err().contains("latent size must be one of") && err().contains("epochs must be at least 1"), err());
        assertFalse(Files.exists(runs.resolve("cpu-demo")));
    }

    @Test
    void aMissingDatasetIsReportedAndCreatesNoRun() {
        assertEquals(ExitCodes.FAILED, cli.run("train", "--preset", "cpu-demo", "--runs", runs.toString()));
        assertTrue(err().contains("/nowhere does not exist"), err());
        assertFalse(Files.exists(runs.resolve("cpu-demo")));
    }

    @Test
    void statusShowsStateEpochsAndAStaleHeartbeat() throws IOException {
        RunDirectory run = RunDirectory.create(runs, TrainingConfig.cpuDemo().withName("old"));
        run.writeStatus(new RunStatus(RunState.RUNNING, "running", 2, 40, System.currentTimeMillis() - 3_600_000));
        run.appendEpoch(new EpochMetrics(1, -0.61, 0.019, 0.0221, 0.3412, 55));
        assertEquals(ExitCodes.OK, cli.run("status", "--run", run.root().toString()));
        assertTrue(out().contains("RUNNING at epoch 2, step 40"), out());
        assertTrue(out().contains("probably died"), out());
        assertTrue(out().contains("34.12%"), out());
    }

    @Test
    void statusOfAFolderThatIsNoRunSaysSo() {
        assertEquals(ExitCodes.FAILED, cli.run("status", "--run", runs.toString()));
        assertTrue(err().contains("is not a run directory"), err());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
