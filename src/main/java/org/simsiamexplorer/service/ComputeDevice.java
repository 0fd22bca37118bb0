package org.simsiamexplorer.service;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Which compute device training will use, as DJL sees it. Loading the engine happens here once so that the
 * UI and the CLI never touch {@code ai.djl} themselves.
 */
public record ComputeDevice(String engineName, String engineVersion, boolean gpu, String deviceName) {

    /** Label for a status bar, e.g. "CPU · PyTorch 2.0.1" or "GPU 0 (CUDA) · PyTorch 2.0.1". */
    public String label() {
        return deviceName + " · " + engineName + " " + engineVersion;
    }

    /** Probes the PyTorch engine; never reaches the network (the app sets {@code offline=true}). */
    public static ComputeDevice detect() {
        Engine engine = Engine.getEngine("PyTorch");
        int gpus = engine.getGpuCount();
        String name = gpus > 0 ? "GPU 0 of " + gpus + " (CUDA " + cudaVersionOrUnknown() + ")" : "CPU";
        return new ComputeDevice(engine.getEngineName(), engine.getVersion(), gpus > 0, name);
    }

    /** Falls back to a readable message instead of an exception when the native engine cannot load. */
    public static ComputeDevice detectOrUnavailable() {
        try {
            return detect();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return new ComputeDevice("PyTorch", "unavailable", false, "no engine (" + e.getMessage() + ")");
        }
    }

    /** The DJL device for a setting of "auto", "cpu" or "gpu". */
    static Device resolve(String setting) {
        return switch (setting.toLowerCase(java.util.Locale.ROOT)) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (Engine.getEngine("PyTorch").getGpuCount() == 0) {
                    throw new IllegalArgumentException("device=gpu was requested but PyTorch sees no GPU;"
                            + " use device=auto or cpu, or install the CUDA build (mvn -Pcuda)");
                }
                yield Device.gpu();
            }
            case "auto" -> Engine.getEngine("PyTorch").defaultDevice();
            default -> throw new IllegalArgumentException(
                    "unknown device '" + setting + "': expected auto, cpu or gpu");
        };
    }

    private static String cudaVersionOrUnknown() {
        try {
            return ai.djl.util.cuda.CudaUtils.getCudaVersionString();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
