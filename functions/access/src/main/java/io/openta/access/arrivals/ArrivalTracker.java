package io.openta.access.arrivals;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.openta.access.config.AccessConfig;
import io.openta.access.config.AccessRoots;
import io.openta.access.users.AccessUser;
import io.openta.access.users.Role;
import io.openta.access.users.Users;
import io.openta.model.ofd.IndexCheck;
import io.openta.model.ofd.OfdFileName;
import io.openta.model.ofd.OfdIndex;
import io.openta.model.ofd.OfiFileName;
import io.openta.runtime.config.OpenTaConfig;

/**
 * Tells whether a day's expected files are in its inbox folder: for each expected distributor, an index file
 * {@code OFI_<distributor>_<TA>_<date>.TXT} that the shared index check ({@link OfdIndex#check}, spec v2 1.7)
 * accepts against the inbox - which holds only when every file it lists is there - and the fund manager's files of
 * the expected types ({@code openta.access.fund-manager-files}, default the quote file only):
 * {@code OFD_<fund manager>_<TA>_<date>_<07|C1|C5>.TXT}. The inbox folder is the only source: what clearing would
 * read.
 *
 * <p>An index that clearing would reject for another reason (bad marker, wrong count) also keeps the day
 * incomplete; its detail says why. Waiting for a cut-off time or an operator's start is not done here.
 */
@Singleton
public class ArrivalTracker {
    private final Path inboxRoot;
    private final String taCode;
    private final List<String> distributors;
    private final String quoteSender;
    private final List<FundManagerFile> fundManagerFiles;

    @Inject
    public ArrivalTracker(AccessRoots roots, OpenTaConfig openTa, AccessConfig config, Users users) {
        this(roots.inbox(), openTa.taCode(),
                config.expectedDistributors().orElseGet(() -> users.withRole(Role.DISTRIBUTOR).stream()
                        .map(AccessUser::code).distinct().toList()),
                config.quoteSender().orElseGet(() -> onlyFundManager(users)),
                FundManagerFile.all(config.fundManagerFiles()));
    }

    /** Waiting for the fund manager's quote file only. */
    public ArrivalTracker(Path inboxRoot, String taCode, List<String> distributors, String quoteSender) {
        this(inboxRoot, taCode, distributors, quoteSender, List.of(FundManagerFile.QUOTE));
    }

    public ArrivalTracker(Path inboxRoot, String taCode, List<String> distributors, String quoteSender,
            List<FundManagerFile> fundManagerFiles) {
        this.inboxRoot = inboxRoot;
        this.taCode = taCode;
        this.distributors = List.copyOf(distributors);
        this.quoteSender = quoteSender;
        this.fundManagerFiles = List.copyOf(fundManagerFiles);
    }

    private static String onlyFundManager(Users users) {
        List<String> codes = users.withRole(Role.FUND_MANAGER).stream().map(AccessUser::code).distinct().toList();
        return codes.size() == 1 ? codes.get(0) : null;
    }

    public List<String> expectedDistributors() {
        return distributors;
    }

    public String quoteSender() {
        return quoteSender;
    }

    /** The state of {@code date} (YYYYMMDD) now. */
    public DayFiles status(String date) throws IOException {
        if (!OfdFileName.validDate(date)) {
            throw new IllegalArgumentException("not a date: " + date);
        }
        Path day = inboxRoot.resolve(date);
        List<String> files = files(day);
        List<DayFiles.Distributor> ds = new ArrayList<>();
        for (String code : distributors) {
            ds.add(distributor(day, date, code, files));
        }
        List<String> fundManagerMissing = new ArrayList<>();
        for (FundManagerFile f : fundManagerFiles) {
            boolean in = quoteSender != null && files.stream().map(OfdFileName::parse).flatMap(Optional::stream)
                    .anyMatch(n -> n.sender().equals(quoteSender) && n.receiver().equals(taCode)
                            && n.date().equals(date) && n.typeCode().equals(f.type()) && !n.supplementary());
            if (!in) {
                fundManagerMissing.add(f.type());
            }
        }
        return new DayFiles(date, ds, quoteSender, fundManagerMissing, files);
    }

    private DayFiles.Distributor distributor(Path day, String date, String code, List<String> files)
            throws IOException {
        Optional<String> index = files.stream().filter(f -> OfiFileName.parse(f)
                .filter(n -> n.sender().equals(code) && n.receiver().equals(taCode) && n.date().equals(date))
                .isPresent()).findFirst();
        if (index.isEmpty()) {
            return new DayFiles.Distributor(code, null, false, "index file not in");
        }
        IndexCheck check = OfdIndex.check(day.resolve(index.get()), taCode, date, files);
        if (!check.accepted()) {
            return new DayFiles.Distributor(code, index.get(), false, check.rejection().detail());
        }
        return new DayFiles.Distributor(code, index.get(), true, check.listed().size() + " listed files in");
    }

    private static List<String> files(Path day) throws IOException {
        if (!Files.isDirectory(day)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(day)) {
            for (Path p : s) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(p.getFileName().toString());
                }
            }
        }
        Collections.sort(names);
        return names;
    }
}
