package io.sextant.portfolio.allocation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class AllocationProperties {
  /** Σ = A Aᵀ / n + εI with annual-ish scale: PSD by construction, well enough conditioned. */
  static double[][] randomCovariance(final Random rnd, final int n) {
    final double[][] a = new double[n][n];
    for (double[] row : a) {
      for (int j = 0; j < n; j++) {
        row[j] = rnd.nextGaussian() * 0.2;
      }
    }
    final double[][] cov = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += a[i][k] * a[j][k];
        }
        cov[i][j] = s / n + (i == j ? 1e-3 : 0);
      }
    }
    return cov;
  }

  @Property(tries = 200)
  void meanVarianceAlwaysHonoursBoundsBudgetAndTurnover(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 10) int n,
      @ForAll @DoubleRange(min = 0.1, max = 50) double gamma,
      @ForAll @DoubleRange(min = 0.0, max = 2.0) double cap) {
    final Random rnd = new Random(seed);
    final double[][] cov = randomCovariance(rnd, n);
    final double[] mu = new double[n];
    final double[] current = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      mu[i] = rnd.nextGaussian() * 0.1;
      current[i] = rnd.nextDouble();
      sum += current[i];
    }
    final double[] lo = new double[n];
    final double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      current[i] /= sum;
      // Bounds that keep the current weights admissible, so the problem is always feasible.
      lo[i] = current[i] * rnd.nextDouble();
      hi[i] = current[i] + (1 - current[i]) * rnd.nextDouble();
    }
    final AllocationConstraints c =
        AllocationConstraints.longOnly(n).withBounds(lo, hi).withTurnoverCap(current, cap);
    final Allocation a = MeanVarianceOptimizer.optimise(mu, cov, gamma, c);
    assertTrue(c.admitsLinear(a.weights(), 1e-6), () -> java.util.Arrays.toString(a.weights()));
  }

  @Property(tries = 100)
  void volatilityTargetIsNeverExceeded(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 8) int n,
      @ForAll @DoubleRange(min = 1.0, max = 3.0) double targetOverMin) {
    final Random rnd = new Random(seed);
    final double[][] cov = randomCovariance(rnd, n);
    final double[] mu = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = rnd.nextGaussian() * 0.1;
    }
    final AllocationConstraints longOnly = AllocationConstraints.longOnly(n);
    final double minVol = MeanVarianceOptimizer.minimumVariance(cov, longOnly).volatility();
    final double target = minVol * targetOverMin * (1 + 1e-6);
    final Allocation a =
        MeanVarianceOptimizer.optimise(mu, cov, 0.5, longOnly.withTargetVolatility(target));
    assertTrue(a.volatility() <= target * (1 + 1e-6), a.volatility() + " > " + target);
    assertTrue(longOnly.admitsLinear(a.weights(), 1e-6));
  }

  @Property(tries = 100)
  void minimumVarianceHonoursBoundsAndBudget(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 10) int n) {
    final Random rnd = new Random(seed);
    final double[][] cov = randomCovariance(rnd, n);
    final double[] lo = new double[n];
    final double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = rnd.nextDouble() * 0.5 / n;
      // At least 1/n above, at most 0.5/n below: Σ lo ≤ 1 ≤ Σ hi, so always feasible.
      hi[i] = Math.max(1.0 / n + 1e-3, lo[i] + (1 - lo[i]) * rnd.nextDouble());
    }
    final AllocationConstraints c = AllocationConstraints.longOnly(n).withBounds(lo, hi);
    final Allocation a = MeanVarianceOptimizer.minimumVariance(cov, c);
    assertTrue(c.admitsLinear(a.weights(), 1e-6), () -> java.util.Arrays.toString(a.weights()));
  }

  @Property(tries = 100)
  void riskParityIsLongOnlyFullyInvestedWithEqualContributions(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 20) int n) {
    final double[][] cov = randomCovariance(new Random(seed), n);
    final Allocation a = RiskParity.equalRiskContribution(cov);
    assertTrue(AllocationConstraints.longOnly(n).admitsLinear(a.weights(), 1e-9));
    final double[] rc = RiskParity.riskContributions(cov, a.weights());
    double total = 0;
    for (double x : rc) {
      total += x;
    }
    for (double x : rc) {
      assertTrue(Math.abs(x / total - 1.0 / n) < 1e-6, () -> java.util.Arrays.toString(rc));
    }
  }
}
