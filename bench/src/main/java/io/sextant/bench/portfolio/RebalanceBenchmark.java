package io.sextant.bench.portfolio;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.portfolio.config.PortfolioSpec;
import io.sextant.portfolio.config.PortfolioSpecParser;
import io.sextant.portfolio.rebalance.CovarianceTracker;
import io.sextant.portfolio.rebalance.PortfolioBook;
import io.sextant.portfolio.rebalance.RebalancePlan;
import io.sextant.portfolio.rebalance.RebalancePlanner;
import io.sextant.solver.portfolio.PortfolioSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full rebalance plan for the 20-asset example portfolio ({@code config/portfolio-example.yaml})
 * on the embedded mainnet auction 7400693: breakers, targets, the cost-aware QP, and every child
 * trade routed exactly by the split router (maxHops from the portfolio, 2). {@code plan}: the cost
 * curves are cached for the market state, as between two state changes; {@code planWithSampling}:
 * the market state changes before every plan, so all 38 cost curves (9 routes each) are sampled
 * again. Target ≤ 50 ms for {@code plan}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Dshut.up.ojAlgo=true"})
@State(Scope.Thread)
public class RebalanceBenchmark {
  private PortfolioSpec spec;
  private PortfolioSession session;
  private RebalancePlanner planner;
  private PortfolioBook book;
  private double[][] cov;
  private long state;

  /** Loads the auction and the example portfolio, samples every cost curve once. */
  @Setup
  public void setUp() throws IOException {
    final CowAuction auction;
    try (InputStream in =
        RebalanceBenchmark.class.getResourceAsStream(
            "/io/sextant/solver/data/mainnet-auction-7400693.json")) {
      auction = new CowAuctionParser().parse(in);
    }
    try (InputStream in =
        RebalanceBenchmark.class.getResourceAsStream(
            "/io/sextant/solver/config/portfolio-example.yaml")) {
      spec = new PortfolioSpecParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    session = PortfolioSession.of(spec, auction);
    session.sampleAllCurves();
    planner = session.planner();
    book = PortfolioBook.of(spec);
    cov = CovarianceTracker.prior(spec);
    final RebalancePlan p = planner.plan(book.copy(), cov);
    if (p.trades().isEmpty()) {
      throw new IllegalStateException("the example portfolio plans no trade: nothing to measure");
    }
  }

  /** One plan with the cost curves cached. */
  @Benchmark
  public RebalancePlan plan() {
    return planner.plan(book.copy(), cov);
  }

  /** One plan after a market-state change: every cost curve is sampled again first. */
  @Benchmark
  public RebalancePlan planWithSampling() {
    session.costs().marketState(++state);
    return planner.plan(book.copy(), cov);
  }
}
