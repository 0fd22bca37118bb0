package org.simsiamexplorer.service.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.simsiamexplorer.service.TrainingConfig;
import org.simsiamexplorer.service.evaluation.EvaluationConfig;
import org.simsiamexplorer.service.evaluation.EvaluationMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentSpecTest {
    @TempDir
    Path folder;

    @Test
    void theShippedStudySpecHasTheStudysSettingAndEveryPublishedCell() throws IOException {
        ExperimentSpec spec = ExperimentSpec.read(Path.of("specs/study-full.json"));
        List<ExperimentSpec.Cell> cells = spec.cells();
        for (StudyReference.Published published : StudyReference.TABLE) {
            assertTrue(cells.stream().anyMatch(c -> c.latentDim() == published.latentDim()
                    && c.stopGradient() == published.stopGradient()), "no cell for " + published);
        }
        TrainingConfig d512 = spec.trainingConfig(cells.get(0));
        assertEquals(16, d512.batchSize());
        assertEquals(50, d512.epochs());
        assertEquals(1.0, d512.widthMultiplier());
        assertEquals(0, d512.trainSubset());
        TrainingConfig d2048 = spec.trainingConfig(cells.stream().filter(c -> c.latentDim() == 2048)
                .findFirst().orElseThrow());
        assertEquals(400, d2048.epochs());
        EvaluationConfig finetune = spec.evaluationConfig(EvaluationMode.FINETUNE);
        assertEquals(50, finetune.epochs());
        assertEquals(16, finetune.batchSize());
        assertEquals(0.05, finetune.learningRate());
        assertEquals(0, finetune.trainSubset());
    }

    @Test
    void theShippedCpuSpecIsNarrowAndUsesSubsetsButKeepsTheStudysCells() throws IOException {
        ExperimentSpec spec = ExperimentSpec.read(Path.of("specs/cpu-small.json"));
        assertEquals(List.of("d512-sg-on", "d512-sg-off", "d128-sg-on", "d32-sg-on", "d2-sg-on"),
                spec.cells().stream().map(ExperimentSpec.Cell::runName).toList());
        TrainingConfig config = spec.trainingConfig(spec.cells().get(1));
        assertTrue(config.widthMultiplier() <= 0.25);
        assertTrue(config.trainSubset() > 0);
        assertEquals(false, config.stopGradient());
        assertEquals("d512-sg-off", config.name());
        assertTrue(spec.evaluationConfig(EvaluationMode.FINETUNE).trainSubset() > 0);
    }

    @Test
    void theMeasuredTinySpecIsValidAndSmallerThanTheSmallOne() throws IOException {
        ExperimentSpec tiny = ExperimentSpec.read(Path.of("specs/cpu-tiny.json"));
        ExperimentSpec small = ExperimentSpec.read(Path.of("specs/cpu-small.json"));
        TrainingConfig t = tiny.trainingConfig(tiny.cells().get(0));
        TrainingConfig s = small.trainingConfig(small.cells().get(0));
        assertTrue((long) t.epochs() * t.trainSubset() < (long) s.epochs() * s.trainSubset());
        assertEquals(small.cells(), tiny.cells());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "latent size 7 is refused; {\"grid\": {\"latentDims\": [7]}}; latent size must be one of",
            "no cells; {\"modes\": [\"linear\"]}; no cells",
            "unknown mode; {\"grid\": {\"latentDims\": [32]}, \"modes\": [\"svm\"]}; unknown evaluation mode",
            "bad epochs; {\"grid\": {\"latentDims\": [32]}, \"linear\": {\"epochs\": 0}}; epochs must be at least 1",
            "not JSON; {\"grid\": ; not valid JSON"})
    void badSpecsAreRefusedWithAMessage(String what, String json, String expected) throws IOException {
        Path file = folder.resolve("spec.json");
        Files.writeString(file, json);
        IOException e = assertThrows(IOException.class, () -> ExperimentSpec.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void studyReferenceHasElevenCellsAndFindsThemByLatentSizeStopGradientAndMode() {
        assertEquals(11, StudyReference.TABLE.size());
        assertEquals(10.4, StudyReference.lookup(512, false, EvaluationMode.LINEAR).orElseThrow().top1());
        assertEquals(62.7, StudyReference.lookup(2, true, EvaluationMode.FINETUNE).orElseThrow().top1());
        assertTrue(StudyReference.lookup(2048, true, EvaluationMode.FINETUNE).isEmpty());
    }
}
