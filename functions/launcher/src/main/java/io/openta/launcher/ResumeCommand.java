package io.openta.launcher;

import picocli.CommandLine.Command;

/** {@code openta resume --date D [--url URL]}. */
@Command(name = "resume", description = "Goes on with a paused day.")
final class ResumeCommand extends ControlCommand {
    ResumeCommand() {
        super("resume");
    }
}
