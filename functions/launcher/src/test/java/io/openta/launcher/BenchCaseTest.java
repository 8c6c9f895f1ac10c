package io.openta.launcher;

import io.openta.model.ofd.FileType;
import io.openta.model.ofd.IndexCheck;
import io.openta.model.ofd.OfdCheck;
import io.openta.model.ofd.OfdIndex;
import io.openta.model.ofd.OfdReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCaseTest {
    @TempDir
    Path tmp;

    @Test
    void nextBusinessDateSkipsWeekends() {
        assertEquals("20260106", BenchCase.nextBusinessDate("20260105"));
        assertEquals("20260112", BenchCase.nextBusinessDate("20260109"));
    }

    @Test
    void accountsAreSplitOverTenDistributorsInOrder() {
        int n = 95;
        int next = 1;
        for (int d = 0; d < BenchCase.DISTRIBUTORS; d++) {
            assertEquals(next, BenchCase.firstAccountOf(d, n));
            for (int i = 0; i < BenchCase.accountsOf(d, n); i++) {
                assertEquals(d, BenchCase.distributorOf(next + i, n));
            }
            next += BenchCase.accountsOf(d, n);
        }
        assertEquals(n + 1, next);
    }

    @Test
    void generatedFilesPassTheWholeFileCheckWithTheRightCounts() throws IOException {
        int n = 95;
        BenchCase bc = BenchCase.generate(tmp, n, 7);
        assertEquals(2, bc.days().size());
        BenchCase.Day day1 = bc.days().get(0);
        BenchCase.Day day2 = bc.days().get(1);
        assertEquals("20260105", day1.date());
        assertEquals("20260106", day2.date());

        Map<String, Long> counts1 = checkAll(day1, 22);
        assertEquals(Set.of("01", "03"), indexedTypes(day1));
        assertEquals(1L, counts1.get("OFD_FM1_99_20260105_C1.TXT"));
        assertEquals(1L, counts1.get("OFD_FM1_99_20260105_07.TXT"));
        Path c1 = day1.inbox().resolve("OFD_FM1_99_20260105_C1.TXT");
        OfdReader.forEachRecord(c1, OfdReader.check(c1, "99", day1.date()).header(), (no, r) -> {
            assertEquals(BenchCase.FUND, r.text("FundCode"));
            assertEquals("04", r.text("FundType"), "a money-market fund (spec v2 1.3)");
        });
        long opened = 0;
        long bought = 0;
        for (int d = 0; d < 10; d++) {
            String dist = BenchCase.distributorCode(d);
            long o = counts1.get("OFD_" + dist + "_99_20260105_01.TXT");
            assertEquals(BenchCase.accountsOf(d, n), o);
            assertEquals(o, counts1.get("OFD_" + dist + "_99_20260105_03.TXT"));
            opened += o;
            bought += o;
        }
        assertEquals(n, opened);
        assertEquals(n, bought);

        Map<String, Long> counts2 = checkAll(day2, 12);
        assertEquals(Set.of("03"), indexedTypes(day2));
        long trades = counts2.entrySet().stream().filter(e -> e.getKey().endsWith("_03.TXT"))
                .mapToLong(Map.Entry::getValue).sum();
        assertEquals(n / 10, trades);
        assertEquals(bc.day2Purchases() + bc.day2Redemptions(), trades);

        // day 1: every account buys; day 2: redemptions of distinct accounts, below the holding
        Map<String, BigDecimal> holding = new HashMap<>();
        for (Path f : files(day1.inbox(), "_03.TXT")) {
            OfdCheck c = OfdReader.check(f, "99", day1.date());
            OfdReader.forEachRecord(f, c.header(), (no, r) -> {
                assertEquals("022", r.text("BusinessCode"));
                assertEquals(r.header().sender(), r.trimmed("DistributorCode"));
                holding.put(r.trimmed("DistributorCode") + "/" + r.trimmed("TransactionAccountID"),
                        r.number("ApplicationAmount").orElseThrow());
            });
        }
        assertEquals(n, holding.size());
        Set<String> redeemed = new HashSet<>();
        int[] purchases = { 0 };
        for (Path f : files(day2.inbox(), "_03.TXT")) {
            OfdCheck c = OfdReader.check(f, "99", day2.date());
            OfdReader.forEachRecord(f, c.header(), (no, r) -> {
                String account = r.trimmed("DistributorCode") + "/" + r.trimmed("TransactionAccountID");
                assertTrue(holding.containsKey(account), account);
                assertEquals("", r.trimmed("TAAccountID"));
                assertEquals(String.valueOf(no), r.trimmed("AppSheetSerialNo"));
                if (r.text("BusinessCode").equals("024")) {
                    assertTrue(redeemed.add(account), "one redemption per account");
                    BigDecimal vol = r.number("ApplicationVol").orElseThrow();
                    assertTrue(vol.signum() > 0 && vol.compareTo(holding.get(account)) < 0, vol.toString());
                } else {
                    assertEquals("022", r.text("BusinessCode"));
                    assertTrue(r.number("ApplicationAmount").orElseThrow().signum() > 0);
                    purchases[0]++;
                }
            });
        }
        assertEquals(bc.day2Redemptions(), redeemed.size());
        assertEquals(bc.day2Purchases(), purchases[0]);
    }

    @Test
    void day2QuoteCarriesTheIncome() throws IOException {
        BenchCase bc = BenchCase.generate(tmp, 10, 1);
        Path quote = bc.days().get(1).inbox().resolve("OFD_FM1_99_20260106_07.TXT");
        OfdCheck c = OfdReader.check(quote, "99", "20260106");
        assertTrue(c.accepted(), String.valueOf(c.rejection()));
        assertEquals(FileType.FUND_QUOTES, c.header().type());
        OfdReader.forEachRecord(quote, c.header(), (no, r) -> {
            assertEquals("000001", r.text("FundCode"));
            assertEquals(0, new BigDecimal("1.0000").compareTo(r.number("NAV").orElseThrow()));
            assertEquals(0, BenchCase.DAY2_INCOME.compareTo(r.number("FundIncome").orElseThrow()));
            assertEquals("0", r.text("FundIncomeFlag"));
            assertEquals("0", r.text("FundStatus"));
        });
    }

    /**
     * Checks every data file of the day's inbox (v2: version 21, the fields each type needs) and every index;
     * returns record counts by data file name.
     */
    private static Map<String, Long> checkAll(BenchCase.Day day, int expectedFiles) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (Path f : files(day.inbox(), ".TXT")) {
            if (f.getFileName().toString().startsWith("OFI_")) {
                continue;
            }
            OfdCheck c = OfdReader.check(f, "99", day.date());
            assertTrue(c.accepted(), f.getFileName() + ": " + c.rejection());
            assertEquals("21", c.header().version().trim(), f.getFileName().toString());
            assertEquals(c.header().type().requiredFields().size(), c.header().fields().size(),
                    f.getFileName() + " declares the fields its type needs");
            counts.put(f.getFileName().toString(), c.recordCount());
        }
        assertEquals(expectedFiles, counts.size(), counts.keySet().toString());
        assertEquals(day.records(), counts.values().stream().mapToLong(Long::longValue).sum());
        return counts;
    }

    /**
     * Checks the day's index files (spec v2 1.7): one per distributor, accepted, listing exactly that distributor's
     * 01 and 03 files; returns the types they list.
     */
    private static Set<String> indexedTypes(BenchCase.Day day) throws IOException {
        List<String> inbox = new ArrayList<>();
        for (Path f : files(day.inbox(), "")) {
            inbox.add(f.getFileName().toString());
        }
        List<Path> indexes = files(day.inbox(), ".TXT").stream()
                .filter(f -> f.getFileName().toString().startsWith("OFI_")).toList();
        assertEquals(BenchCase.DISTRIBUTORS, indexes.size(), indexes.toString());
        Set<String> types = new TreeSet<>();
        for (int d = 0; d < BenchCase.DISTRIBUTORS; d++) {
            String dist = BenchCase.distributorCode(d);
            Path index = day.inbox().resolve("OFI_" + dist + "_99_" + day.date() + ".TXT");
            IndexCheck c = OfdIndex.check(index, "99", day.date(), inbox);
            assertTrue(c.accepted(), index.getFileName() + ": " + c.rejection());
            List<String> own = inbox.stream().filter(n -> n.startsWith("OFD_" + dist + "_")).sorted().toList();
            assertEquals(own, c.listed().stream().sorted().toList(), index.getFileName().toString());
            for (String n : own) {
                types.add(n.substring(n.length() - 6, n.length() - 4));
            }
        }
        return types;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }
}
