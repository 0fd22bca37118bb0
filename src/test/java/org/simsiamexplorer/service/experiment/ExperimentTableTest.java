package org.simsiamexplorer.service.experiment;

import org.junit.jupiter.api.Test;
import org.simsiamexplorer.service.evaluation.EvaluationMode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentTableTest {
    private static final ExperimentSpec.Cell ON = new ExperimentSpec.Cell(512, true, null);
    private static final ExperimentSpec.Cell OFF = new ExperimentSpec.Cell(512, false, null);

    private static List<ExperimentRow> rows() {
        return List.of(
                ExperimentRow.ok(ON, EvaluationMode.LINEAR, 3, 28.5, 80.25, 60, 5),
                ExperimentRow.ok(ON, EvaluationMode.FINETUNE, 3, 45.0, 90.0, 60, 50),
                ExperimentRow.ok(OFF, EvaluationMode.LINEAR, 3, 11.0, 52.0, 60, 5),
                ExperimentRow.failed(OFF, EvaluationMode.FINETUNE, "evaluation failed: out of memory"));
    }

    @Test
    void csvHasAHeaderAndOneLinePerRowWithTheStudysValueBesideOurs() {
        List<String> lines = ExperimentTable.csv(rows()).lines().toList();
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).startsWith("latent_dim,stop_gradient,classifier"));
        assertEquals("512,on,linear,3,28.50,80.25,34.10,85.10,,60.0,5.0,\"ok\"", lines.get(1));
        assertTrue(lines.get(4).contains("\"evaluation failed: out of memory\""), lines.get(4));
    }

    @Test
    void markdownShowsOursBesideTheStudyAndStatesTheFindings() {
        String md = ExperimentTable.markdown("Experiment x", "- setting", rows(), 125);
        assertTrue(md.contains("| 512 | on | frozen (linear probe) | 3 | 28.5 | 80.3 | 34.1 | 85.1 |"), md);
        assertTrue(md.contains("| 512 | off | fine-tuned | 0 | – | – | 60.2 | 96.0 |"), md);
        assertTrue(md.contains("Wall time: 2.1 min"), md);
        assertTrue(md.contains("frozen 28.5% vs fine-tuned 45.0% top-1 -> frozen < fine-tuned"), md);
        assertTrue(md.contains("d=512 without stop-gradient: frozen top-1 11.0% (chance is 10%; the study: 10.4%)"),
                md);
    }
}
