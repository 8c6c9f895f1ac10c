package io.openta.launcher;

import io.openta.model.events.Traffic;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pause}, {@code resume}, {@code cancel}: one POST to the serve process, named as the command. */
abstract class ControlCommand extends LauncherCommand {
    @Option(names = "--date", required = true, paramLabel = "YYYYMMDD", converter = Args.Date.class,
            description = "the business day")
    String date;
    @Mixin
    Options.Url url;

    private final String command;

    ControlCommand(String command) {
        this.command = command;
    }

    @Override
    public Integer call() {
        OperatorCommands ops = operators();
        return ops.control(ops.url(url.url), ops.token(url.token), command, date, Traffic.PRODUCTION);
    }
}
