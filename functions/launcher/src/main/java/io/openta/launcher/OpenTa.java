package io.openta.launcher;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.openta.model.events.DayEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code openta} command (picocli): one class per subcommand, {@code openta help [COMMAND]} or
 * {@code COMMAND --help} for its options, {@code openta completion} for the bash completion script. Exit codes: 0 the
 * day cleared (the command did its work), 1 the day failed (or the cluster could not run it), 2 bad arguments
 * (nothing was started): one line {@code openta: REASON} naming the option, then the command's usage, on stderr.
 */
@Command(name = "openta", description = "OpenTA: clears fund transfer-agent business days.",
        subcommands = { DayCommand.class, MigrateCommand.class, BenchCommand.class, ServeCommand.class,
                InfraCommand.class, StartCommand.class, StatusCommand.class, PauseCommand.class, ResumeCommand.class,
                CancelCommand.class, RollbackCommand.class, VerifyCommand.class, TokenCommand.class,
                ReleaseCommand.class, CompletionCommand.class, StressCommand.class,
                CommandLine.HelpCommand.class },
        footerHeading = "%n", footer = { "./openta help COMMAND (or ./openta COMMAND --help) lists a command's options; "
                + "source <(./openta completion) completes them in bash." },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = { "0:cleared (the command did its work)", "1:the day failed (or the cluster could not run it)",
                "2:bad arguments (nothing was started)" })
public final class OpenTa implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "this help")
    boolean help;

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;

    OpenTa(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        int code = new OpenTa(System.out, System.err, System.getenv()).run(args);
        System.out.flush();
        System.exit(code);
    }

    int run(String... args) {
        return commandLine().execute(args);
    }

    /** No command: a usage error. */
    @Override
    public Integer call() throws UsageException {
        throw new UsageException("no command given");
    }

    /** The command tree on this object, printing to its streams. */
    CommandLine commandLine() {
        CommandLine cl = new CommandLine(this).setUsageHelpAutoWidth(true);
        for (CommandLine c : cl.getSubcommands().values()) {
            // options as the command declares them: the required ones first
            c.getCommandSpec().usageMessage().sortOptions(false).sortSynopsis(false);
        }
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((e, args) -> usageError(reason(e), e.getCommandLine()));
        cl.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException) {
                return usageError(e.getMessage(), command);
            }
            err.println("openta: " + command.getCommandName() + " could not run: " + e);
            e.printStackTrace(err);
            return FAILED;
        });
        return cl;
    }

    /** Parses a {@code day} command line without running it (tests). */
    DayCommand.Request parseDay(String... args) throws UsageException {
        ParseResult parsed = commandLine().parseArgs(args);
        return ((DayCommand) parsed.subcommand().commandSpec().userObject()).request();
    }

    private int usageError(String reason, CommandLine command) {
        err.println("openta: " + reason);
        command.usage(err);
        err.flush();
        return USAGE;
    }

    /** One line naming the option, in the launcher's words rather than picocli's. */
    static String reason(ParameterException e) {
        String command = e.getCommandLine().getCommandName();
        boolean root = e.getCommandLine().getParent() == null;
        String forCommand = root ? "" : " for " + command;
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            String names = m.getMissing().stream().map(OpenTa::name).collect(Collectors.joining(", "));
            if (m.getMessage().startsWith("Missing required option")
                    || m.getMessage().startsWith("Missing required parameter:")
                    || m.getMessage().startsWith("Missing required parameters:")) {
                return "missing required option" + (m.getMissing().size() > 1 ? "s " : " ") + names + forCommand;
            }
            return "option " + names + " needs a value";
        }
        if (e instanceof OverwrittenOptionException o) {
            return "option " + name(o.getOverwritten()) + " given twice";
        }
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            List<String> like = u.getSuggestions();
            String didYouMean = like.isEmpty() ? "" : " (did you mean " + String.join(" or ", like) + "?)";
            if (first.startsWith("-")) {
                return "unknown option " + first.split("=", 2)[0] + forCommand + didYouMean;
            }
            return root ? "unknown command '" + first + "'" + didYouMean
                    : "unexpected argument '" + first + "'" + forCommand;
        }
        if (e.getCause() instanceof TypeConversionException t && e.getArgSpec() != null) {
            return name(e.getArgSpec()) + " " + t.getMessage();
        }
        return e.getMessage();
    }

    private static String name(ArgSpec spec) {
        if (spec instanceof OptionSpec o) {
            return o.longestName();
        }
        return spec instanceof PositionalParamSpec p ? p.paramLabel() : String.valueOf(spec);
    }

    /** {@code clearing            records=12 shards=8 1.23 s}: the stage padded to 20 columns. */
    static String progressLine(DayEvent e) {
        return String.format("%-19s records=%d shards=%d %s", e.stage(), e.records(), e.shards(),
                seconds(e.millis(), 2));
    }

    static String seconds(long millis, int decimals) {
        return String.format("%." + decimals + "f s", millis / 1000.0);
    }

    /** A query parameter of a JDBC URL, or "" when absent. */
    static String urlParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "";
    }
}
