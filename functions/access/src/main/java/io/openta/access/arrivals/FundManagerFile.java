package io.openta.access.arrivals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.openta.model.ofd.FileType;

/**
 * The fund manager's input files (spec v2 1.4: 07, C1, C5) a day may wait for
 * ({@code openta.access.fund-manager-files}), with what each is in words.
 */
public enum FundManagerFile {
    QUOTE(FileType.FUND_QUOTES, "quote file"),
    FUND_PARAMETERS(FileType.FUND_PARAMETERS, "fund parameters file"),
    FEE_RATES(FileType.FEE_RATES, "fee rates file");

    private final FileType fileType;
    private final String what;

    FundManagerFile(FileType fileType, String what) {
        this.fileType = fileType;
        this.what = what;
    }

    /** The type code in the file name ({@code OFD_<sender>_<TA>_<date>_<type>.TXT}). */
    public String type() {
        return fileType.code();
    }

    /** What the file is, in words. */
    public String what() {
        return what;
    }

    /** The type of code {@code type}; else an error naming the setting and the types it takes. */
    public static FundManagerFile of(String type) {
        return Arrays.stream(values()).filter(f -> f.type().equalsIgnoreCase(type.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("openta.access.fund-manager-files "
                        + "(OPENTA_ACCESS_FUND_MANAGER_FILES): '" + type + "' is not a fund manager's file type ("
                        + Arrays.stream(values()).map(FundManagerFile::type).collect(Collectors.joining(", ")) + ")"));
    }

    /** The types of {@code codes}, each once, in the given order; an unknown code fails as {@link #of}. */
    public static List<FundManagerFile> all(List<String> codes) {
        return codes.stream().map(FundManagerFile::of).distinct().toList();
    }
}
