package org.simsiamexplorer.explain;

import ai.djl.Device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Arithmetic of the forward and backward passes that give {@link DjlClassScoreModel#classGradients} (scores, and so
 * the base value and f(x), stay float32).
 */
public enum GradientPrecision {
    /** Exact reference arithmetic. */
    FLOAT32("float32"),
    /**
     * bfloat16 weights and activations (8-bit mantissa; oneDNN accumulates products in float32). On a CPU with
     * native bfloat16 dot products (AVX512-BF16, AMX) the ResNet's gradients cost about half the CPU time of float32;
     * each gradient is off by a few tenths of a percent, which averages out over the samples (tests and
     * bench/ShapBench measure the effect on completeness).
     */
    BFLOAT16("bfloat16");

    private final String label;

    GradientPrecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * bfloat16 where it is fast: on a CPU whose flags (Linux {@code /proc/cpuinfo}) include {@code avx512_bf16} or
     * {@code amx_bf16}; float32 elsewhere (GPUs, other CPUs, other systems: there PyTorch would emulate bfloat16 or
     * fall back to slow kernels). {@code -Dsimsiam.shap.precision=float32|bfloat16} overrides.
     */
    public static GradientPrecision fastestOn(Device device) {
        String forced = System.getProperty("simsiam.shap.precision", "").trim().toLowerCase(Locale.ROOT);
        for (GradientPrecision precision : values()) {
            if (precision.label.equals(forced)) {
                return precision;
            }
        }
        return Device.Type.CPU.equals(device.getDeviceType()) && cpuHasNativeBfloat16(Path.of("/proc/cpuinfo"))
                ? BFLOAT16 : FLOAT32;
    }

    static boolean cpuHasNativeBfloat16(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("flags") && (hasFlag(line, "avx512_bf16") || hasFlag(line, "amx_bf16"))) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasFlag(String line, String flag) {
        return (" " + line.replace('\t', ' ') + " ").contains(" " + flag + " ");
    }
}
