package io.sextant.solver.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sextant} command line: one entry point, a subcommand per job. */
@Command(
    name = "sextant",
    mixinStandardHelpOptions = true,
    versionProvider = SextantVersion.class,
    description = "Low-latency off-chain solver for DeFi intent auctions.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DemoCommand.class,
      SolveCommand.class,
      SimulateCommand.class,
      QuoteCommand.class,
      FeedCommand.class,
      ReplayCommand.class,
      ReportCommand.class,
      ServeCommand.class,
      RebalanceCommand.class,
      BacktestCommand.class
    })
public final class SextantCommand implements Runnable {
  static {
    // ojAlgo prints a hardware-profile notice on stdout at first use unless told not to; it would
    // corrupt --json output.
    System.setProperty("shut.up.ojAlgo", "true");
  }

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and exits with its status. */
  public static void main(final String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured picocli command line, for tests that run subcommands in-process. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new SextantCommand());
  }
}
