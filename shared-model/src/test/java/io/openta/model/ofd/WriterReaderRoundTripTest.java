package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * writer then reader is the identity: same field texts (GBK byte strings included), same numbers, same count, for
 * every output type.
 */
class WriterReaderRoundTripTest {

    record Case(FileType type, String batch, List<List<Object>> records) {
    }

    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("ofd-roundtrip");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        if (dir != null) {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Arbitrary<Object> value(FieldDef d) {
        if (d.type() == FieldType.N) {
            long max = (long) Math.pow(10, d.width()) - 1;
            return Arbitraries.longs().between(0, max).map(u -> (Object) BigDecimal.valueOf(u, d.decimals()));
        }
        Arbitrary<String> chinese = Arbitraries.strings().withCharRange('\u4E00', '\u4FFF').ofMaxLength(d.width() / 2)
                .map(Gbk::bytes);
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMaxLength(d.width()),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(d.width()),
                chinese.map(x -> Gbk.cut(x, d.width()))).map(x -> (Object) x);
    }

    private static Arbitrary<List<Object>> record(FileType t) {
        List<Arbitrary<Object>> fields = new ArrayList<>();
        for (FieldDef d : t.layout()) {
            fields.add(value(d));
        }
        return Combinators.combine(fields).as(l -> l);
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(FileType.ACCOUNT_CONFIRMATIONS, FileType.TRADE_CONFIRMATIONS, FileType.SHARE_BALANCES,
                FileType.INCOME).flatMap(t -> {
            Arbitrary<String> batch = t == FileType.TRADE_CONFIRMATIONS
                    ? Arbitraries.of("000", "001", "123")
                    : Arbitraries.just("000");
            return Combinators.combine(batch, record(t).list().ofMaxSize(8))
                    .as((b, recs) -> new Case(t, b, recs));
        });
    }

    @Property(tries = 200)
    void writtenRecordsReadBackIdentically(@ForAll("cases") Case c) throws IOException {
        FileType t = c.type();
        OfdFileName name = new OfdFileName("S1", "99", "20261125", t, c.batch());
        Path file = dir.resolve(name.fileName());
        OfdRecordBuilder b = new OfdRecordBuilder(t);
        List<String> lines = new ArrayList<>();
        try (OfdFileWriter w = OfdFileWriter.create(dir, name)) {
            for (List<Object> rec : c.records()) {
                b.reset();
                for (int i = 0; i < rec.size(); i++) {
                    FieldDef d = t.layout().get(i);
                    if (d.type() == FieldType.N) {
                        b.number(d.name(), (BigDecimal) rec.get(i));
                    } else {
                        b.text(d.name(), (String) rec.get(i));
                    }
                }
                String line = b.build();
                assertEquals(t.recordWidth(), line.length());
                lines.add(line);
                w.write(line);
            }
            assertEquals(c.records().size(), w.count());
        }
        OfdCheck check = OfdReader.checkAnyType(file, "99", "20261125");
        assertTrue(check.accepted(), () -> check.rejection().errLine());
        assertEquals(c.records().size(), check.recordCount());
        assertEquals(t.layout(), check.header().fields());
        assertEquals(name, check.header().fileName());
        long[] n = {0};
        OfdReader.forEachRecord(file, check.header(), (no, r) -> {
            List<Object> rec = c.records().get((int) (no - 1));
            assertEquals(lines.get((int) (no - 1)), r.line());
            for (int i = 0; i < rec.size(); i++) {
                FieldDef d = t.layout().get(i);
                if (d.type() == FieldType.N) {
                    assertEquals(rec.get(i), r.number(d.name()).orElseThrow(), d.name());
                    assertEquals(OfdNumbers.format((BigDecimal) rec.get(i), d), r.text(d.name()));
                } else {
                    String v = (String) rec.get(i);
                    assertEquals(v + " ".repeat(d.width() - v.length()), r.text(d.name()), d.name());
                    assertEquals(v.replaceAll(" +$", ""), r.trimmed(d.name()), d.name());
                }
            }
            n[0]++;
        });
        assertEquals(c.records().size(), n[0]);
        Files.delete(file);
    }
}
