package org.simsiamexplorer.explain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TorchScriptCastTest {
    @Test
    void bfloat16KeepsEightSignificantBitsAndTheWayBackIsExact() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             TorchScriptCast cast = new TorchScriptCast(manager)) {
            NDArray x = manager.create(new float[] {1.00390625f, 3.3f, -1e-3f, 65280f});

            NDArray roundTrip = cast.toFloat32(cast.toBfloat16(x));

            // 1 + 2^-8 is a tie between 1 and 1 + 2^-7: to even; 3.3 -> 3.296875; 65280 = 255 * 256 is exact
            assertArrayEquals(new float[] {1f, 3.296875f, -0.00099945068359375f, 65280f}, roundTrip.toFloatArray());
        }
    }

    @Test
    void gradientsFlowBackThroughBothCasts() {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             TorchScriptCast cast = new TorchScriptCast(manager)) {
            NDArray x = manager.create(new float[] {0.5f, -2f, 7f});
            x.setRequiresGradient(true);

            NDArray y = cast.toFloat32(cast.toBfloat16(x).mul(3)).sum();
            JniUtils.backward((PtNDArray) y, (PtNDArray) manager.ones(y.getShape()), false, false);

            assertArrayEquals(new float[] {3f, 3f, 3f}, x.getGradient().toFloatArray());
            assertEquals(16.5f, y.getFloat());
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }
}
