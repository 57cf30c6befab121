package io.sextant.portfolio.collateral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LendingPositionTest {
  // 10 ETH at 3000 against 15000 USDC, LT 0.825: HF = 30000·0.825/15000 = 1.65.
  private final LendingPosition pos = new LendingPosition(10, 3000, 15_000, 1.0, 0.825);

  @Test
  void shouldComputeHealthFactorAndLiquidationPrice() {
    assertEquals(1.65, pos.healthFactor(), 1e-15);
    assertEquals(15_000 / (10 * 0.825), pos.liquidationCollateralPrice(), 1e-9);
    assertEquals(1 - 1 / 1.65, pos.collateralDropToLiquidation(), 1e-15);
    assertEquals(0.65, pos.debtRiseToLiquidation(), 1e-15);
  }

  @Test
  void shouldReachHealthFactorOneExactlyAtTheComputedMoves() {
    final double pc = pos.collateralPrice() * (1 - pos.collateralDropToLiquidation());
    assertEquals(1.0, new LendingPosition(10, pc, 15_000, 1.0, 0.825).healthFactor(), 1e-12);
    assertEquals(pos.liquidationCollateralPrice(), pc, 1e-9);
    final double pd = pos.debtPrice() * (1 + pos.debtRiseToLiquidation());
    assertEquals(1.0, new LendingPosition(10, 3000, 15_000, pd, 0.825).healthFactor(), 1e-12);
  }

  @Test
  void shouldBeInfinitelyHealthyWithoutDebt() {
    final LendingPosition safe = new LendingPosition(1, 3000, 0, 1, 0.8);
    assertEquals(Double.POSITIVE_INFINITY, safe.healthFactor());
    assertEquals(0.0, safe.liquidationProbability(0.5, 1.0));
  }

  @Test
  void shouldMatchReflectionPrincipleAndMonteCarloForFirstPassage() {
    final double sigma = 0.04; // per √day
    final double horizon = 30; // days
    final double p = pos.liquidationProbability(sigma, horizon);
    final double b = Math.log(1 / 1.65);
    final Random rnd = new Random(1);
    int hits = 0;
    final int paths = 20_000;
    final int steps = 3000;
    final double dt = horizon / steps;
    for (int k = 0; k < paths; k++) {
      double x = 0;
      for (int s = 0; s < steps; s++) {
        x += sigma * Math.sqrt(dt) * rnd.nextGaussian();
        if (x <= b) {
          hits++;
          break;
        }
      }
    }
    // Discrete monitoring misses some crossings, so the estimate sits a little below.
    final double mc = hits / (double) paths;
    assertTrue(p > 0.01 && p < 0.99, "p " + p);
    assertEquals(p, mc, 0.02);
    assertEquals(
        1.0, new LendingPosition(10, 1000, 15_000, 1, 0.825).liquidationProbability(0.04, 1));
  }
}
