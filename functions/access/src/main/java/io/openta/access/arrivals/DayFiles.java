package io.openta.access.arrivals;

import java.util.List;

/**
 * Whether a day's expected files are in ({@link ArrivalTracker#status}): per expected distributor, its index and
 * the files it lists; the fund manager's files of the expected types ({@code fundManagerMissing}: those not in).
 * {@code missing} says in words what is still missing.
 */
public record DayFiles(String date, List<Distributor> distributors, String quoteSender,
        List<String> fundManagerMissing, List<String> files) {

    /** One distributor: {@code index} is the index file name when one arrived; {@code detail} why it is not complete. */
    public record Distributor(String code, String index, boolean complete, String detail) {
    }

    public boolean complete() {
        return quoteSender != null && fundManagerMissing.isEmpty() && !distributors.isEmpty()
                && distributors.stream().allMatch(Distributor::complete);
    }

    /** What is missing, one entry per distributor or fund manager's file not in; empty when complete. */
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
        if (quoteSender == null) {
            m.add("no quote sender configured (openta.access.quote-sender)");
        }
        for (String type : fundManagerMissing) {
            m.add(quoteSender + ": " + FundManagerFile.of(type).what() + " (" + type + ") not in");
        }
        return m;
    }
}
