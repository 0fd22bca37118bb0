package org.simsiamexplorer.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunDirectoryTest {
    @TempDir
    Path runs;

    @Test
    void configRoundTripsThroughJson() throws IOException {
        TrainingConfig config = TrainingConfig.cpuDemo().withName("a").withStopGradient(false);
        RunDirectory run = RunDirectory.create(runs, config);
        assertEquals(config, new RunDirectory(run.root()).readConfig());
    }

    @Test
    void creatingARunThatExistsIsRefused() throws IOException {
        RunDirectory.create(runs, TrainingConfig.cpuDemo().withName("a"));
        IOException e = assertThrows(IOException.class,
                () -> RunDirectory.create(runs, TrainingConfig.cpuDemo().withName("a")));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void metricsAreReadBackInOrderWithNaNKept() throws IOException {
        RunDirectory run = RunDirectory.create(runs, TrainingConfig.cpuDemo().withName("m"));
        run.appendStep(new StepMetrics(0, 1, 1, 10, 0.5, 0.01, 30, 100, 0.02));
        run.appendEpoch(new EpochMetrics(0, -0.4, 0.02, 0.022, Double.NaN, 12));
        run.appendStep(new StepMetrics(1, 2, 1, 10, -0.6, 0.009, 31, 90, 0.02));
        RunDirectory.Metrics metrics = run.readMetrics();
        assertEquals(2, metrics.steps().size());
        assertEquals(-0.6, metrics.steps().get(1).loss());
        assertTrue(Double.isNaN(metrics.epochs().get(0).knnTop1()));
    }

    @Test
    void stepsRepeatedByAResumeAfterAKillReplaceTheEarlierRecords() throws IOException {
        RunDirectory run = RunDirectory.create(runs, TrainingConfig.cpuDemo().withName("rewound"));
        for (long step = 1; step <= 4; step++) {
            run.appendStep(new StepMetrics(1, step, (int) step, 10, -0.1 * step, 0.01, 30, 100, 0.02));
        }
        run.appendStep(new StepMetrics(1, 3, 3, 10, -0.33, 0.01, 30, 100, 0.02));
        run.appendStep(new StepMetrics(1, 4, 4, 10, -0.44, 0.01, 30, 100, 0.02));
        run.appendStep(new StepMetrics(1, 5, 5, 10, -0.55, 0.01, 30, 100, 0.02));

        List<StepMetrics> steps = run.readMetrics().steps();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), steps.stream().map(StepMetrics::step).toList());
        assertEquals(-0.33, steps.get(2).loss());
    }

    @Test
    void aHalfWrittenLastLineIsLeftForTheNextRead() throws IOException {
        RunDirectory run = RunDirectory.create(runs, TrainingConfig.cpuDemo().withName("f"));
        run.appendStep(new StepMetrics(0, 1, 1, 10, 0.5, 0.01, 30, 100, 0.02));
        Files.writeString(run.root().resolve(RunDirectory.METRICS), "{\"type\":\"step\",\"epo",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RunDirectory.MetricsChunk first = run.readMetricsFrom(0);
        assertEquals(1, first.metrics().steps().size());
        Files.writeString(run.root().resolve(RunDirectory.METRICS),
                "ch\":0,\"step\":2,\"stepInEpoch\":2,\"stepsPerEpoch\":10,\"loss\":0.25,\"lr\":0.01,"
                        + "\"imagesPerSecond\":1,\"etaSeconds\":1}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RunDirectory.MetricsChunk second = run.readMetricsFrom(first.nextOffset());
        assertEquals(1, second.metrics().steps().size());
        assertEquals(0.25, second.metrics().steps().get(0).loss());
    }

    @Test
    void aDirectoryWithoutConfigIsReportedAsNotARun() {
        IOException e = assertThrows(IOException.class, () -> new RunDirectory(runs).readConfig());
        assertTrue(e.getMessage().contains("not a run directory"), e.getMessage());
    }

    @Test
    void featureSetsRoundTripAndTheLatestIsFound() throws IOException {
        Path folder = runs.resolve("features");
        new FeatureSet("test", 1, 2, 3, new int[]{0, 1}, new float[]{1, 2, 3, 4, 5, 6}, new byte[]{3, 7})
                .write(folder);
        FeatureSet later = new FeatureSet("test", 12, 2, 3, new int[]{4, 9}, new float[]{6, 5, 4, 3, 2, 1},
                new byte[]{1, 2});
        later.write(folder);
        String latest = FeatureSet.latest(folder, "test").orElseThrow();
        FeatureSet read = FeatureSet.read(folder, latest);
        assertEquals(12, read.epoch());
        assertArrayEquals(later.values(), read.values());
        assertArrayEquals(later.labels(), read.labels());
        assertArrayEquals(later.datasetIndices(), read.datasetIndices());
    }

    @Test
    void truncatedFeaturesAreRefusedWithAClearMessage() throws IOException {
        Path folder = runs.resolve("features");
        FeatureSet set = new FeatureSet("test", 1, 2, 3, new int[]{0, 1}, new float[6], new byte[2]);
        set.write(folder);
        Files.write(folder.resolve(set.stem() + ".f32"), new byte[5]);
        IOException e = assertThrows(IOException.class, () -> FeatureSet.read(folder, set.stem()));
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
    }
}
