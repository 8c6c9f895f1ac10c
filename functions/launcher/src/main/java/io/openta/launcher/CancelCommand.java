package io.openta.launcher;

import picocli.CommandLine.Command;

/** {@code openta cancel --date D [--url URL]}. */
@Command(name = "cancel", description = "Stops the day and rolls it back to its start.")
final class CancelCommand extends ControlCommand {
    CancelCommand() {
        super("cancel");
    }
}
