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

    @Test
    void withFundParametersAndFeeRatesExpectedTheDayWaitsForThemToo() throws Exception {
        ArrivalTracker all = new ArrivalTracker(inbox, "99", List.of("A01"), "FM1",
                FundManagerFile.all(List.of("07", "C1", " c5")));
        for (String n : List.of("OFI_A01_99_20270104.TXT", "OFD_A01_99_20270104_01.TXT", "OFD_A01_99_20270104_03.TXT",
                "OFD_FM1_99_20270104_07.TXT")) {
            arrive(n);
        }
        assertTrue(tracker().status(DAY).distributors().get(0).complete());
        DayFiles quoteOnly = all.status(DAY);
        assertFalse(quoteOnly.complete(), "C1 and C5 are expected");
        assertEquals(List.of("FM1: fund parameters file (C1) not in", "FM1: fee rates file (C5) not in"),
                quoteOnly.missing());
        assertEquals(List.of("C1", "C5"), quoteOnly.fundManagerMissing());

        // another sender's C1 does not count
        Files.copy(IN.resolve("OFD_FM1_99_20270104_C1.TXT"), inbox.resolve(DAY).resolve("OFD_FM2_99_20270104_C1.TXT"));
        assertEquals(List.of("C1", "C5"), all.status(DAY).fundManagerMissing());
        arrive("OFD_FM1_99_20270104_C1.TXT");
        assertEquals(List.of("FM1: fee rates file (C5) not in"), all.status(DAY).missing());
        arrive("OFD_FM1_99_20270104_C5.TXT");
        assertTrue(all.status(DAY).complete(), all.status(DAY).missing().toString());

        // the default waits for the quote alone: complete since the 07 came
        assertTrue(new ArrivalTracker(inbox, "99", List.of("A01"), "FM1").status(DAY).complete());
    }

    @Test
    void aFundManagerFileTypeThatIsNotOneIsRefusedWithTheSetting() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FundManagerFile.all(List.of("07", "03")));
        assertEquals("openta.access.fund-manager-files (OPENTA_ACCESS_FUND_MANAGER_FILES): '03' is not a fund "
                + "manager's file type (07, C1, C5)", e.getMessage());
    }
}
