package org.simsiamexplorer.service;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.simsiamexplorer.model.CosineSchedule;
import org.simsiamexplorer.model.Gradients;
import org.simsiamexplorer.model.MomentumSgd;
import org.simsiamexplorer.model.SimSiamArchitecture;
import org.simsiamexplorer.model.SimSiamLoss;
import org.simsiamexplorer.model.SimSiamNetwork;

import java.util.ArrayList;
import java.util.List;

/**
 * One SimSiam network with its optimizer on one device, and the single training step. Every step runs in its own
 * sub-manager that is closed at the end, so native memory stays flat. Not thread-safe: the thread that creates it
 * owns it (the constructor turns PyTorch's per-thread grad mode off on that thread). Public for benchmarks;
 * the app and the CLI train through {@link TrainingService}.
 */
public final class SimSiamTrainer implements AutoCloseable {
    private static final int EVAL_BATCH = 256;
    private static final int IMAGE_FLOATS = 3 * 32 * 32;

    private final TrainingConfig config;
    private final NDManager manager;
    private final SimSiamNetwork network;
    private final ParameterStore store;
    private final MomentumSgd optimizer;
    private final List<Integer> encoderGroup = new ArrayList<>();
    private final List<Integer> predictorGroup = new ArrayList<>();

    public SimSiamTrainer(TrainingConfig config, Device device) {
        this.config = config;
        Gradients.disableGradModeOnThisThread();
        this.manager = NDManager.newBaseManager(device);
        Engine.getEngine("PyTorch").setRandomSeed((int) config.seed());
        this.network = SimSiamNetwork.create(SimSiamArchitecture.of(config.widthMultiplier(), config.latentDim()),
                manager);
        this.store = new ParameterStore(manager, false);
        List<Parameter> parameters = SimSiamNetwork.trainable(network);
        List<Parameter> predictor = SimSiamNetwork.trainable(network.predictor());
        for (int i = 0; i < parameters.size(); i++) {
            (predictor.contains(parameters.get(i)) ? predictorGroup : encoderGroup).add(i);
        }
        this.optimizer = new MomentumSgd(parameters, config.momentum(), config.weightDecay(), manager);
    }

    SimSiamNetwork network() {
        return network;
    }

    MomentumSgd optimizer() {
        return optimizer;
    }

    NDManager manager() {
        return manager;
    }

    /** Encoder lr at a global step: linear scaling, then cosine decay over all steps of the run. */
    double lr(long globalStep, long totalSteps) {
        return CosineSchedule.lr(config.scaledLr(), globalStep, totalSteps);
    }

    /** The predictor's lr: the encoder's, or the undecayed rate when {@code fixedPredictorLr} is set. */
    double predictorLr(long globalStep, long totalSteps) {
        return config.fixedPredictorLr() ? config.scaledLr() : lr(globalStep, totalSteps);
    }

    /**
     * Forward both views, backward the symmetric loss, update. When the loss is not finite the parameters are
     * left untouched (the caller fails the run).
     */
    public StepOutcome step(TrainingData.ViewPair batch, double lr, double predictorLr) {
        Shape shape = new Shape(batch.size(), 3, 32, 32);
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x1 = scratch.create(batch.view1(), shape);
            NDArray x2 = scratch.create(batch.view2(), shape);
            NDList first;
            double loss;
            Gradients.COLLECTOR_LOCK.lock();
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                first = network.forward(store, new NDList(x1), true);
                NDList second = network.forward(store, new NDList(x2), true);
                NDArray value = SimSiamLoss.of(first.get(2), second.get(2), first.get(1), second.get(1),
                        config.stopGradient());
                collector.backward(value);
                loss = value.getFloat();
            } finally {
                Gradients.COLLECTOR_LOCK.unlock();
            }
            double collapseStd = collapseStd(first.get(1));
            if (!Double.isFinite(loss)) {
                Gradients.zero(SimSiamNetwork.trainable(network));
                return new StepOutcome(loss, collapseStd);
            }
            optimizer.step(encoderGroup, lr, scratch);
            optimizer.step(predictorGroup, predictorLr, scratch);
            return new StepOutcome(loss, collapseStd);
        }
    }

    /** Mean over dimensions of the std over the batch of the L2-normalised z (population std). */
    static double collapseStd(NDArray z) {
        NDArray unit = z.stopGradient().normalize(2, 1, 1e-12);
        NDArray centred = unit.sub(unit.mean(new int[] {0}, true));
        return centred.square().mean(new int[] {0}).sqrt().mean().getFloat();
    }

    /** Backbone features (after global average pooling) of all images, in inference mode; rows x featureSize. */
    float[] features(TrainingData.EvalImages images) {
        int dim = network.architecture().featureSize();
        float[] out = new float[images.size() * dim];
        int row = 0;
        try (TrainingData.EvalBatches batches = images.batches(EVAL_BATCH)) {
            while (batches.hasNext()) {
                float[] batch = batches.next();
                int count = batch.length / IMAGE_FLOATS;
                try (NDManager scratch = manager.newSubManager()) {
                    NDArray x = scratch.create(batch, new Shape(count, 3, 32, 32));
                    float[] rows = network.features(store, x).toFloatArray();
                    System.arraycopy(rows, 0, out, row * dim, rows.length);
                }
                row += count;
            }
        }
        if (row != images.size()) {
            throw new IllegalStateException("the " + images.split() + " images gave " + row + " rows, expected "
                    + images.size());
        }
        return out;
    }

    int featureSize() {
        return network.architecture().featureSize();
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Loss and collapse std of one step. */
    public record StepOutcome(double loss, double collapseStd) {
        public boolean finite() {
            return Double.isFinite(loss);
        }
    }
}
