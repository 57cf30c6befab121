package io.sextant.solver.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.portfolio.backtest.Backtester;
import io.sextant.portfolio.backtest.PriceCsvReader;
import io.sextant.portfolio.backtest.PricePath;
import io.sextant.portfolio.backtest.StrategyResult;
import io.sextant.portfolio.backtest.SyntheticPath;
import io.sextant.portfolio.config.PortfolioSpecException;
import io.sextant.portfolio.rebalance.PortfolioBook;
import io.sextant.solver.backtest.BacktestReport;
import io.sextant.solver.portfolio.PortfolioSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant backtest}: the cost-aware rebalancer against calendar and threshold rebalancing on
 * one price path (a CSV file or a seeded synthetic path), with execution costs from the auction's
 * pools. Exit 0 when the backtest ran, 2 on unusable input.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Backtests cost-aware, calendar and threshold rebalancing of a portfolio on one price path,"
          + " with costs from the real pool curves of an auction.",
      "CSV: header 'label,SYMBOL,...[,pool:SYMBOL][,liquidity:SYMBOL]', one row per step,"
          + " prices in the quote asset per whole token."
    })
public final class BacktestCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--portfolio",
      required = true,
      paramLabel = "FILE.yaml",
      description = "Portfolio specification (see config/README.md).")
  private Path portfolio;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Source source;

  static final class Source {
    @Option(names = "--prices", paramLabel = "FILE.csv", description = "Price path as CSV.")
    Path prices;

    @Option(names = "--synthetic", description = "A seeded synthetic path (see backtest.* keys).")
    boolean synthetic;
  }

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Synthetic seed.")
  private long seed;

  @Option(
      names = "--auction",
      paramLabel = "FILE",
      description = "Auction whose pools give the costs (default: the embedded one).")
  private Path auction;

  @Option(names = "--out", paramLabel = "DIR", description = "Write an HTML report with charts.")
  private Path outDir;

  @Option(names = "--json", description = "Print {\"strategies\":[...]} as JSON.")
  private boolean json;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final RebalanceCommand.Loaded l = RebalanceCommand.load("backtest", portfolio, auction, err);
    if (l == null) {
      return 2;
    }
    final PortfolioSession s;
    try {
      s = PortfolioSession.of(l.spec(), l.auction());
    } catch (PortfolioSpecException e) {
      err.println("sextant backtest: " + portfolio + ": " + e.getMessage());
      return 2;
    }
    final PricePath path;
    if (source.synthetic) {
      path = SyntheticPath.generate(l.spec(), s.assets().prices(), seed);
    } else {
      try {
        path = PriceCsvReader.read(Files.readString(source.prices), l.spec().symbols());
      } catch (NoSuchFileException e) {
        err.println("sextant backtest: no such prices file: " + source.prices);
        return 2;
      } catch (IOException e) {
        err.println("sextant backtest: cannot read " + source.prices + ": " + e);
        return 2;
      } catch (IllegalArgumentException e) {
        err.println("sextant backtest: " + source.prices + ": " + e.getMessage());
        return 2;
      }
    }
    s.sampleAllCurves();
    final List<StrategyResult> results =
        new Backtester(l.spec(), s.costs(), s.assets().prices())
            .run(PortfolioBook.of(l.spec()), path);
    if (outDir != null) {
      try {
        BacktestReport.write(outDir, commandLine(), l.spec().symbols(), results);
      } catch (IOException e) {
        err.println("sextant backtest: cannot write the report to " + outDir + ": " + e);
        return 2;
      }
    }
    if (json) {
      out.println(toJson(results));
    } else {
      out.printf(
          "%-11s %15s %10s %12s %10s %13s %14s%n",
          "strategy",
          "trackingError",
          "costs",
          "TE + costs",
          "turnover",
          "maxDrawdown",
          "breakerTrips");
      for (StrategyResult r : results) {
        out.printf(
            "%-11s %14.3f%% %9.3f%% %11.3f%% %10.2f %12.2f%% %14d%n",
            r.name(),
            100 * r.trackingError(),
            100 * r.costs(),
            100 * r.score(),
            r.turnover(),
            100 * r.maxDrawdown(),
            r.breakerTrips());
      }
      if (outDir != null) {
        out.println("report: " + outDir.resolve("index.html"));
      }
    }
    out.flush();
    return 0;
  }

  private String commandLine() {
    return "sextant backtest --portfolio "
        + portfolio
        + (source.synthetic ? " --synthetic --seed " + seed : " --prices " + source.prices)
        + (auction == null ? "" : " --auction " + auction);
  }

  /** The {@code --json} document. */
  static String toJson(final List<StrategyResult> results) {
    final ObjectMapper m = new ObjectMapper();
    final ObjectNode root = m.createObjectNode();
    final ArrayNode arr = root.putArray("strategies");
    for (StrategyResult r : results) {
      final ObjectNode o = arr.addObject();
      o.put("name", r.name());
      o.put("trackingError", r.trackingError());
      o.put("costs", r.costs());
      o.put("turnover", r.turnover());
      o.put("maxDrawdown", r.maxDrawdown());
      o.put("breakerTrips", r.breakerTrips());
    }
    try {
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
