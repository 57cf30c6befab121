package io.sextant.portfolio.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanVarianceOptimizerTest {
  private static final double[][] COV = {
    {0.04, 0.006, 0.002}, {0.006, 0.09, -0.004}, {0.002, -0.004, 0.0225}
  };
  private static final double[] MU = {0.06, 0.09, 0.03};

  /** Gaussian elimination with partial pivoting: an oracle independent of ojAlgo. */
  static double[] solve(final double[][] a0, final double[] b0) {
    final int n = b0.length;
    final double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
    }
    final double[] b = b0.clone();
    for (int k = 0; k < n; k++) {
      int p = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
          p = i;
        }
      }
      final double[] tr = a[k];
      a[k] = a[p];
      a[p] = tr;
      final double tb = b[k];
      b[k] = b[p];
      b[p] = tb;
      for (int i = k + 1; i < n; i++) {
        final double f = a[i][k] / a[k][k];
        for (int j = k; j < n; j++) {
          a[i][j] -= f * a[k][j];
        }
        b[i] -= f * b[k];
      }
    }
    final double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int j = i + 1; j < n; j++) {
        s -= a[i][j] * x[j];
      }
      x[i] = s / a[i][i];
    }
    return x;
  }

  @Test
  void shouldMatchClosedFormTwoAssetMinimumVariance() {
    final double s1 = 0.2;
    final double s2 = 0.3;
    final double rho = 0.25;
    final double[][] cov = {{s1 * s1, rho * s1 * s2}, {rho * s1 * s2, s2 * s2}};
    final double w1 = (s2 * s2 - rho * s1 * s2) / (s1 * s1 + s2 * s2 - 2 * rho * s1 * s2);
    final Allocation a =
        MeanVarianceOptimizer.minimumVariance(cov, AllocationConstraints.fullyInvestedOnly());
    assertEquals(w1, a.weights()[0], 1e-8);
    assertEquals(1 - w1, a.weights()[1], 1e-8);
    final Allocation longOnly =
        MeanVarianceOptimizer.minimumVariance(cov, AllocationConstraints.longOnly(2));
    assertEquals(w1, longOnly.weights()[0], 1e-8);
  }

  @Test
  void shouldHitCornerWhenTwoAssetClosedFormIsShortAndLongOnlyBinds() {
    // ρ > σ1/σ2 makes the closed form short asset 2; long-only must put everything in asset 1.
    final double s1 = 0.1;
    final double s2 = 0.3;
    final double rho = 0.8;
    final double[][] cov = {{s1 * s1, rho * s1 * s2}, {rho * s1 * s2, s2 * s2}};
    final double w1 = (s2 * s2 - rho * s1 * s2) / (s1 * s1 + s2 * s2 - 2 * rho * s1 * s2);
    assertTrue(w1 > 1);
    assertEquals(
        w1,
        MeanVarianceOptimizer.minimumVariance(cov, AllocationConstraints.fullyInvestedOnly())
            .weights()[0],
        1e-8);
    final double[] w =
        MeanVarianceOptimizer.minimumVariance(cov, AllocationConstraints.longOnly(2)).weights();
    assertEquals(1.0, w[0], 1e-8);
    assertEquals(0.0, w[1], 1e-8);
  }

  @Test
  void shouldMatchUnconstrainedClosedForm() {
    for (double gamma : new double[] {1, 3.5, 10}) {
      final double[] expected = solve(COV, MU);
      final Allocation a =
          MeanVarianceOptimizer.optimise(MU, COV, gamma, AllocationConstraints.none());
      for (int i = 0; i < 3; i++) {
        assertEquals(expected[i] / gamma, a.weights()[i], 1e-7 * Math.abs(expected[i] / gamma));
      }
      assertEquals(gamma, a.riskAversion(), 0.0);
    }
  }

  @Test
  void shouldMatchFullyInvestedClosedForm() {
    final double gamma = 4;
    final double[] sMu = solve(COV, MU);
    final double[] sOne = solve(COV, new double[] {1, 1, 1});
    final double a = sMu[0] + sMu[1] + sMu[2];
    final double b = sOne[0] + sOne[1] + sOne[2];
    final double lagrange = (1 - a / gamma) / b;
    final Allocation alloc =
        MeanVarianceOptimizer.optimise(MU, COV, gamma, AllocationConstraints.fullyInvestedOnly());
    for (int i = 0; i < 3; i++) {
      assertEquals(sMu[i] / gamma + lagrange * sOne[i], alloc.weights()[i], 1e-8);
    }
  }

  @Test
  void shouldBindVolatilityTargetExactlyWhenAboveIt() {
    final AllocationConstraints c = AllocationConstraints.longOnly(3);
    final Allocation loose = MeanVarianceOptimizer.optimise(MU, COV, 1.0, c);
    final double target = 0.8 * loose.volatility();
    final Allocation capped =
        MeanVarianceOptimizer.optimise(MU, COV, 1.0, c.withTargetVolatility(target));
    assertEquals(target, capped.volatility(), 1e-7 * target);
    assertTrue(capped.riskAversion() > 1.0);
    assertTrue(c.admitsLinear(capped.weights(), 1e-8));
    // A slack target changes nothing.
    final Allocation slack =
        MeanVarianceOptimizer.optimise(
            MU, COV, 1.0, c.withTargetVolatility(2 * loose.volatility()));
    assertEquals(loose.weights()[1], slack.weights()[1], 1e-12);
  }

  @Test
  void shouldRejectVolatilityTargetBelowMinimumVariance() {
    final AllocationConstraints c = AllocationConstraints.longOnly(3);
    final double minVol = MeanVarianceOptimizer.minimumVariance(COV, c).volatility();
    assertThrows(
        InfeasibleAllocationException.class,
        () -> MeanVarianceOptimizer.optimise(MU, COV, 1.0, c.withTargetVolatility(0.9 * minVol)));
  }

  @Test
  void shouldRespectTurnoverCap() {
    final double[] current = {0.2, 0.2, 0.6};
    final AllocationConstraints c = AllocationConstraints.longOnly(3).withTurnoverCap(current, 0.1);
    final Allocation a = MeanVarianceOptimizer.optimise(MU, COV, 2.0, c);
    double turnover = 0;
    for (int i = 0; i < 3; i++) {
      turnover += Math.abs(a.weights()[i] - current[i]);
    }
    assertEquals(0.1, turnover, 1e-7); // the unconstrained optimum is further away, so it binds
  }

  @Test
  void shouldCheckFixedTargets() {
    final Allocation a =
        FixedTargets.of(new double[] {0.6, 0.4, 0.0}, COV, AllocationConstraints.longOnly(3));
    assertEquals(0.6, a.weights()[0], 0.0);
    assertThrows(
        InfeasibleAllocationException.class,
        () -> FixedTargets.of(new double[] {1.2, -0.2, 0}, COV, AllocationConstraints.longOnly(3)));
  }
}
