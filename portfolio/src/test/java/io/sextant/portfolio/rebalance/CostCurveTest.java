package io.sextant.portfolio.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CostCurveTest {
  @Test
  void shouldRecoverAnExactLinearPlusQuadraticCost() {
    final double[] x = RouterCostModel.geometric(1e3, 1e6, 7);
    final double[] f = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = 0.003 + 2e-8 * x[i];
    }
    final CostCurve c = CostCurve.fit(7, x, f);
    assertEquals(0.003, c.linear(), 1e-12);
    assertEquals(2e-8, c.quadratic(), 1e-18);
    assertEquals(7 + 1e5 * (0.003 + 2e-8 * 1e5), c.fitted(1e5), 1e-6);
    assertEquals(c.fitted(x[3]), c.sampled(x[3]), 1e-6);
  }

  @Test
  void shouldKeepCoefficientsNonNegative() {
    final double[] x = {1e3, 1e4, 1e5};
    final CostCurve c = CostCurve.fit(0, x, new double[] {-0.003, -0.003, -0.002});
    assertTrue(c.linear() >= 0 && c.quadratic() >= 0);
  }

  @Test
  void shouldIgnoreDrainedSamplesBeyondTheFirstAboveTheLimit() {
    final double[] x = {1e3, 1e4, 1e5, 1e6, 1e7};
    final double[] f = {0.003, 0.004, 0.013, 0.5, 0.99};
    final CostCurve c = CostCurve.fit(0, x, f);
    // The $10M sample (99% lost) does not enter; the $1M one (first above 10%) does.
    final CostCurve withoutLast =
        CostCurve.fit(
            0, new double[] {1e3, 1e4, 1e5, 1e6}, new double[] {0.003, 0.004, 0.013, 0.5});
    assertEquals(withoutLast.quadratic(), c.quadratic(), 1e-18);
    assertEquals(withoutLast.linear(), c.linear(), 1e-15);
  }

  @Test
  void shouldRemoveAFavourableOffset() {
    final double[] x = {1e3, 1e4, 1e5};
    final CostCurve c =
        CostCurve.fit(0, x, new double[] {-0.002, -0.001, 0.008}).withoutFavourableOffset();
    assertEquals(0, c.fractions()[0], 1e-15);
    assertEquals(0.01, c.fractions()[2], 1e-15);
  }
}
