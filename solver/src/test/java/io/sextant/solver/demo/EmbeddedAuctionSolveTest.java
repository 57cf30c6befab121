package io.sextant.solver.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import io.sextant.solver.engine.CowSolver;
import io.sextant.solver.solution.ValidationReport;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded mainnet auction 7400693 (844 orders, 1,001 pools): every solution of the engine and
 * of the best-single-path baseline validates, and the engine's total surplus is at least the
 * baseline's. Hops: {@code -Dsextant.engine.maxHops} (default 2 while the router is being sped up).
 */
class EmbeddedAuctionSolveTest {
  static final int MAX_HOPS = Integer.getInteger("sextant.engine.maxHops", 2);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  static byte[] request;
  static AuctionComparison comparison;

  @BeforeAll
  static void solve() throws Exception {
    try (InputStream in =
        EmbeddedAuctionSolveTest.class.getResourceAsStream(
            "/io/sextant/solver/data/mainnet-auction-7400693.json")) {
      request = in.readAllBytes();
    }
    comparison = AuctionComparison.run(request, config(), CLOCK);
    final AuctionComparison.Result e = comparison.engine();
    final AuctionComparison.Result b = comparison.baseline();
    System.out.printf(
        "embedded auction, maxHops %d: engine %d solutions, %d orders, surplus %.6f ETH, %d ms;"
            + " baseline %d solutions, %d orders, surplus %.6f ETH, %d ms%n",
        MAX_HOPS,
        e.solutions().size(),
        e.ordersSolved(),
        e.surplusNative() / 1e18,
        e.times().total() / 1_000_000,
        b.solutions().size(),
        b.ordersSolved(),
        b.surplusNative() / 1e18,
        b.times().total() / 1_000_000);
  }

  static EngineConfig config() {
    return new EngineConfig(MAX_HOPS, 500, 106_391, true);
  }

  @Test
  void shouldProduceOnlyValidSolutions() {
    for (ValidationReport r : comparison.engine().reports()) {
      assertTrue(r.valid(), "engine solution " + r.solutionId() + ": " + r.violations());
    }
    for (ValidationReport r : comparison.baseline().reports()) {
      assertTrue(r.valid(), "baseline solution " + r.solutionId() + ": " + r.violations());
    }
    assertTrue(comparison.engine().ordersSolved() > 0, "the engine solves some orders");
  }

  @Test
  void shouldBeatTheBestSinglePathBaseline() {
    assertTrue(
        comparison.engine().surplusNative() >= comparison.baseline().surplusNative(),
        "engine surplus "
            + comparison.engine().surplusNative()
            + " < baseline "
            + comparison.baseline().surplusNative());
  }

  @Test
  void shouldAnswerTheSameBytesTwice() throws Exception {
    final CowSolver solver = new CowSolver(config(), CLOCK);
    assertArrayEquals(
        solver.solve(request, SolveTrace.NONE), solver.solve(request, SolveTrace.NONE));
  }
}
