package org.concurrencybench.report.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.concurrencybench.results.MachineInfo;
import org.junit.jupiter.api.Test;

/** The rounds clause of a report's run line: why the rounds stopped, in words, never the sweep's enum name. */
class CompletenessTest {

    private static String why(String stoppedBy) {
        return Completeness.rounds(new MachineInfo.Rounds(1, 3, 6, 0.02, 3, stoppedBy, List.of("a", "b")));
    }

    @Test
    void everyWayARunStopsIsSaidInWords() {
        assertEquals(" in 3 rounds (at least 3, at most 6, stopped by the time limit on rounds past the least (another"
                + " round would have ended after it); 2 cells short of 2.00%)", why("time_limit"));
        for (String stoppedBy : List.of("precision", "max_rounds", "out_of_reach", "budget", "time_limit", "some_new_one")) {
            assertFalse(why(stoppedBy).contains("_"), stoppedBy + ": " + why(stoppedBy));
        }
    }
}
