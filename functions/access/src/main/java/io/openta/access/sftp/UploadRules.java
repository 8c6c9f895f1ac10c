package io.openta.access.sftp;

import java.util.Optional;
import java.util.Set;

import io.openta.access.users.AccessUser;
import io.openta.access.users.Role;
import io.openta.model.ofd.OfdFileName;
import io.openta.model.ofd.OfiFileName;

/**
 * Which file names a user may upload (spec v2 1.1, 1.4, 1.7), parsed with the shared codec: a distributor its 01 and
 * 03 files and its OFI index, the fund manager 07, C1 and C5; the sender must be the user's code and the receiver
 * the TA. The content is not checked here: clearing does that, and writes the .ERR.
 */
public final class UploadRules {
    static final Set<String> DISTRIBUTOR_TYPES = Set.of("01", "03");
    static final Set<String> FUND_MANAGER_TYPES = Set.of("07", "C1", "C5");

    private UploadRules() {
    }

    /** A name the user may upload, with its date and type ({@code IX} for an index). */
    public record Upload(String fileName, String sender, String date, String type) {
    }

    /** The accepted upload, or a {@link Refusal} naming the reason. */
    public static Upload check(AccessUser user, String taCode, String fileName) throws Refusal {
        Optional<OfiFileName> index = OfiFileName.parse(fileName);
        if (index.isPresent()) {
            OfiFileName n = index.get();
            if (user.role() != Role.DISTRIBUTOR) {
                throw new Refusal("refused " + fileName + ": only a distributor sends an index file");
            }
            addressed(user, taCode, fileName, n.sender(), n.receiver(), n.date());
            return new Upload(fileName, n.sender(), n.date(), "IX");
        }
        Optional<OfdFileName> data = OfdFileName.parse(fileName);
        if (data.isEmpty()) {
            throw new Refusal("refused " + fileName + ": not an exchange file name: expected "
                    + "OFD_<sender>_<receiver>_<YYYYMMDD>_<type>[_<batch>].TXT or OFI_<sender>_<receiver>_<YYYYMMDD>.TXT");
        }
        OfdFileName n = data.get();
        addressed(user, taCode, fileName, n.sender(), n.receiver(), n.date());
        Set<String> allowed = user.role() == Role.DISTRIBUTOR ? DISTRIBUTOR_TYPES : FUND_MANAGER_TYPES;
        if (!allowed.contains(n.typeCode())) {
            throw new Refusal("refused " + fileName + ": a " + user.role().id() + " sends types "
                    + allowed.stream().sorted().toList() + ", not " + n.typeCode());
        }
        return new Upload(fileName, n.sender(), n.date(), n.typeCode());
    }

    private static void addressed(AccessUser user, String taCode, String fileName, String sender, String receiver,
            String date) throws Refusal {
        if (!receiver.equals(taCode)) {
            throw new Refusal("refused " + fileName + ": addressed to " + receiver + ", not to this TA (" + taCode
                    + ")");
        }
        if (!sender.equals(user.code())) {
            throw new Refusal("refused " + fileName + ": sender " + sender + " is not your code (" + user.code()
                    + ")");
        }
        if (!OfdFileName.validDate(date)) {
            // the date names the inbox folder: it must be a real day
            throw new Refusal("refused " + fileName + ": " + date + " is not a calendar date");
        }
    }
}
