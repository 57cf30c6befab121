package io.sextant.routing.math.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.StableSwapFloat;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.curve.CurveStableSwapPool;
import io.sextant.routing.math.u256.UInt256;
import org.junit.jupiter.api.Test;

/** The double companions agree with the exact pools and are self-consistent. */
class FloatCompanionsTest {
  private static double exactOut(
      final io.sextant.routing.math.ExactPool p, final int i, final int j, final double a) {
    final SwapResult r = new SwapResult();
    final UInt256 in = new UInt256();
    in.setDouble(a);
    assertTrue(p.exactIn(i, j, in, r), r::failure);
    return r.amountOut.toDouble();
  }

  @Test
  void weightedCompanionShouldTrackExactMathAndInvertItsMarginal() {
    final BalancerWeightedPool p =
        BalancerWeightedPool.fromDecimals(
            new String[] {"31686717298564222587034828", "14236767788701850247952"},
            new String[] {"1", "1"},
            new String[] {"0.8", "0.2"},
            "0.01",
            "v0");
    final double bi = 14236767788701850247952.0;
    final double bo = 31686717298564222587034828.0;
    for (final double a : new double[] {1e15, 1e18, 2000e18, 4000e18}) {
      final double approx = WeightedFloat.output(bi, 0.2, bo, 0.8, 0.01, a);
      // powUp's 1e-14 relative error bound, on the power (≈ 1), dominates small trades.
      assertEquals(exactOut(p, 1, 0, a), approx, approx * 1e-9 + bo * 2e-14);
      final double h = a * 1e-3;
      final double slope =
          (WeightedFloat.output(bi, 0.2, bo, 0.8, 0.01, a + h)
                  - WeightedFloat.output(bi, 0.2, bo, 0.8, 0.01, a - h))
              / (2 * h);
      final double m = WeightedFloat.marginal(bi, 0.2, bo, 0.8, 0.01, a);
      assertEquals(slope, m, m * 1e-5);
      // λ carries 1e-16 relative rounding; near the spot price that is ~1e-9 of a small input.
      assertEquals(a, WeightedFloat.inputAtMarginal(bi, 0.2, bo, 0.8, 0.01, m), a * 1e-8);
    }
    assertEquals(0.0, WeightedFloat.inputAtMarginal(bi, 0.2, bo, 0.8, 0.01, 1e9));
    assertEquals(
        WeightedFloat.maxInput(bi, 0.01),
        WeightedFloat.inputAtMarginal(bi, 0.2, bo, 0.8, 0.01, 1e-9));
  }

  @Test
  void stableCompanionShouldTrackBalancerStablePool() {
    final BalancerStablePool p =
        BalancerStablePool.fromDecimals(
            new String[] {"505781036390938593206504", "554894862074", "1585576741011"},
            new String[] {"1", "1000000000000", "1000000000000"},
            "5000.0",
            "0.0001",
            -1);
    final double[] xp = {505781036390938593206504.0, 554894862074e12, 1585576741011e12};
    for (final double a : new double[] {1e18, 1e22, 3e23}) {
      final double approx = StableSwapFloat.output(xp, 3, 5000, 0, 1, a, 1, 1e12, 1e-4, 0);
      assertEquals(exactOut(p, 0, 1, a), approx, Math.max(2, approx * 1e-9));
      final double m = StableSwapFloat.marginal(xp, 3, 5000, 0, 1, a, 1, 1e12, 1e-4, 0);
      final double h = a * 1e-4;
      final double slope =
          (StableSwapFloat.output(xp, 3, 5000, 0, 1, a + h, 1, 1e12, 1e-4, 0)
                  - StableSwapFloat.output(xp, 3, 5000, 0, 1, a - h, 1, 1e12, 1e-4, 0))
              / (2 * h);
      assertEquals(slope, m, m * 1e-4);
      assertEquals(
          a,
          StableSwapFloat.inputAtMarginal(xp, 3, 5000, 0, 1, m, 5e23, 1, 1e12, 1e-4, 0),
          a * 1e-6);
    }
  }

  @Test
  void stableCompanionShouldTrackCurveFactoryPool() {
    final CurveStableSwapPool p =
        CurveStableSwapPool.ofDecimals(
            new UInt256[] {
              UInt256.parse("103902458912250371998101"),
              UInt256.parse("96026429950922739854657"),
              UInt256.parse("90684626303")
            },
            new int[] {18, 18, 6},
            UInt256.ofUnsignedLong(1000),
            UInt256.ofUnsignedLong(4_000_000),
            UInt256.ofUnsignedLong(5_000_000_000L),
            CurveStableSwapPool.Variant.FACTORY);
    final double[] xp = {103902458912250371998101.0, 96026429950922739854657.0, 90684626303e12};
    for (final double a : new double[] {5e17, 5e21, 5e22}) {
      final double approx = StableSwapFloat.output(xp, 3, 10, 0, 1, a, 1, 1, 0, 4e-4);
      assertEquals(exactOut(p, 0, 1, a), approx, approx * 1e-9);
    }
  }
}
