package io.sextant.solver.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.portfolio.backtest.Backtester;
import io.sextant.portfolio.backtest.PricePath;
import io.sextant.portfolio.backtest.StrategyResult;
import io.sextant.portfolio.backtest.SyntheticPath;
import io.sextant.portfolio.breaker.BreakerKind;
import io.sextant.portfolio.breaker.BreakerTrip;
import io.sextant.portfolio.config.PortfolioSpec;
import io.sextant.portfolio.rebalance.PortfolioBook;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backtest acceptance: the shipped example portfolio (20 assets of the embedded
 * auction) on seeded synthetic paths with a volatility regime change and a flash crash of WETH,
 * costs from the embedded auction's pools through the split router.
 */
class BacktestAcceptanceTest {
  static PortfolioSpec spec;
  static PortfolioSession session;

  @BeforeAll
  static void load() throws Exception {
    System.setProperty("shut.up.ojAlgo", "true");
    spec = PortfolioSpecFiles.read(Path.of("../config/portfolio-example.yaml"));
    final CowAuction auction;
    try (InputStream in = Files.newInputStream(Path.of("../data/mainnet-auction-7400693.json"))) {
      auction = new CowAuctionParser().parse(in);
    }
    session = PortfolioSession.of(spec, auction);
    session.sampleAllCurves();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void costAwareShouldBeatCalendarAndThresholdAndNeverTradeAtADislocatedPrice(final long seed) {
    final PricePath path = SyntheticPath.generate(spec, session.assets().prices(), seed);
    final List<StrategyResult> results =
        new Backtester(spec, session.costs(), session.assets().prices())
            .run(PortfolioBook.of(spec), path);
    assertEquals(
        List.of("cost-aware", "calendar", "threshold"),
        results.stream().map(StrategyResult::name).toList());
    final StrategyResult costAware = results.get(0);
    for (StrategyResult other : results.subList(1, 3)) {
      assertTrue(
          costAware.score() < other.score(),
          "cost-aware "
              + costAware.score()
              + " (te "
              + costAware.trackingError()
              + ", costs "
              + costAware.costs()
              + ") should beat "
              + other.name()
              + " "
              + other.score());
    }
    final int weth = spec.indexOf("WETH");
    final int crash = spec.backtest().crashStep();
    final double maxDev = spec.breakers().maxDeviation();
    for (StrategyResult r : results) {
      // The breaker fires in the crash: WETH's pool price leaves the reference at the crash step.
      boolean firedInCrash = false;
      for (BreakerTrip t : r.trips()) {
        firedInCrash |=
            t.pool() == weth && t.sequence() == crash && t.kind() == BreakerKind.PRICE_DEVIATION;
      }
      assertTrue(firedInCrash, r.name() + ": no price-deviation trip on WETH at step " + crash);
      // No trade executes at a dislocated price: every execution's pool price is within the
      // breaker's deviation of the reference, and WETH does not trade during the dislocation.
      for (StrategyResult.Execution e : r.executions()) {
        final double dev =
            Math.abs(path.pool()[e.step()][e.asset()] / path.reference()[e.step()][e.asset()] - 1);
        assertTrue(dev <= maxDev, r.name() + ": traded " + e + " at deviation " + dev);
        assertTrue(
            !(e.asset() == weth
                && e.step() >= crash
                && e.step() < crash + spec.backtest().crashDuration()),
            r.name() + ": traded WETH in the crash: " + e);
      }
      // The dislocation really is there: it would have been a dislocated price.
      assertTrue(Math.abs(path.pool()[crash][weth] / path.reference()[crash][weth] - 1) > maxDev);
    }
  }
}
