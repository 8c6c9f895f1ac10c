package io.openta.runtime.release;

import java.util.ArrayList;
import java.util.List;

import io.openta.model.rules.Numbers12;

/**
 * The one SQL condition that picks a task's lane out of its shard; every per-account stage query adds it next to its
 * slot range. A row is the canary's when its slot is one of the segment's slots, its TAAccountID one of the
 * segment's accounts, or its account's distributor (acct.account) one of the segment's distributors; the stable
 * lane takes every other row. A row without an account has a null TAAccountID and goes by its slot. For
 * {@link Lane#ALL} the condition is {@code TRUE} and adds no parameter.
 */
public record LaneFilter(Lane lane, Segment segment) {
    public static final LaneFilter ALL = new LaneFilter(Lane.ALL, null);

    public LaneFilter {
        if (lane != Lane.ALL && segment == null) {
            throw new IllegalArgumentException("the " + lane + " lane needs a segment");
        }
    }

    /**
     * The condition over the row's slot column and TAAccountID column (text; both qualified by their table's alias,
     * or the distributor subquery would read its own column), with its parameters numbered from
     * {@code firstParam}; pass {@link #args} of the query's own arguments.
     */
    public String sql(int firstParam, String slot, String account) {
        if (lane == Lane.ALL) {
            return "TRUE";
        }
        List<String> any = new ArrayList<>();
        int p = firstParam;
        if (!segment.slots().isEmpty()) {
            any.add(slot + " = ANY($" + p++ + "::int[])");
        }
        if (!segment.accounts().isEmpty()) {
            any.add("coalesce(" + account + " = ANY($" + p++ + "::text[]), false)");
        }
        if (!segment.distributors().isEmpty()) {
            any.add("coalesce((SELECT seg_a.distributor FROM acct.account seg_a WHERE seg_a.ta_account_id = "
                    + account + ") = ANY($" + p + "::text[]), false)");
        }
        String canary = any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")";
        return lane == Lane.CANARY ? canary : "NOT " + canary;
    }

    /** The query's own arguments followed by the condition's. */
    public Object[] args(Object... leading) {
        List<Object> all = new ArrayList<>(List.of(leading));
        if (lane != Lane.ALL) {
            if (!segment.slots().isEmpty()) {
                all.add(segment.slots().toArray(new Integer[0]));
            }
            if (!segment.accounts().isEmpty()) {
                // TAAccountIDs are stored as text (12 digits for the TA's own): compared as stored
                all.add(segment.accounts().stream().map(Numbers12::of).toArray(String[]::new));
            }
            if (!segment.distributors().isEmpty()) {
                all.add(segment.distributors().toArray(new String[0]));
            }
        }
        return all.toArray();
    }
}
