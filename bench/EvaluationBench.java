import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.simsiamexplorer.model.ClassifierHead;
import org.simsiamexplorer.model.Gradients;
import org.simsiamexplorer.model.SimSiamArchitecture;
import org.simsiamexplorer.model.SimSiamLoss;
import org.simsiamexplorer.model.SimSiamNetwork;

import java.util.Arrays;

/**
 * Images per second of the three costs that size an experiment, at one encoder width, on random images (median of
 * several timed batches after a warm-up):
 * "features": backbone inference (the linear probe's one-off feature pass);
 * "finetune": backbone + head forward and backward (one fine-tuning image);
 * "simsiam": two views through backbone, projector and predictor, forward and backward (one pre-training image).
 * Usage: bench/run.sh EvaluationBench [width=0.125] [batch=128] [runs=5] [latent=512]
 */
public class EvaluationBench {
    public static void main(String[] args) {
        double width = args.length > 0 ? Double.parseDouble(args[0]) : 0.125;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int latent = args.length > 3 ? Integer.parseInt(args[3]) : 512;
        Gradients.disableGradModeOnThisThread();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SimSiamNetwork network = SimSiamNetwork.create(SimSiamArchitecture.of(width, latent), manager);
            Block head = ClassifierHead.create(manager, network.architecture().featureSize(), 10);
            Block classifier = ClassifierHead.encoderWithHead(network.backbone(), head);
            ParameterStore store = new ParameterStore(manager, false);
            System.out.printf("width=%s batch=%d latent=%d runs=%d cores=%d%n", width, batch, latent, runs,
                    Runtime.getRuntime().availableProcessors());
            report("features", batch, runs, () -> {
                try (NDManager s = manager.newSubManager()) {
                    network.features(store, s.randomNormal(new Shape(batch, 3, 32, 32))).toFloatArray();
                }
            });
            report("finetune", batch, runs, () -> {
                try (NDManager s = manager.newSubManager();
                     GradientCollector c = manager.getEngine().newGradientCollector()) {
                    NDArray logits = classifier.forward(store, new NDList(s.randomNormal(new Shape(batch, 3, 32, 32))),
                            true).singletonOrThrow();
                    c.backward(logits.logSoftmax(1).mean().neg());
                }
            });
            report("simsiam", batch, runs, () -> {
                try (NDManager s = manager.newSubManager();
                     GradientCollector c = manager.getEngine().newGradientCollector()) {
                    NDList a = network.forward(store, new NDList(s.randomNormal(new Shape(batch, 3, 32, 32))), true);
                    NDList b = network.forward(store, new NDList(s.randomNormal(new Shape(batch, 3, 32, 32))), true);
                    c.backward(SimSiamLoss.of(a.get(2), b.get(2), a.get(1), b.get(1), true));
                }
            });
        }
    }

    private static void report(String name, int batch, int runs, Runnable step) {
        step.run();
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            step.run();
            rates[r] = batch / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf("%-9s median %.0f images/s (min %.0f, max %.0f)%n", name, rates[runs / 2], rates[0],
                rates[runs - 1]);
    }
}
