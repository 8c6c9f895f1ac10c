package io.openta.runtime.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LaneFilterTest {
    private static final Segment SEGMENT = new Segment("group", List.of(1, 2), List.of(7L), List.of("D01"));

    @Test
    void allIsNoConditionAndNoParameter() {
        assertEquals("TRUE", LaneFilter.ALL.sql(4, "t.slot", "t.ta_account_id"));
        assertArrayEquals(new Object[] { "d", 1 }, LaneFilter.ALL.args("d", 1));
    }

    @Test
    void stableIsTheNegationOfCanaryOverTheSameParameters() {
        String canary = new LaneFilter(Lane.CANARY, SEGMENT).sql(4, "t.slot", "t.ta_account_id");
        assertEquals("(t.slot = ANY($4::int[]) OR coalesce(t.ta_account_id = ANY($5::text[]), false) OR "
                + "coalesce((SELECT seg_a.distributor FROM acct.account seg_a WHERE seg_a.ta_account_id = "
                + "t.ta_account_id) = ANY($6::text[]), false))", canary);
        assertEquals("NOT " + canary, new LaneFilter(Lane.STABLE, SEGMENT).sql(4, "t.slot", "t.ta_account_id"));
        Object[] args = new LaneFilter(Lane.STABLE, SEGMENT).args("d");
        assertEquals(4, args.length);
        assertArrayEquals(new Integer[] { 1, 2 }, (Integer[]) args[1]);
        assertArrayEquals(new String[] { "000000000007" }, (String[]) args[2]);
        assertArrayEquals(new String[] { "D01" }, (String[]) args[3]);
    }

    @Test
    void onlyTheSegmentsPartsBecomeParameters() {
        Segment buckets = new Segment("gray-5", List.of(0, 1), List.of(), List.of());
        assertEquals("NOT (s = ANY($2::int[]))", new LaneFilter(Lane.STABLE, buckets).sql(2, "s", "a"));
        assertEquals(2, new LaneFilter(Lane.STABLE, buckets).args("d").length);
        Segment none = new Segment("none", List.of(), List.of(), List.of());
        assertEquals("FALSE", new LaneFilter(Lane.CANARY, none).sql(2, "s", "a"));
    }
}
