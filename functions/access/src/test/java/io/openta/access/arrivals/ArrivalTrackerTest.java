package io.openta.access.arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracker on the example day's real files, copied into an inbox one by one. */
class ArrivalTrackerTest {
    private static final String DAY = "20270104";
    private static final Path IN = Path.of("../../examples/mmf-two-distributors", DAY, "in");

    @TempDir
    Path inbox;

    private ArrivalTracker tracker() {
        return new ArrivalTracker(inbox, "99", List.of("A01", "B02"), "FM1");
    }

    private void arrive(String name) throws Exception {
        Files.createDirectories(inbox.resolve(DAY));
        Files.copy(IN.resolve(name), inbox.resolve(DAY).resolve(name));
    }

    @Test
    void aDayIsCompleteWhenEachIndexAndItsFilesAndTheQuoteAreIn() throws Exception {
        DayFiles empty = tracker().status(DAY);
        assertFalse(empty.complete());
        assertEquals(List.of("A01: index file not in", "B02: index file not in", "FM1: quote file (07) not in"),
                empty.missing());

        // an index that lists a file not yet there keeps its distributor waiting, and says which
        arrive("OFI_A01_99_20270104.TXT");
        arrive("OFD_A01_99_20270104_01.TXT");
        DayFiles a = tracker().status(DAY);
        assertFalse(a.distributors().get(0).complete());
        assertTrue(a.distributors().get(0).detail().contains("OFD_A01_99_20270104_03.TXT"),
                a.distributors().get(0).detail());
        arrive("OFD_A01_99_20270104_03.TXT");
        assertTrue(tracker().status(DAY).distributors().get(0).complete());

        for (String n : List.of("OFI_B02_99_20270104.TXT", "OFD_B02_99_20270104_01.TXT",
                "OFD_B02_99_20270104_03.TXT", "OFD_FM1_99_20270104_C1.TXT", "OFD_FM1_99_20270104_C5.TXT")) {
            arrive(n);
        }
        DayFiles noQuote = tracker().status(DAY);
        assertFalse(noQuote.complete(), "the quote file is still missing");
        assertEquals(List.of("FM1: quote file (07) not in"), noQuote.missing());

        arrive("OFD_FM1_99_20270104_07.TXT");
        DayFiles done = tracker().status(DAY);
        assertTrue(done.complete(), done.missing().toString());
        assertEquals(9, done.files().size());
    }

    @Test
    void anIndexClearingWouldRejectKeepsTheDayIncomplete() throws Exception {
        Files.createDirectories(inbox.resolve(DAY));
        // the count says 2, one name is listed
        Files.writeString(inbox.resolve(DAY).resolve("OFI_A01_99_20270104.TXT"),
                "OFDCFIDX\r\n21  \r\nA01      \r\n99       \r\n20270104\r\n002\r\nOFD_A01_99_20270104_01.TXT\r\nOFDCFEND\r\n",
                StandardCharsets.US_ASCII);
        arrive("OFD_A01_99_20270104_01.TXT");
        arrive("OFD_FM1_99_20270104_07.TXT");
        DayFiles d = new ArrivalTracker(inbox, "99", List.of("A01"), "FM1").status(DAY);
        assertFalse(d.complete());
        assertTrue(d.distributors().get(0).detail().startsWith("file count"), d.distributors().get(0).detail());
    }

    @Test
    void withoutExpectedDistributorsOrQuoteSenderADayNeverCompletesByItself() throws Exception {
        arrive("OFD_FM1_99_20270104_07.TXT");
        assertFalse(new ArrivalTracker(inbox, "99", List.of(), "FM1").status(DAY).complete());
        assertFalse(new ArrivalTracker(inbox, "99", List.of(), null).status(DAY).complete());
    }
}
