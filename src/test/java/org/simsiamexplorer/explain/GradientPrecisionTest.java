package org.simsiamexplorer.explain;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GradientPrecisionTest {
    @TempDir
    Path folder;

    @Test
    void aCpuWithAvx512Bf16OrAmxHasNativeBfloat16() throws IOException {
        assertTrue(GradientPrecision.cpuHasNativeBfloat16(cpuinfo("fpu sse2 avx512f avx512_bf16 avx512_vnni")));
        assertTrue(GradientPrecision.cpuHasNativeBfloat16(cpuinfo("fpu avx512f amx_bf16 amx_tile")));
    }

    @Test
    void aCpuWithoutThemOrAnUnreadableFileHasNot() throws IOException {
        assertFalse(GradientPrecision.cpuHasNativeBfloat16(cpuinfo("fpu sse2 avx2 avx512f avx512_bf16x")));
        assertFalse(GradientPrecision.cpuHasNativeBfloat16(folder.resolve("missing")));
    }

    @Test
    void thePropertyOverridesTheHardwareChoice() {
        String previous = System.getProperty("simsiam.shap.precision");
        try {
            System.setProperty("simsiam.shap.precision", "float32");
            assertEquals(GradientPrecision.FLOAT32, GradientPrecision.fastestOn(Device.cpu()));
            System.setProperty("simsiam.shap.precision", "bfloat16");
            assertEquals(GradientPrecision.BFLOAT16, GradientPrecision.fastestOn(Device.cpu()));
        } finally {
            if (previous == null) {
                System.clearProperty("simsiam.shap.precision");
            } else {
                System.setProperty("simsiam.shap.precision", previous);
            }
        }
    }

    private Path cpuinfo(String flags) throws IOException {
        Path file = Files.createTempFile(folder, "cpuinfo", "");
        Files.writeString(file, "processor\t: 0\nmodel name\t: test\nflags\t\t: " + flags + "\n\n");
        return file;
    }
}
