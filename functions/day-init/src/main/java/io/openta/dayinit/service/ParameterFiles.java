package io.openta.dayinit.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.openta.model.ofd.FileType;
import io.openta.model.ofd.OfdCheck;
import io.openta.model.ofd.OfdReader;
import io.openta.runtime.task.DayFailure;

/** The day's 07, C1 and C5 files, checked whole: any of them rejected fails the day (spec 1.5, 2.1). */
record ParameterFiles(List<OfdCheck> checks, List<OfdCheck> parameterFiles, List<OfdCheck> feeFiles,
        List<OfdCheck> quoteFiles) {

    static ParameterFiles check(List<Path> files, String taCode, String date) throws IOException {
        List<OfdCheck> checks = new ArrayList<>();
        List<OfdCheck> c1 = new ArrayList<>();
        List<OfdCheck> c5 = new ArrayList<>();
        List<OfdCheck> q07 = new ArrayList<>();
        for (Path file : files) {
            OfdCheck check = OfdReader.check(file, taCode, date);
            if (!check.accepted()) {
                throw new DayFailure("file " + file.getFileName() + " rejected: " + check.rejection().reason() + " "
                        + check.rejection().detail());
            }
            checks.add(check);
            FileType type = check.header().type();
            (type == FileType.FUND_PARAMETERS ? c1 : type == FileType.FEE_RATES ? c5 : q07).add(check);
        }
        if (q07.isEmpty()) {
            throw new DayFailure("no 07 fund quote file in the inbox");
        }
        return new ParameterFiles(checks, c1, c5, q07);
    }
}
