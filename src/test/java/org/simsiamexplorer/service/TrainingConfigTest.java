package org.simsiamexplorer.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingConfigTest {
    @ParameterizedTest
    @ValueSource(strings = {"paper", "study", "cpu-demo"})
    void everyPresetIsValid(String preset) {
        assertEquals(List.of(), TrainingConfig.preset(preset).validate());
    }

    @Test
    void lrScalesLinearlyWithBatchSize() {
        assertEquals(0.03 * 512 / 256, TrainingConfig.paper().scaledLr(), 1e-12);
    }

    @Test
    void invalidValuesAreAllReported() {
        TrainingConfig bad = TrainingConfig.cpuDemo().withName("bad name!").withLatentDim(100).withEpochs(0)
                .withBatchSize(1).withBaseLr(Double.NaN).withDevice("tpu");
        List<String> problems = bad.validate();
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("latent size")));
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.preset("x"));
        assertTrue(e.getMessage().contains("cpu-demo"));
    }
}
