package io.openta.runtime.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.openta.runtime.task.Slots;

class SegmentsTest {
    private static final String PLAN = """
            {"phases": ["beta", "group", "gray", "full"], "buckets": 100,
             "accountGroups": {"internal-test": {"accounts": ["100000000001", 100000000002]},
                               "pilot-distributors": {"distributors": ["D01"]}},
             "steps": [
               {"phase": "beta", "step": "beta", "canaryWeight": 10, "accountGroups": ["internal-test"], "buckets": []},
               {"phase": "group", "step": "group", "accountGroups": ["internal-test", "pilot-distributors"]},
               {"phase": "gray", "step": "gray-20", "accountGroups": [], "buckets": [0, 19]},
               {"phase": "gray", "step": "split", "buckets": [[0, 4], [50, 54]]},
               {"phase": "full", "step": "full", "accountGroups": ["internal-test"], "buckets": [0, 99]}]}""";

    @Test
    void resolvesGroupsAndBuckets() {
        Segments s = Segments.parse("segments.json", PLAN);
        assertEquals(List.of("beta", "group", "gray-20", "split", "full"), s.steps());
        Segment beta = s.segment("beta");
        assertEquals(List.of(100000000001L, 100000000002L), beta.accounts());
        assertTrue(beta.slots().isEmpty());
        assertTrue(beta.distributors().isEmpty());
        assertEquals(List.of("D01"), s.segment("group").distributors());
        assertEquals(Slots.COUNT, s.segment("full").slots().size());
    }

    @Test
    void aBucketRangeIsTheSlotsWhoseBucketIsInIt() {
        Segment gray = Segments.parse("segments.json", PLAN).segment("gray-20");
        // bucket = slot * 100 / 1024: buckets 0..19 are slots 0..204
        assertEquals(205, gray.slots().size());
        assertEquals(0, gray.slots().get(0));
        assertEquals(204, gray.slots().get(204));
        for (int slot = 0; slot < Slots.COUNT; slot++) {
            assertEquals(Segment.bucketOf(slot, 100) < 20, gray.slots().contains(slot), "slot " + slot);
        }
        Segment split = Segments.parse("segments.json", PLAN).segment("split");
        assertTrue(split.slots().contains(Segment.slotsOf(50, 50, 100).get(0)));
        assertFalse(split.slots().contains(Segment.slotsOf(5, 5, 100).get(0)));
    }

    @Test
    void theBucketsPartitionTheSlots() {
        int[] perBucket = new int[100];
        for (int slot = 0; slot < Slots.COUNT; slot++) {
            perBucket[Segment.bucketOf(slot, 100)]++;
        }
        for (int n : perBucket) {
            assertTrue(n == 10 || n == 11, "every bucket holds 10 or 11 slots: " + n);
        }
    }

    @Test
    void refusesWithOneLineNamingFileStepAndReason() {
        assertRefused("{\"steps\": [", "segments file f.json: does not parse: ");
        assertRefused("{\"steps\": [{\"step\": \"beta\", \"accountGroups\": [\"nobody\"]}]}",
                "segments file f.json: step beta: account group 'nobody' is not defined (accountGroups defines: )");
        assertRefused("{\"steps\": [{\"step\": \"g\", \"buckets\": [[0, 9], [5, 14]]}]}",
                "segments file f.json: step g: buckets [5,14] overlap [0,9]");
        assertRefused("{\"steps\": [{\"step\": \"g\", \"buckets\": [90, 100]}]}",
                "segments file f.json: step g: buckets [90,100] is not a range within 0..99");
        assertRefused("{\"steps\": [{\"step\": \"g\"}, {\"step\": \"g\"}]}",
                "segments file f.json: step g: is defined twice");
        assertRefused("{\"accountGroups\": {\"t\": {\"accounts\": [\"x1\"]}}, \"steps\": [{\"step\": \"g\"}]}",
                "segments file f.json: account group t: account 'x1' is not a TAAccountID (1 to 12 digits)");
        SegmentsException unknown = assertThrows(SegmentsException.class,
                () -> Segments.parse("f.json", PLAN).segment("gray-7"));
        assertEquals("segments file f.json: step gray-7: is not a step of this file (steps: beta, group, gray-20, "
                + "split, full)", unknown.getMessage());
    }

    /** The rollout chart's plan: release step i starts at canary step 3 * i (setWeight, pause, analysis). */
    @Test
    void aRolloutStepIndexIsInTheStepWithTheGreatestFirstStepIndexAtOrBelowIt() {
        Segments s = Segments.parse("f.json", """
                {"steps": [{"step": "beta", "firstStepIndex": 0}, {"step": "gray-20", "firstStepIndex": 3},
                           {"step": "full", "firstStepIndex": 6}]}""");
        assertEquals(Optional.of("beta"), s.stepAtRolloutIndex(2));
        assertEquals(Optional.of("gray-20"), s.stepAtRolloutIndex(3));
        assertEquals(Optional.of("gray-20"), s.stepAtRolloutIndex(5));
        // past the last canary step (a promoted Rollout): still the last step
        assertEquals(Optional.of("full"), s.stepAtRolloutIndex(9));
        Segments late = Segments.parse("f.json", "{\"steps\": [{\"step\": \"beta\", \"firstStepIndex\": 2}]}");
        assertEquals(Optional.empty(), late.stepAtRolloutIndex(1));

        SegmentsException none = assertThrows(SegmentsException.class,
                () -> Segments.parse("f.json", PLAN).stepAtRolloutIndex(0));
        assertTrue(none.getMessage().startsWith("segments file f.json: no step carries firstStepIndex"),
                none.getMessage());
        assertRefused("{\"steps\": [{\"step\": \"a\", \"firstStepIndex\": 0}, {\"step\": \"b\", "
                + "\"firstStepIndex\": 0}]}", "segments file f.json: step b: firstStepIndex 0 is also step a's");
        assertRefused("{\"steps\": [{\"step\": \"a\", \"firstStepIndex\": -3}]}",
                "segments file f.json: step a: firstStepIndex -3 is not a Rollout step index");
    }

    private static void assertRefused(String text, String messageStart) {
        SegmentsException e = assertThrows(SegmentsException.class, () -> Segments.parse("f.json", text));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
