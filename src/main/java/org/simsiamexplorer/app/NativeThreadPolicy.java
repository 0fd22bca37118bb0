package org.simsiamexplorer.app;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * PyTorch's OpenMP workers spin while they wait for work unless {@code OMP_WAIT_POLICY=PASSIVE} is in the process
 * environment when libtorch (and with it libgomp) loads. On a machine shared with other programs the spinning made
 * training and explanations 2-4x slower (docs/ARCHITECTURE.md); on an idle one passive waiting cost nothing
 * measurable. {@code scripts/simsiam} exports it; the app and its jpackage launchers can not set environment
 * variables, so this sets it in the native environment through libc before anything loads the engine. A policy the
 * user chose is kept.
 */
final class NativeThreadPolicy {
    static final String VARIABLE = "OMP_WAIT_POLICY";

    private NativeThreadPolicy() {
    }

    /** True when the native environment now asks for passive waiting (set here or by the user). */
    static boolean preferPassiveWaiting() {
        try {
            C libc = Native.load("c", C.class);
            String chosen = libc.getenv(VARIABLE);
            return chosen != null ? "PASSIVE".equalsIgnoreCase(chosen) : libc.setenv(VARIABLE, "PASSIVE", 0) == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // no libc setenv (Windows): spinning workers, as PyTorch's default
        }
    }

    static String nativeValue() {
        try {
            return Native.load("c", C.class).getenv(VARIABLE);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    interface C extends Library {
        String getenv(String name);

        int setenv(String name, String value, int overwrite);
    }
}
