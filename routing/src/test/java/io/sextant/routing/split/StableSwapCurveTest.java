package io.sextant.routing.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.balancer.BalancerStablePool;
import org.junit.jupiter.api.Test;

/**
 * The stable curve's closed-form marginal against a central difference of its own output, and its
 * inverse against the marginal, on a real three-token pool (DAI/USDC/USDT of a CoW case, scaling
 * factors 1 and 1e12) and on an imbalanced one.
 */
class StableSwapCurveTest {
  private static final String[] SCALING = {"1", "1000000000000", "1000000000000"};

  private static BalancerStablePool pool(final String a, final String b, final String c) {
    return BalancerStablePool.fromDecimals(new String[] {a, b, c}, SCALING, "5000.0", "0.0001", -1);
  }

  @Test
  void marginalShouldMatchTheSlopeOfTheOutputAndItsInverseShouldFindIt() {
    final BalancerStablePool[] pools = {
      pool("505781036390938593206504", "554894862074", "1585576741011"),
      pool("5781036390938593206504", "554894862074", "15855767410"),
    };
    for (BalancerStablePool p : pools) {
      for (int in = 0; in < 3; in++) {
        for (int out = 0; out < 3; out++) {
          if (in == out) {
            continue;
          }
          final StableSwapCurve c = new StableSwapCurve(p, in, out);
          final double depth = c.capacity() / 10.0;
          for (double f : new double[] {0.0, 1e-6, 1e-3, 0.05, 0.3, 0.8}) {
            final double x = f * depth;
            final double h = Math.max(x * 1e-5, depth * 1e-7);
            final double slope =
                (c.output(x + h) - c.output(Math.max(x - h, 0.0))) / (x + h - Math.max(x - h, 0.0));
            final double m = c.marginal(x);
            assertEquals(slope, m, Math.abs(slope) * 1e-5, "pool " + in + "->" + out + " at " + f);
            if (f > 0.0) {
              final double back = c.inputForMarginal(m);
              assertEquals(x, back, x * 1e-6, "inverse " + in + "->" + out + " at " + f);
            }
          }
          assertTrue(c.marginal(0.0) > c.marginal(0.5 * depth), "concave " + in + "->" + out);
        }
      }
    }
  }
}
