package org.simsiamexplorer.cli;

import org.simsiamexplorer.service.SimSiamTrainingService;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code simsiam <command> [options]}: headless training and inspection over the same service as the app.
 * Plain Java; never touches DJL directly.
 */
public final class SimSiamCli {
    /** Every command, in help order. A new command is one class and one line here. */
    static final List<CliCommand> COMMANDS = List.of(
            new TrainCommand(),
            new ResumeCommand(),
            new StatusCommand(),
            new EvaluateCommand(),
            new ExperimentCommand(),
            new NotYetAvailableCommand("embed", "2-D map (PCA / t-SNE) of a run's features"),
            new NotYetAvailableCommand("explain", "SHAP explanations of a run's predictions"));

    private final CliContext context;
    private final Map<String, CliCommand> byName;

    public SimSiamCli(CliContext context) {
        this.context = context;
        this.byName = COMMANDS.stream().collect(Collectors.toMap(CliCommand::name, Function.identity()));
    }

    public static void main(String[] args) {
        CliContext context = new CliContext(System.out, System.err, SimSiamTrainingService::standard, true);
        System.exit(new SimSiamCli(context).run(args));
    }

    /** Runs one command line; returns the exit code. */
    public int run(String... args) {
        if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
            if (args.length > 1 && byName.containsKey(args[1])) {
                context.out().println(byName.get(args[1]).help());
            } else {
                context.out().println(overview());
            }
            return args.length == 0 ? ExitCodes.USAGE : ExitCodes.OK;
        }
        CliCommand command = byName.get(args[0]);
        if (command == null) {
            context.err().println("unknown command '" + args[0] + "'\n");
            context.err().println(overview());
            return ExitCodes.USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            context.out().println(command.help());
            return ExitCodes.OK;
        }
        try {
            CliArguments arguments = CliArguments.parse(rest, command.options(), command.flags());
            return command.run(arguments, context);
        } catch (UsageException e) {
            context.err().println("simsiam " + command.name() + ": " + e.getMessage() + "\n");
            context.err().println(command.help());
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            context.err().println("simsiam " + command.name() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (Exception e) {
            context.err().println("simsiam " + command.name() + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
            return ExitCodes.FAILED;
        }
    }

    static String overview() {
        StringBuilder text = new StringBuilder("usage: simsiam <command> [options]   (simsiam <command> --help)\n\n");
        for (CliCommand command : COMMANDS) {
            text.append(String.format("  %-9s %s%n", command.name(), command.summary()));
        }
        return text.toString();
    }
}
