package org.simsiamexplorer.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.service.evaluation.EvaluationListener;
import org.simsiamexplorer.service.evaluation.EvaluationMode;
import org.simsiamexplorer.service.evaluation.EvaluationStore;
import org.simsiamexplorer.service.evaluation.SyntheticImages;
import org.simsiamexplorer.service.experiment.ExperimentRow;
import org.simsiamexplorer.service.experiment.ExperimentRunner;
import org.simsiamexplorer.service.experiment.ExperimentSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentRunnerTest {
    @TempDir
    Path out;

    private static ExperimentSpec tinySpec() {
        return new ExperimentSpec("tiny", "two tiny cells", "cpu-demo", "cpu", 7L, null,
                new ExperimentSpec.Grid(List.of(32), List.of(true, false)), null, List.of("linear", "finetune"),
                new ExperimentSpec.Pretrain(1, 8, null, null, null, 0.0625, 0, 0, 0),
                new ExperimentSpec.Stage(3, 8, null, null, null, null, null),
                new ExperimentSpec.Stage(1, 10, null, null, null, null, null));
    }

    @Test
    void everyCellIsPretrainedOnceAndEvaluatedBothWaysAndTheTablesAreWritten() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        ExperimentRunner runner = new ExperimentRunner(
                new SimSiamTrainingService(SyntheticTrainingData.factory(2), KnnScorer.UNAVAILABLE), log::add,
                EvaluationListener.NONE);
        List<ExperimentRow> rows = runner.run(tinySpec(), out, SyntheticImages.cifarLike(2, 2));

        assertEquals(4, rows.size());
        for (ExperimentRow row : rows) {
            assertEquals("ok", row.status());
            assertTrue(row.top5() >= row.top1());
            assertEquals(1, row.pretrainEpochs());
        }
        assertEquals(30.8, rows.get(0).studyTop1()); // d = 32 with stop-gradient: the study's frozen value
        assertTrue(Double.isNaN(rows.get(2).studyTop1())); // d = 32 without stop-gradient is not in the study
        for (String cell : List.of("d32-sg-on", "d32-sg-off")) {
            Path run = out.resolve("runs").resolve(cell);
            assertTrue(EvaluationStore.exists(run, EvaluationMode.LINEAR), cell);
            assertTrue(EvaluationStore.exists(run, EvaluationMode.FINETUNE), cell);
        }
        assertEquals(5, Files.readAllLines(out.resolve("results.csv")).size());
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("| 32 | off | fine-tuned | 1 |"), md);

        List<ExperimentRow> again = runner.run(tinySpec(), out, SyntheticImages.cifarLike(2, 2));
        assertEquals(rows.stream().map(ExperimentRow::top1).toList(), again.stream().map(ExperimentRow::top1).toList());
        assertTrue(log.stream().anyMatch(l -> l.contains("already pre-trained")), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.contains("reusing the stored evaluation")), String.join("\n", log));
    }
}
