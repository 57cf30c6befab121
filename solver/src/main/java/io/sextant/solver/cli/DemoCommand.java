package io.sextant.solver.cli;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowOrder;
import io.sextant.feeds.cow.CowToken;
import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.config.SextantConfig;
import io.sextant.solver.demo.AuctionComparison;
import io.sextant.solver.engine.CowSolver;
import io.sextant.solver.journal.Journal;
import io.sextant.solver.serve.EngineFactory;
import io.sextant.solver.solution.LiquidityInteraction;
import io.sextant.solver.solution.Solution;
import io.sextant.solver.solution.Trade;
import io.sextant.solver.solution.TradeSurplus;
import io.sextant.solver.solution.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant demo}: solves the embedded mainnet auction (or {@code --auction}) with the engine
 * and with the best-single-path baseline and prints a readable summary: orders solved, surplus in
 * ETH against the baseline, matched (CoW) volume, the routes and splits of the largest orders, time
 * per stage, and whether every solution validates. Journals the engine's request and decision (not
 * the baseline's) unless {@code --no-journal}, so {@code sextant replay} can check it. Exit 0 when
 * every solution is valid, 1 otherwise, 2 when the auction is unusable.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Solves the embedded real mainnet auction and summarises the answer.")
public final class DemoCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--auction", paramLabel = "FILE", description = "Another auction file.")
  private Path auction;

  @Mixin private ConfigOption config;

  @Mixin private EngineOptions engineOptions;

  @Mixin private JournalOptions journalOptions;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "5",
      description = "Largest orders shown.")
  private int top;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final SextantConfig cfg;
    try {
      cfg = EngineSetup.resolve(config, engineOptions, journalOptions);
    } catch (IllegalArgumentException e) {
      err.println("sextant demo: " + e.getMessage());
      return 2;
    }
    final byte[] request;
    final CowAuction a;
    try {
      request = SolveCommand.read(auction);
      a = CowSolver.parse(request);
    } catch (IOException e) {
      err.println("sextant demo: cannot read " + AuctionInput.describe(auction) + ": " + e);
      return 2;
    } catch (BadRequestException e) {
      err.println("sextant demo: bad auction: " + e.getMessage());
      return 2;
    }
    final Journal journal;
    try {
      journal = JournalOptions.open(cfg.journal());
    } catch (IllegalStateException e) {
      err.println("sextant demo: " + e.getMessage());
      return 2;
    }
    final AuctionComparison c;
    try {
      out.printf(
          "Solving %s: %d orders, %d liquidity sources, max %d pools per path …%n",
          AuctionInput.describe(auction),
          a.orders().size(),
          a.liquidity().size(),
          cfg.engine().maxHops());
      out.flush();
      final AuctionSolver engine =
          EngineSetup.journaled(EngineFactory.create(cfg.engine()), cfg, journal);
      c = AuctionComparison.run(request, engine, cfg.engine(), Clock.systemUTC());
    } catch (BadRequestException e) {
      err.println("sextant demo: bad auction: " + e.getMessage());
      return 2;
    } finally {
      if (journal != null) {
        journal.close();
      }
    }
    final AuctionComparison.Result e = c.engine();
    final AuctionComparison.Result b = c.baseline();
    out.printf(
        "%nOrders solved     %d / %d (%d solutions)%n",
        e.ordersSolved(), a.orders().size(), e.solutions().size());
    out.printf(
        "Surplus           %.6f ETH   baseline (best single path) %.6f ETH   (%+.6f)%n",
        e.surplusNative() / 1e18,
        b.surplusNative() / 1e18,
        (e.surplusNative() - b.surplusNative()) / 1e18);
    out.printf("Matched (CoW)     %s%n", matched(a, e));
    out.printf("Valid             engine %s, baseline %s%n", validity(e), validity(b));
    out.printf("%nTime per stage (engine; baseline total %.1f ms)%n", b.times().total() / 1e6);
    e.times().nanos().forEach((k, v) -> out.printf("  %-8s %10.1f ms%n", k, v / 1e6));
    out.printf("  %-8s %10.1f ms%n", "total", e.times().total() / 1e6);
    largest(out, a, e);
    out.printf(
        "%n%s%n",
        journal == null
            ? "Not journaled (--no-journal or journal.enabled: false)."
            : "Journaled the request and the engine's decision in "
                + journal.dir()
                + "/; check them with: bin/sextant replay --journal "
                + journal.dir());
    out.flush();
    return e.valid() && b.valid() ? 0 : 1;
  }

  private static String validity(final AuctionComparison.Result r) {
    final long bad = r.reports().stream().filter(x -> !x.valid()).count();
    return bad == 0
        ? "all " + r.reports().size() + " valid"
        : bad + " INVALID of " + r.reports().size();
  }

  /** Volume of orders settled in solutions with more than one trade, in ETH at reference prices. */
  private static String matched(final CowAuction a, final AuctionComparison.Result r) {
    final Map<String, CowOrder> orders = new HashMap<>();
    a.orders().forEach(o -> orders.put(o.uid(), o));
    double eth = 0.0;
    int trades = 0;
    for (Solution s : r.solutions()) {
      if (s.trades().size() < 2) {
        continue;
      }
      for (Trade t : s.trades()) {
        final CowOrder o = orders.get(t.order());
        trades++;
        eth +=
            eth(
                a,
                o.sellToken(),
                o.kind() == CowOrder.Kind.SELL ? t.executedAmount() : o.sellAmount());
      }
    }
    return trades == 0
        ? "none (no profitable coincidence of wants)"
        : String.format("%d orders, %.4f ETH sold", trades, eth);
  }

  private static double eth(final CowAuction a, final String token, final BigInteger amount) {
    final CowToken t = a.tokens().get(token);
    if (t == null || t.referencePrice() == null) {
      return 0.0;
    }
    return new BigDecimal(amount.multiply(t.referencePrice()))
        .divide(BigDecimal.TEN.pow(36), MathContext.DECIMAL64)
        .doubleValue();
  }

  private void largest(
      final PrintWriter out, final CowAuction a, final AuctionComparison.Result r) {
    record Row(Solution s, ValidationReport rep, double eth) {}
    final Map<String, CowOrder> orders = new HashMap<>();
    a.orders().forEach(o -> orders.put(o.uid(), o));
    final List<Row> rows = new ArrayList<>();
    for (int i = 0; i < r.solutions().size(); i++) {
      final Solution s = r.solutions().get(i);
      double v = 0.0;
      for (TradeSurplus t : r.reports().get(i).trades()) {
        final CowOrder o = orders.get(t.order());
        v += eth(a, o.sellToken(), t.sold());
      }
      rows.add(new Row(s, r.reports().get(i), v));
    }
    rows.sort(Comparator.comparingDouble(Row::eth).reversed());
    out.printf("%nLargest solutions (by volume)%n");
    for (Row row : rows.subList(0, Math.min(top, rows.size()))) {
      out.printf(
          "  solution %d: %.4f ETH, surplus %s, gas %d%n",
          row.s().id(), row.eth(), eth(row.rep().surplusNative()), row.s().gas());
      for (TradeSurplus t : row.rep().trades()) {
        final CowOrder o = orders.get(t.order());
        out.printf(
            "    %s %s %s -> %s %s%n",
            o.uid().substring(0, 10),
            t.sold(),
            symbol(a, o.sellToken()),
            t.bought(),
            symbol(a, o.buyToken()));
      }
      for (LiquidityInteraction i : row.s().interactions()) {
        out.printf(
            "      pool %-6s %s %s -> %s %s%s%n",
            i.id(),
            i.inputAmount(),
            symbol(a, i.inputToken()),
            i.outputAmount(),
            symbol(a, i.outputToken()),
            i.internalize() ? " (internalized)" : "");
      }
    }
  }

  /** Native wei as ETH, or {@code n/a} when the tokens have no reference price. */
  private static String eth(final double nativeWei) {
    return Double.isNaN(nativeWei)
        ? "n/a (no reference price)"
        : String.format("%.6f ETH", nativeWei / 1e18);
  }

  private static String symbol(final CowAuction a, final String token) {
    final CowToken t = a.tokens().get(token);
    if (t != null && t.symbol() != null) {
      return t.symbol();
    }
    // No symbol in the auction: the address's ends, which tell tokens apart (test auctions use
    // addresses such as 0x…0a and 0x…0b that share their first bytes).
    return token.length() > 12
        ? token.substring(0, 6) + "…" + token.substring(token.length() - 4)
        : token;
  }
}
