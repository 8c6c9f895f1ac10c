package io.openta.access.arrivals;

import java.util.List;

/**
 * Whether a day's expected files are in ({@link ArrivalTracker#status}): per expected distributor, its index and
 * the files it lists; the fund manager's quote (07) file. {@code missing} says in words what is still missing.
 */
public record DayFiles(String date, List<Distributor> distributors, String quoteSender, boolean quoteIn,
        List<String> files) {

    /** One distributor: {@code index} is the index file name when one arrived; {@code detail} why it is not complete. */
    public record Distributor(String code, String index, boolean complete, String detail) {
    }

    public boolean complete() {
        return quoteIn && !distributors.isEmpty() && distributors.stream().allMatch(Distributor::complete);
    }

    /** What is missing, one entry per distributor or quote file not complete; empty when complete. */
    public List<String> missing() {
        List<String> m = new java.util.ArrayList<>();
        if (distributors.isEmpty()) {
            m.add("no distributors are expected (openta.access.expected-distributors)");
        }
        for (Distributor d : distributors) {
            if (!d.complete()) {
                m.add(d.code() + ": " + d.detail());
            }
        }
        if (!quoteIn) {
            m.add(quoteSender == null ? "no quote sender configured (openta.access.quote-sender)"
                    : quoteSender + ": quote file (07) not in");
        }
        return m;
    }
}
