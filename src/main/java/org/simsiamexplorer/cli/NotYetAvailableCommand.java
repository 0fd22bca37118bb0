package org.simsiamexplorer.cli;

/** Placeholder for a command another part of the project will provide. */
final class NotYetAvailableCommand implements CliCommand {
    private final String name;
    private final String summary;

    NotYetAvailableCommand(String name, String summary) {
        this.name = name;
        this.summary = summary;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary + " (not yet available)";
    }

    @Override
    public String help() {
        return "simsiam " + name + ": " + summary + "\n\nThis command is not yet available in this version.";
    }

    @Override
    public int run(CliArguments arguments, CliContext context) {
        context.err().println("simsiam " + name + " is not yet available in this version.");
        return ExitCodes.NOT_AVAILABLE;
    }
}
