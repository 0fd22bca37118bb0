package org.simsiamexplorer.cli;

/** One subcommand of {@code simsiam}. Adding a command is one class plus its entry in {@link SimSiamCli#COMMANDS}. */
public interface CliCommand {
    /** The word after {@code simsiam}, e.g. "train". */
    String name();

    /** One line for the command list. */
    String summary();

    /** Full help: usage line and options. */
    String help();

    /** Options that take a value, without the leading "--". */
    default java.util.Set<String> options() {
        return java.util.Set.of();
    }

    /** Options without a value. */
    default java.util.Set<String> flags() {
        return java.util.Set.of();
    }

    /** Runs the command; returns the process exit code ({@link ExitCodes}). */
    int run(CliArguments arguments, CliContext context) throws Exception;
}
