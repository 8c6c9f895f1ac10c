package io.openta.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rule ids of our own cases' {@code DAY-FAILED} files (first line; see cases-v2/README.md) and how OpenTA's
 * failure message names each rule: a test of a failed day checks that it failed for that rule, not only that it
 * failed. A first line that is no rule id (the golden cases hold an example message) must appear in the message.
 */
final class FailureRules {
    private static final Map<String, Pattern> RULES = new LinkedHashMap<>();

    static {
        rule("T not later than last cleared day", "is not later than the last cleared day");
        rule("rejected 07/C1/C5 file", "file \\S+_(07|C1|C5)(_\\d{3})?\\.(?i:txt) rejected: ");
        rule("C1 FundCode blank", "_C1\\.\\w+ record \\d+: blank FundCode");
        rule("C1 FundType not 01-04", "FundType '.*' is not 01, 02, 03 or 04");
        rule("C5 FundCode blank", "_C5\\.\\w+ record \\d+: blank FundCode");
        rule("C5 BusinessCode not 3 digits", "BusinessCode '.*' is not 3 digits");
        rule("C5 GetFeeRateMethod not 0-3", "GetFeeRateMethod '.*' is not 0, 1, 2 or 3");
        rule("C5 amount not digits", "(AmountLowerLimit|AmountUpperLimit|RateFee|ConstantFee|MinFee|MaxFee) is not digits");
        rule("no 07 file", "no 07 fund quote file");
        rule("07 fund not in catalogue", "outside the catalogue");
        rule("07 fund quoted twice", "has two quotes");
        rule("07 UpdateDate not T", "UpdateDate .* is not \\d{8}");
        rule("07 NAV not digits", "NAV is not digits");
        rule("07 FundIncome not digits", "FundIncome is not digits");
        rule("07 NAV is 0", "NAV of fund .* is 0");
        rule("07 NAV does not fit N7,4", "does not fit the 04 file's N7,4");
        rule("07 money-market NAV not 1.0000", "money-market NAV must be 1.0000");
        rule("07 FundIncomeFlag not 0 or 1", "FundIncomeFlag '.*' is not 0 or 1");
        rule("07 YieldFlag not 0 or 1", "YieldFlag '.*' is not 0 or 1");
        rule("07 FundStatus invalid", "FundStatus '.*' is not 0, 1, 4, 5, 6, 8 or 9");
        rule("07 catalogue fund without quote", "no quote for catalogue fund");
        rule("migrate after a cleared day", "a register can be migrated only before any day");
        rule("migrate blank field", "record \\d+: blank (DistributorCode|TransactionAccountID|TAAccountID|FundCode)");
        rule("migrate TotalVol not digits", "TotalVolOfDistributorInTA '.*' is not digits");
        rule("migrate TAAccountID with two accounts", "belongs to two \\(DistributorCode, TransactionAccountID\\)");
        rule("migrate account with two TAAccountIDs", "has two TAAccountIDs");
        rule("migrate position twice", "appears twice");
    }

    private FailureRules() {
    }

    private static void rule(String id, String regex) {
        RULES.put(id, Pattern.compile(regex));
    }

    /** True when {@code message} names the failure {@code expected} (a rule id, or an example message). */
    static boolean matches(String expected, String message) {
        if (message == null) {
            return false;
        }
        if (expected.startsWith("migrate file rejected ")) {
            return message.contains("rejected: REJECTED " + expected.substring("migrate file rejected ".length())
                    + " ");
        }
        Pattern p = RULES.get(expected);
        if (p != null) {
            return p.matcher(message).find();
        }
        String example = expected.startsWith("day failed: ") ? expected.substring("day failed: ".length()) : expected;
        return message.contains(example);
    }
}
