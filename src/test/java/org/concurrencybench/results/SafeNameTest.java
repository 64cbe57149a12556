package org.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which names are one safe path element as they stand (a host's run id is used so or refused). */
class SafeNameTest {

    @Test
    void aRunIdAsTheSweepMakesItIsSafe() {
        assertTrue(SafeName.isSafe("20261207-101500-dev-2core"));
        assertTrue(SafeName.isSafe("a.b_c-d"));
    }

    @Test
    void anythingThatCouldLeaveItsFolderIsNot() {
        for (String name : new String[] {"..", ".", "../x", "/etc", "a/b", ".hidden", "", "a\u001bb", "a b",
                "x".repeat(SafeName.MAX_LENGTH + 1)}) {
            assertFalse(SafeName.isSafe(name), name);
        }
        assertFalse(SafeName.isSafe(null));
    }
}
