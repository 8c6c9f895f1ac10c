package io.openta.model.ofd;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * INDEX (check 9 of spec 1.5) for the data files of a day, from all its index checks. An index whose name
 * does not parse has no sender and counts for nobody.
 */
public final class IndexVerdicts {

    private final Map<String, Set<String>> listedBySender = new HashMap<>();  // lower-case names
    private final Set<String> rejectedSenders = new HashSet<>();

    IndexVerdicts(List<IndexCheck> checks) {
        for (IndexCheck c : checks) {
            if (c.sender() == null) {
                continue;
            }
            if (c.accepted()) {
                Set<String> s = listedBySender.computeIfAbsent(c.sender(), k -> new HashSet<>());
                for (String n : c.listed()) {
                    s.add(FieldDictionary.lower(n));
                }
            } else {
                rejectedSenders.add(c.sender());
            }
        }
    }

    /**
     * The INDEX verdict of a 01 or 03 data file of {@code sender}: empty (passes) when an accepted index of
     * that sender lists it (names compared without regard to case), even if another index of the sender was
     * rejected; else {@code INDEX index rejected} when an index of that sender was rejected; else
     * {@code INDEX not listed}. Callers apply it to 01 and 03 files only (07, C1, C5 need no index).
     */
    public Optional<Rejection> forDataFile(String fileName, String sender) {
        Set<String> listed = listedBySender.get(sender);
        if (listed != null && listed.contains(FieldDictionary.lower(fileName))) {
            return Optional.empty();
        }
        if (rejectedSenders.contains(sender)) {
            return Optional.of(new Rejection(Rejection.INDEX, Rejection.INDEX_REJECTED));
        }
        return Optional.of(new Rejection(Rejection.INDEX, Rejection.NOT_LISTED));
    }

    /**
     * The final verdict of a checked data file: its own rejection if it was rejected, else INDEX by
     * {@link #forDataFile} for a 01 or 03 file, else empty.
     */
    public Optional<Rejection> forCheck(OfdCheck check) {
        if (!check.accepted()) {
            return Optional.of(check.rejection());
        }
        FileType t = check.header().type();
        if (t == FileType.ACCOUNT_APPLICATIONS || t == FileType.TRADE_APPLICATIONS) {
            return forDataFile(check.fileName(), check.header().sender());
        }
        return Optional.empty();
    }
}
