package io.openta.launcher;

import picocli.CommandLine.Command;

/** {@code openta pause --date D [--url URL]}. */
@Command(name = "pause", description = "Stops dispatching the day's shard tasks (running ones finish).")
final class PauseCommand extends ControlCommand {
    PauseCommand() {
        super("pause");
    }
}
