package org.simsiamexplorer.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeThreadPolicyTest {

    @Test
    void passiveWaitingReachesTheNativeEnvironmentUnlessTheUserChoseAPolicy() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "libc setenv: Linux");
        String chosen = System.getenv(NativeThreadPolicy.VARIABLE);
        boolean passive = NativeThreadPolicy.preferPassiveWaiting();
        if (chosen == null) {
            assertTrue(passive);
            assertEquals("PASSIVE", NativeThreadPolicy.nativeValue());
        } else {
            assertEquals(chosen, NativeThreadPolicy.nativeValue(), "the user's policy is kept");
            assertEquals("PASSIVE".equalsIgnoreCase(chosen), passive);
        }
    }
}
