package io.openta.launcher;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code openta completion}: prints the bash (and zsh) completion script of every command and option. */
@Command(name = "completion", description = "Prints the bash completion script of the commands and their "
        + "options: source <(./openta completion)")
final class CompletionCommand extends LauncherCommand {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        out().print(AutoComplete.bash("openta", spec.root().commandLine()));
        out().flush();
        return OpenTa.OK;
    }
}
