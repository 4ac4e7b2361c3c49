package io.linetwin.app.twin;

import picocli.CommandLine.Command;

@Command(
        name = "twin",
        mixinStandardHelpOptions = true,
        description = "The live twin of a line, kept in sync from Kafka.",
        subcommands = {TwinFollowCommand.class})
public final class TwinCommand {}
