package io.sextant.solver.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowFormatException;
import io.sextant.portfolio.breaker.BreakerTrip;
import io.sextant.portfolio.config.PortfolioSpec;
import io.sextant.portfolio.config.PortfolioSpecException;
import io.sextant.portfolio.rebalance.CovarianceTracker;
import io.sextant.portfolio.rebalance.PortfolioBook;
import io.sextant.portfolio.rebalance.RebalanceDecision;
import io.sextant.portfolio.rebalance.RebalancePlan;
import io.sextant.portfolio.rebalance.RouteLeg;
import io.sextant.portfolio.rebalance.RoutedTrade;
import io.sextant.solver.config.JournalConfig;
import io.sextant.solver.journal.Journal;
import io.sextant.solver.journal.JournalAppender;
import io.sextant.solver.portfolio.PortfolioSession;
import io.sextant.solver.portfolio.PortfolioSpecFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant rebalance}: one cost-aware rebalance plan for a portfolio on an auction's
 * liquidity: trades, their routes with legs, costs, and risk before and after. Exit 0 with a plan,
 * 2 when the portfolio or auction is unusable.
 */
@Command(
    name = "rebalance",
    mixinStandardHelpOptions = true,
    description = {
      "Plans a cost-aware rebalance of a portfolio and routes its trades through the split router"
          + " on an auction's liquidity.",
      "The covariance is the portfolio's prior (asset volatilities and risk.correlation)."
    })
public final class RebalanceCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--portfolio",
      required = true,
      paramLabel = "FILE.yaml",
      description = "Portfolio specification (see config/README.md).")
  private Path portfolio;

  @Option(
      names = "--auction",
      paramLabel = "FILE",
      description = "Auction in the CoW solver-engine format (default: the embedded one).")
  private Path auction;

  @Option(names = "--json", description = "Print the plan as JSON.")
  private boolean json;

  @Mixin private JournalOptions journalOptions;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final Loaded l = load("rebalance", portfolio, auction, err);
    if (l == null) {
      return 2;
    }
    final long t0 = System.nanoTime();
    final PortfolioSession s;
    try {
      s = PortfolioSession.of(l.spec, l.auction);
    } catch (PortfolioSpecException e) {
      err.println("sextant rebalance: " + portfolio + ": " + e.getMessage());
      return 2;
    }
    s.sampleAllCurves();
    final long t1 = System.nanoTime();
    final RebalancePlan plan =
        s.planner().plan(PortfolioBook.of(l.spec), CovarianceTracker.prior(l.spec));
    final long t2 = System.nanoTime();
    if (!journalTrips(plan, err)) {
      return 2;
    }
    if (json) {
      out.println(toJson(plan, s, (t1 - t0) / 1e6, (t2 - t1) / 1e6));
    } else {
      printTable(out, plan, s, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
    out.flush();
    return 0;
  }

  /**
   * Journals the plan's breaker trips ({@code --journal DIR}, by default {@code ./journal}; {@code
   * --no-journal} skips it) and says where on stderr; false when the journal cannot be opened.
   */
  private boolean journalTrips(final RebalancePlan plan, final PrintWriter err) {
    final Journal journal;
    try {
      journal = JournalOptions.open(journalOptions.apply(JournalConfig.DEFAULTS));
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("sextant rebalance: " + e.getMessage());
      return false;
    }
    if (journal == null) {
      return true;
    }
    try (journal) {
      final JournalAppender a = journal.appender();
      for (BreakerTrip t : plan.trips()) {
        a.appendBreakerTrip(t);
      }
      err.println(
          "sextant rebalance: journaled "
              + plan.trips().size()
              + " breaker trip(s) to "
              + journal.dir());
    }
    return true;
  }

  record Loaded(PortfolioSpec spec, CowAuction auction) {}

  static Loaded load(
      final String cmd, final Path portfolio, final Path auctionFile, final PrintWriter err) {
    final PortfolioSpec spec;
    try {
      spec = PortfolioSpecFiles.read(portfolio);
    } catch (NoSuchFileException e) {
      err.println("sextant " + cmd + ": no such portfolio file: " + portfolio);
      return null;
    } catch (IOException e) {
      err.println("sextant " + cmd + ": cannot read " + portfolio + ": " + e);
      return null;
    } catch (PortfolioSpecException e) {
      err.println("sextant " + cmd + ": " + portfolio + ": " + e.getMessage());
      return null;
    }
    final CowAuction a;
    try {
      a = AuctionInput.load(auctionFile);
    } catch (NoSuchFileException e) {
      err.println("sextant " + cmd + ": no such auction file: " + auctionFile);
      return null;
    } catch (IOException e) {
      err.println(
          "sextant " + cmd + ": cannot read " + AuctionInput.describe(auctionFile) + ": " + e);
      return null;
    } catch (CowFormatException e) {
      err.println(
          "sextant "
              + cmd
              + ": bad auction "
              + AuctionInput.describe(auctionFile)
              + ": "
              + e.getMessage());
      return null;
    }
    return new Loaded(spec, a);
  }

  private static String token(final PortfolioSession s, final int marketToken) {
    return s.label(marketToken);
  }

  static String toJson(
      final RebalancePlan p, final PortfolioSession s, final double sampleMs, final double planMs) {
    final ObjectMapper m = new ObjectMapper();
    final ObjectNode root = m.createObjectNode();
    final RebalanceDecision d = p.decision();
    root.put("traded", d.traded());
    root.put("valueBefore", p.valueBefore());
    root.put("valueAfter", p.valueAfter());
    final ObjectNode risk = root.putObject("risk");
    final ObjectNode before = risk.putObject("before");
    before.put("volatility", p.volatilityBefore());
    before.put("trackingError", p.trackingErrorBefore());
    before.put("valueAtRisk1d", p.varBefore());
    final ObjectNode after = risk.putObject("after");
    after.put("volatility", p.volatilityAfter());
    after.put("trackingError", p.trackingErrorAfter());
    after.put("valueAtRisk1d", p.varAfter());
    final ArrayNode weights = root.putArray("weights");
    for (int i = 0; i < p.symbols().length; i++) {
      final ObjectNode w = weights.addObject();
      w.put("asset", p.symbols()[i]);
      w.put("price", p.prices()[i]);
      w.put("before", p.weightsBefore()[i]);
      w.put("target", p.targets()[i]);
      w.put("after", p.weightsAfter()[i]);
      w.put("parentTrade", d.parent()[i]);
      w.put("stepTrade", d.step()[i]);
      w.put("children", d.children()[i]);
      w.put("halted", p.halted()[i]);
    }
    final ArrayNode trades = root.putArray("trades");
    for (RoutedTrade t : p.trades()) {
      final ObjectNode o = trades.addObject();
      o.put("asset", p.symbols()[t.asset()]);
      o.put("side", t.buy() ? "buy" : "sell");
      o.put("notional", t.notional());
      o.put("children", d.children()[t.asset()]);
      if (!t.ok()) {
        o.put("error", t.error());
        continue;
      }
      o.put("amountIn", t.amountIn());
      o.put("amountOut", t.amountOut());
      o.put("split", t.split());
      o.put("gasUnits", t.gasUnits());
      o.put("slippage", t.slippage());
      o.put("gas", t.gas());
      o.put("cost", t.cost());
      final ArrayNode legs = o.putArray("legs");
      for (RouteLeg leg : t.legs()) {
        final ObjectNode lg = legs.addObject();
        lg.put("pool", leg.pool());
        lg.put("tokenIn", token(s, leg.tokenIn()));
        lg.put("tokenOut", token(s, leg.tokenOut()));
        lg.put("amountIn", leg.amountIn());
        lg.put("amountOut", leg.amountOut());
      }
    }
    final ObjectNode costs = root.putObject("costs");
    costs.put("expected", d.expectedCost());
    costs.put("routed", p.routedCost());
    final ArrayNode hf = root.putArray("lendingPositions");
    for (int i = 0; i < p.healthFactorsBefore().length; i++) {
      final ObjectNode h = hf.addObject();
      h.put("healthFactorBefore", p.healthFactorsBefore()[i]);
      h.put("healthFactorAfter", p.healthFactorsAfter()[i]);
    }
    root.put("repaid", p.repaid());
    final ArrayNode lps = root.putArray("lpPositions");
    for (RebalancePlan.LpGreeks g : p.lps()) {
      final ObjectNode o = lps.addObject();
      o.put("asset", p.symbols()[g.asset()]);
      o.put("kind", g.kind());
      o.put("value", g.value());
      o.put("delta", g.delta());
      o.put("gamma", g.gamma());
      o.put("lvrPerYear", g.lvrPerYear());
    }
    final ArrayNode trips = root.putArray("breakerTrips");
    for (BreakerTrip t : p.trips()) {
      final ObjectNode o = trips.addObject();
      o.put("asset", p.symbols()[t.pool()]);
      o.put("kind", t.kind().name());
      o.put("observed", t.observed());
      o.put("threshold", t.threshold());
    }
    root.put("curveSamplingMillis", sampleMs);
    root.put("planMillis", planMs);
    try {
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void printTable(
      final PrintWriter out,
      final RebalancePlan p,
      final PortfolioSession s,
      final double sampleMs,
      final double planMs) {
    final RebalanceDecision d = p.decision();
    out.printf(
        "value %,.0f %s -> %,.0f after costs%n",
        p.valueBefore(), p.symbols()[s.assets().quote()], p.valueAfter());
    out.printf(
        "%-8s %12s %8s %8s %8s %14s %14s %5s%n",
        "asset", "price", "weight", "target", "after", "parent trade", "this step", "kids");
    for (int i = 0; i < p.symbols().length; i++) {
      out.printf(
          "%-8s %12.4f %7.2f%% %7.2f%% %7.2f%% %14.0f %14.0f %5d%s%n",
          p.symbols()[i],
          p.prices()[i],
          100 * p.weightsBefore()[i],
          100 * p.targets()[i],
          100 * p.weightsAfter()[i],
          d.parent()[i],
          d.step()[i],
          d.children()[i],
          p.halted()[i] ? "  HALTED" : "");
    }
    out.println();
    out.println("routed trades (sells first):");
    for (RoutedTrade t : p.trades()) {
      final String name = p.symbols()[t.asset()];
      if (!t.ok()) {
        out.printf(
            "  %-4s %-8s %,14.0f  no route: %s%n",
            t.buy() ? "buy" : "sell", name, t.notional(), t.error());
        continue;
      }
      out.printf(
          "  %-4s %-8s %,14.0f  slippage %,10.2f  gas %,7.2f  (%s, %d legs)%n",
          t.buy() ? "buy" : "sell",
          name,
          t.notional(),
          t.slippage(),
          t.gas(),
          t.split() ? "split" : "single path",
          t.legs().size());
      for (RouteLeg leg : t.legs()) {
        out.printf(
            "       pool %-6s %s -> %s  %s -> %s%n",
            leg.pool(),
            token(s, leg.tokenIn()),
            token(s, leg.tokenOut()),
            leg.amountIn(),
            leg.amountOut());
      }
    }
    out.println();
    out.printf("costs: expected %,.2f, routed %,.2f%n", d.expectedCost(), p.routedCost());
    out.printf(
        "risk (annualised): volatility %.2f%% -> %.2f%%, tracking error %.3f%% -> %.3f%%,"
            + " 1-day VaR %.2f%% -> %.2f%%%n",
        100 * p.volatilityBefore(),
        100 * p.volatilityAfter(),
        100 * p.trackingErrorBefore(),
        100 * p.trackingErrorAfter(),
        100 * p.varBefore(),
        100 * p.varAfter());
    for (int i = 0; i < p.healthFactorsBefore().length; i++) {
      out.printf(
          "lending position %d: health factor %.3f -> %.3f%n",
          i, p.healthFactorsBefore()[i], p.healthFactorsAfter()[i]);
    }
    if (p.repaid() > 0) {
      out.printf("repaid %,.2f of debt to keep the health-factor buffer%n", p.repaid());
    }
    for (RebalancePlan.LpGreeks g : p.lps()) {
      out.printf(
          "LP %s %s: value %,.0f, delta %.4f, gamma %.3e, LVR %,.0f/yr%n",
          g.kind(), p.symbols()[g.asset()], g.value(), g.delta(), g.gamma(), g.lvrPerYear());
    }
    for (BreakerTrip t : p.trips()) {
      out.printf(
          "breaker %s on %s: %.4f past %.4f%n",
          t.kind(), p.symbols()[t.pool()], t.observed(), t.threshold());
    }
    out.printf(
        "cost curves sampled in %.0f ms; plan (decision + routing) in %.0f ms%n", sampleMs, planMs);
  }
}
