package org.simsiamexplorer.cli;

import org.junit.jupiter.api.Test;
import org.simsiamexplorer.service.TrainingConfig;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {

    private static TrainingConfig configOf(String line) throws UsageException {
        return TrainCommand.configFrom(CliArguments.parse(List.of(line.split(" ")), TrainCommand.OPTIONS,
                TrainCommand.FLAGS));
    }

    @Test
    void fixedPredictorLrFlagKeepsThePredictorsRateAndMarksTheConfigCustom() throws UsageException {
        TrainingConfig config = configOf("--preset cpu-demo --fixed-predictor-lr");
        assertTrue(config.fixedPredictorLr());
        assertEquals("cpu-demo+custom", config.preset());
        assertFalse(configOf("--preset cpu-demo").fixedPredictorLr());
    }

    @Test
    void knnOptionsSetTheMonitorsIntervalAndMemoryBank() throws UsageException {
        TrainingConfig config = configOf("--preset cpu-demo --knn-every 2 --knn-bank 1000");
        assertEquals(2, config.knnEvery());
        assertEquals(1000, config.knnTrainSubset());
        assertEquals(TrainingConfig.cpuDemo().knnTrainSubset(), configOf("--preset cpu-demo --knn-every 3")
                .knnTrainSubset());
    }
}
