package io.sextant.solver.cli;

import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.config.ConfigException;
import io.sextant.solver.config.SextantConfig;
import io.sextant.solver.replay.Replayer;
import io.sextant.solver.replay.SolverFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant replay}: re-feeds a journal's recorded inputs through the engine and checks that
 * every decision (and store checkpoint) is reproduced bit for bit, listing divergences; with {@code
 * --config}, an A/B replay with that file's {@code engine:} section (read by {@link
 * io.sextant.solver.config.SextantConfig}, like every command's configuration) that reports surplus
 * and route differences per auction. Last line {@code reproduced N/M decisions}. Exit 0 iff
 * everything reproduced (always 0 for an A/B replay that ran), 1 on divergences, 2 on unusable
 * input.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a decision journal through the engine: every decision must be reproduced bit for"
          + " bit. With --config, shows what another engine configuration would have changed."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal.")
  private Path journal;

  @Option(
      names = "--from",
      paramLabel = "INDEX",
      description = "First entry index to check (decimal or 0x hex; default: the first).")
  private String from;

  @Option(
      names = "--to",
      paramLabel = "INDEX",
      description = "Last entry index to check (default: the last).")
  private String to;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A/B: replay with the engine section of this sextant.yaml instead of the recorded"
              + " configurations.")
  private Path config;

  @Option(
      names = "--engine",
      paramLabel = "NAME",
      description = "Engine to replay with, when several are registered (default: cow).")
  private String engine;

  @Option(names = "--no-progress", description = "No progress bar on stderr.")
  private boolean noProgress;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final long lo;
    final long hi;
    final SolverFactory factory;
    final EngineConfig override;
    try {
      lo = from == null ? Long.MIN_VALUE : index(from, "--from");
      hi = to == null ? Long.MAX_VALUE : index(to, "--to");
      factory = SolverFactory.find(engine);
      override = config == null ? null : SextantConfig.load(config).engine();
    } catch (IllegalArgumentException e) {
      err.println("sextant replay: " + e.getMessage());
      return 2;
    } catch (ConfigException e) {
      err.println("sextant replay: " + config + ": " + e.getMessage());
      return 2;
    }
    final ProgressBar bar = noProgress ? null : new ProgressBar(err, "decisions");
    final Replayer.Result r;
    try {
      r = new Replayer(factory, override).run(journal, lo, hi, bar == null ? null : bar::update);
    } catch (IllegalArgumentException | IllegalStateException e) {
      if (bar != null) {
        bar.finish();
      }
      err.println("sextant replay: " + e.getMessage());
      return 2;
    } finally {
      if (bar != null) {
        bar.finish();
      }
    }
    out.printf(
        "market events %d (rejected by the applier %d), store checkpoints %d/%d reproduced%n",
        r.marketEvents(), r.marketEventsRejected(), r.checkpointsMatched(), r.checkpoints());
    for (final String c : r.checkpointDivergences()) {
      out.println("checkpoint divergence: " + c);
    }
    for (final String p : r.problems()) {
      out.println("problem: " + p);
    }
    if (override != null) {
      out.println("A/B against " + config + " (" + override + ")");
      out.println("decision\tauction\tsolutions\tsurplus ETH before -> after\troute changes");
      for (final Replayer.AbRow a : r.ab()) {
        out.printf(
            Locale.ROOT,
            "%d\t%s\t%d -> %d\t%.6f -> %.6f (%+.6f)\t%d%n",
            a.decisionIndex(),
            a.auctionId(),
            a.solutionsBefore(),
            a.solutionsAfter(),
            a.surplusBeforeEth(),
            a.surplusAfterEth(),
            a.surplusAfterEth() - a.surplusBeforeEth(),
            a.routeChanges().size());
        for (final String c : a.routeChanges()) {
          out.println("    " + c);
        }
      }
      out.printf("replayed %d/%d decisions with the other config%n", r.reproduced(), r.decisions());
      out.flush();
      return 0;
    }
    for (final Replayer.Divergence d : r.divergences()) {
      out.printf(
          "divergence: decision %d auction %s: %s recorded %s, replayed %s%n",
          d.decisionIndex(), d.auctionId(), d.field(), d.recorded(), d.replayed());
    }
    out.printf("reproduced %d/%d decisions%n", r.reproduced(), r.decisions());
    out.flush();
    return r.allReproduced() ? 0 : 1;
  }

  private static long index(final String s, final String option) {
    try {
      return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": not an index: " + s);
    }
  }
}
