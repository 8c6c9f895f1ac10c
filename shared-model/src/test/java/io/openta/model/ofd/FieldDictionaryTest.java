package io.openta.model.ofd;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FieldDictionaryTest {

    private static void assertDef(FieldDef d, String name, FieldType t, int w, int dec) {
        assertEquals(new FieldDef(name, t, w, dec), d);
    }

    @Test
    void staticGetIsVersion21() {
        assertDef(FieldDictionary.get("Charge"), "Charge", FieldType.N, 10, 2);
        assertDef(FieldDictionary.get("ConfirmedVol"), "ConfirmedVol", FieldType.N, 16, 2);
        assertDef(FieldDictionary.get("ApplicationAmount"), "ApplicationAmount", FieldType.N, 16, 2);
        assertDef(FieldDictionary.get("NAV"), "NAV", FieldType.N, 7, 4);
        assertDef(FieldDictionary.get("FundName"), "FundName", FieldType.C, 40, 0);
        assertDef(FieldDictionary.get("ErrorDetail"), "ErrorDetail", FieldType.C, 60, 0);
        assertTrue(FieldDictionary.find("NoSuchField").isEmpty());
        assertEquals("Charge", FieldDictionary.find("CHARGE").orElseThrow().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldDictionary.get("NoSuchField"));
        assertTrue(e.getMessage().contains("NoSuchField"));
    }

    @Test
    void version22WidensFields() {
        FieldDictionary v22 = FieldDictionary.v22();
        assertDef(v22.field("NAV"), "NAV", FieldType.N, 16, 8);
        assertDef(v22.field("Charge"), "Charge", FieldType.N, 16, 2);
        assertDef(v22.field("FundName"), "FundName", FieldType.C, 200, 0);
        assertEquals(FieldType.A, FieldDictionary.v21().field("AppSheetSerialNo").type());
        assertEquals(FieldType.C, v22.field("AppSheetSerialNo").type(), "v22 turns some A fields into C");
        assertTrue(v22.lookup("UUID").isPresent());
        assertTrue(v22.lookup("IPAddress").isPresent());
    }

    @Test
    void versions() {
        assertSame(FieldDictionary.v21(), FieldDictionary.forVersion("20").orElseThrow());
        assertSame(FieldDictionary.v21(), FieldDictionary.forVersion("21").orElseThrow());
        assertSame(FieldDictionary.v22(), FieldDictionary.forVersion("22").orElseThrow());
        assertTrue(FieldDictionary.forVersion("19").isEmpty());
        assertTrue(FieldDictionary.forVersion("21 ").isEmpty());
        assertTrue(FieldDictionary.forVersion(null).isEmpty());
        assertEquals("21", FieldDictionary.v21().version());
        assertEquals("22", FieldDictionary.v22().version());
    }

    @Test
    void lookupIgnoresCaseAndReturnsTheCanonicalSpelling() {
        FieldDictionary d = FieldDictionary.v21();
        assertEquals("TASerialNO", d.field("taserialno").name());
        assertEquals("TotalVolOfDistributorInTA", d.lookup("TOTALVOLOFDISTRIBUTORINTA").orElseThrow().name());
        assertSame(d.field("NAV"), d.field("nav"));
        assertTrue(d.lookup(null).isEmpty());
        assertTrue(d.lookup("").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> d.field("Nope"));
    }

    @Test
    void allIsTheWholeFileWithUniqueNames() {
        for (FieldDictionary d : new FieldDictionary[] {FieldDictionary.v21(), FieldDictionary.v22()}) {
            assertTrue(d.all().size() > 500, d.toString());
            Set<String> lower = new HashSet<>();
            for (FieldDef f : d.all()) {
                assertTrue(lower.add(f.name().toLowerCase()), "unique without regard to case: " + f.name());
                assertSame(f, d.field(f.name()));
            }
            assertThrows(UnsupportedOperationException.class, () -> d.all().add(d.all().get(0)));
        }
        assertEquals("AcctManFee", FieldDictionary.v21().all().get(0).name());
    }

    @Test
    void everyRequiredFieldIsInBothDictionaries() {
        for (FileType t : FileType.values()) {
            for (String f : t.requiredFields()) {
                assertEquals(f, FieldDictionary.v21().field(f).name(), t + " " + f);
                assertEquals(f, FieldDictionary.v22().field(f).name(), t + " " + f);
            }
        }
    }
}
