package io.openta.runtime.release;

import java.util.ArrayList;
import java.util.List;

import io.openta.runtime.task.Slots;

/**
 * The accounts the canary clears during one release step, resolved from {@code segments.json}: the account hash
 * slots of its bucket ranges, and the TAAccountIDs and distributors of its account groups. An account is in the
 * segment when its slot is one of {@link #slots}, its TAAccountID is one of {@link #accounts}, or its distributor
 * (acct.account.distributor) is one of {@link #distributors}. A record without an account (an application refused
 * before its account was found) goes by its slot only.
 *
 * @param step         the release step this segment belongs to
 * @param slots        the slots of the step's bucket ranges, ascending
 * @param accounts     TAAccountIDs of the step's account groups
 * @param distributors distributor codes of the step's account groups
 */
public record Segment(String step, List<Integer> slots, List<Long> accounts, List<String> distributors) {
    public Segment {
        slots = List.copyOf(slots);
        accounts = List.copyOf(accounts);
        distributors = List.copyOf(distributors);
    }

    /**
     * The bucket of a slot when there are {@code buckets} buckets: {@code slot * buckets / 1024}. An account's bucket
     * is therefore a stable function of its hash ({@code hashtext(TAAccountID) & 1023}, see {@link Slots}), and a
     * bucket range is a contiguous range of slots. With 100 buckets a bucket holds 10 or 11 slots.
     */
    public static int bucketOf(int slot, int buckets) {
        return (int) ((long) slot * buckets / Slots.COUNT);
    }

    /** The slots whose bucket is in [firstBucket, lastBucket]. */
    static List<Integer> slotsOf(int firstBucket, int lastBucket, int buckets) {
        List<Integer> slots = new ArrayList<>();
        for (int s = 0; s < Slots.COUNT; s++) {
            int b = bucketOf(s, buckets);
            if (b >= firstBucket && b <= lastBucket) {
                slots.add(s);
            }
        }
        return slots;
    }

    /** True when the segment holds no account at all (a step of no buckets and no groups). */
    public boolean empty() {
        return slots.isEmpty() && accounts.isEmpty() && distributors.isEmpty();
    }

    /** One line for logs and {@code release status}. */
    public String describe() {
        return "step " + step + ": " + slots.size() + " of " + Slots.COUNT + " slots, " + accounts.size()
                + " accounts, distributors " + distributors;
    }
}
