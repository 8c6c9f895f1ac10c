package io.openta.access.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.openta.access.users.AccessUser;
import io.openta.access.users.Role;

class UploadRulesTest {
    private static final AccessUser A01 = new AccessUser("a01", Role.DISTRIBUTOR, "A01", Optional.empty(),
            Optional.empty(), Optional.empty());
    private static final AccessUser FM1 = new AccessUser("fm1", Role.FUND_MANAGER, "FM1", Optional.empty(),
            Optional.empty(), Optional.empty());

    @Test
    void acceptsEachPartysOwnTypes() throws Refusal {
        assertEquals(new UploadRules.Upload("OFD_A01_99_20270104_03.TXT", "A01", "20270104", "03"),
                UploadRules.check(A01, "99", "OFD_A01_99_20270104_03.TXT"));
        assertEquals("03", UploadRules.check(A01, "99", "OFD_A01_99_20270105_03_001.TXT").type());
        assertEquals("IX", UploadRules.check(A01, "99", "OFI_A01_99_20270104.TXT").type());
        assertEquals("C1", UploadRules.check(FM1, "99", "OFD_FM1_99_20270104_C1.TXT").type());
    }

    @Test
    void refusesWithTheReason() {
        refused(A01, "OFD_A01_99_20270104_07.TXT", "sends types [01, 03], not 07");
        refused(FM1, "OFD_FM1_99_20270104_01.TXT", "sends types [07, C1, C5], not 01");
        refused(FM1, "OFI_FM1_99_20270104.TXT", "only a distributor sends an index file");
        refused(A01, "OFD_A01_T01_20270104_01.TXT", "addressed to T01, not to this TA (99)");
        refused(A01, "OFI_B02_99_20270104.TXT", "sender B02 is not your code (A01)");
        refused(A01, "OFD_A01_99_20271304_01.TXT", "20271304 is not a calendar date");
        refused(A01, "OFD_A01_99_20270104_01_000.TXT", "not an exchange file name");
        refused(A01, ".OFD_A01_99_20270104_01.TXT", "not an exchange file name");
    }

    private static void refused(AccessUser u, String name, String reason) {
        Refusal r = assertThrows(Refusal.class, () -> UploadRules.check(u, "99", name));
        assertTrue(r.getMessage().contains(reason), r.getMessage());
        assertTrue(r.getMessage().startsWith("refused " + name), r.getMessage());
    }
}
