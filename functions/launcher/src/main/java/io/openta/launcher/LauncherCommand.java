package io.openta.launcher;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A subcommand of {@code openta}: its options are fields, {@link #call()} runs it and returns the exit code
 * ({@link OpenTa#OK}, {@link OpenTa#FAILED}); a {@link UsageException} it throws exits {@link OpenTa#USAGE}.
 */
abstract class LauncherCommand implements Callable<Integer> {
    @ParentCommand
    OpenTa openta;
    @Option(names = { "-h", "--help" }, usageHelp = true, description = "this help")
    boolean help;

    PrintStream out() {
        return openta.out;
    }

    PrintStream err() {
        return openta.err;
    }

    Map<String, String> env() {
        return openta.env;
    }

    /** The option's value, else the environment variable's (blank counts as unset), else null. */
    String orEnv(String value, String envName) {
        return Options.orEnv(value, env(), envName);
    }

    OperatorCommands operators() {
        return new OperatorCommands(out(), err(), env());
    }

    @Override
    public abstract Integer call() throws UsageException;
}
