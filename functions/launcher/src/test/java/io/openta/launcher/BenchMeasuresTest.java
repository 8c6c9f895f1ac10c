package io.openta.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the bench prints beside its times: peak memory, disk use, and the day timeout it gives a large case. */
class BenchMeasuresTest {
    @TempDir
    Path tmp;

    @Test
    void peakResidentMemoryIsVmHwmInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t    2048 kB\nVmRSS:\t    1024 kB\n";
        assertEquals(2048L * 1024, ProcessMemory.parsePeakResidentBytes(status));
        assertEquals(-1, ProcessMemory.parsePeakResidentBytes("Name:\tjava\nVmRSS:\t 1024 kB\n"));
    }

    @Test
    void thisProcessHasAPeakResidentMemory() {
        long bytes = ProcessMemory.peakResidentBytes(ProcessHandle.current().pid());
        // a JVM running JUnit holds more than 16 MB resident
        assertTrue(bytes > 16L << 20, "VmHWM " + bytes);
    }

    @Test
    void theDayCommandsPeakMemoryLineIsReadBackByTheBench() {
        String line = DayCommand.peakMemoryLine("20260105", (1536L << 20) + 5);
        assertTrue(line.startsWith("day 20260105 functions app peak memory: 1536 MB resident"), line);
        assertEquals(OptionalLong.of(1536), DayCommand.parsePeakMemory(line));
        assertEquals(OptionalLong.empty(), DayCommand.parsePeakMemory("day 20260105 cleared in 3.0 s"));
    }

    @Test
    void diskUseCountsTheBlocksUnderAFolder() throws IOException {
        Files.createDirectories(tmp.resolve("pg/base/1"));
        Files.write(tmp.resolve("pg/base/1/16384"), new byte[1 << 20]);
        Files.write(tmp.resolve("pg/PG_VERSION"), new byte[3]);
        Files.createDirectories(tmp.resolve("out"));
        long pg = DiskUse.bytes(tmp.resolve("pg"));
        assertTrue(pg >= (1 << 20) + 3 && pg < (1 << 20) + (64 << 10), "pg " + pg);
        assertTrue(DiskUse.bytes(tmp.resolve("out")) < 64 << 10, "an empty folder holds its own block only");
        assertEquals(0, DiskUse.bytes(tmp.resolve("no-such-folder")));
        Map<String, Long> use = BenchCommand.diskUse(tmp, tmp.resolve("out"));
        assertEquals(pg, use.get("database (pg)"));
        assertEquals(0L, use.get("kafka"));
    }

    /**
     * A running broker preallocates its index files (10 MB each, sparse): the 1M bench printed "kafka 4,740 MB" of
     * file lengths where 3 MB was on disk. Disk use is what is allocated.
     */
    @Test
    void aSparseFileCountsOnlyWhatIsAllocated() throws IOException {
        Path kafka = Files.createDirectories(tmp.resolve("kafka/openta.tasks-0"));
        try (RandomAccessFile index = new RandomAccessFile(kafka.resolve("00000000000000000000.index").toFile(),
                "rw")) {
            index.setLength(100L << 20);
            index.write(new byte[4096]);
        }
        long bytes = DiskUse.bytes(tmp.resolve("kafka"));
        assertTrue(bytes >= 4096 && bytes < 1 << 20, "100 MB long, 4 KB written: " + bytes);
    }

    @Test
    void aFileHardLinkedIntoTheOutboxIsCountedOnce() throws IOException {
        Path staged = tmp.resolve("staging/20270104/export/OFD_04.TXT");
        Files.createDirectories(staged.getParent());
        Files.write(staged, new byte[1 << 20]);
        Files.createDirectories(tmp.resolve("out/20270104"));
        Files.createLink(tmp.resolve("out/20270104/OFD_04.TXT"), staged);
        Files.write(tmp.resolve("out/20270104/OFD_05.TXT"), new byte[10]);
        Map<String, Long> use = BenchCommand.diskUse(tmp, tmp.resolve("out"));
        assertTrue(use.get("staging") >= 1 << 20, "staging " + use.get("staging"));
        long outbox = use.get("outboxes (not linked to staging)");
        assertTrue(outbox > 0 && outbox < 64 << 10, "the outbox's own file and folders only: " + outbox);
        assertTrue(DiskUse.bytes(tmp.resolve("out")) >= 1 << 20, "alone, the outbox counts its links");
    }

    /**
     * A running broker writes and deletes checkpoint .tmp files while the bench sums its folder (a 1M bench failed
     * on one of Kafka's): files that come and go during the walk are not an error.
     */
    @Test
    void filesDeletedWhileTheFolderIsWalkedAreNotAnError() throws Exception {
        Path kafka = Files.createDirectories(tmp.resolve("kafka"));
        for (int i = 0; i < 200; i++) {
            Files.write(kafka.resolve("segment-" + i), new byte[10]);
        }
        long settled = DiskUse.bytes(kafka);
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            for (long n = 0; !stop.get(); n++) {
                try {
                    Path tmpFile = kafka.resolve("checkpoint-" + (n % 50) + ".tmp");
                    Files.write(tmpFile, new byte[1]);
                    Files.deleteIfExists(tmpFile);
                } catch (IOException e) {
                    // a walk holding the folder open does not stop the churn
                }
            }
        });
        churn.start();
        try {
            for (int round = 0; round < 300; round++) {
                long bytes = DiskUse.bytes(kafka);
                // the 200 files stay; up to 50 checkpoint files of a block each may be there too
                assertTrue(bytes >= settled - (64 << 10) && bytes <= settled + (50 << 13) + (64 << 10),
                        "round " + round + ": " + bytes + " against " + settled);
            }
        } finally {
            stop.set(true);
            churn.join();
        }
    }

    @Test
    void aLargeCaseGetsALongerDayTimeout() {
        assertEquals(1800, BenchCommand.dayTimeoutSeconds(100_000));
        assertEquals(1800, BenchCommand.dayTimeoutSeconds(1_000_000));
        assertEquals(6000, BenchCommand.dayTimeoutSeconds(10_000_000));
    }
}
