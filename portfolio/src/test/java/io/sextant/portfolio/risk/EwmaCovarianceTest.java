package io.sextant.portfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EwmaCovarianceTest {
  private static final int N = 4;
  private static final int T = 300;

  private static double[][] returns(final long seed) {
    final Random rnd = new Random(seed);
    final double[][] r = new double[T][N];
    for (int t = 0; t < T; t++) {
      final double common = rnd.nextGaussian() * 0.01;
      for (int i = 0; i < N; i++) {
        r[t][i] = common * (i + 1) * 0.5 + rnd.nextGaussian() * 0.005 * (i + 1);
      }
    }
    return r;
  }

  @Test
  void shouldMatchDirectWeightedSumRecomputation() {
    final double lambda = 0.94;
    final double[][] r = returns(7);
    final EwmaCovariance ewma = new EwmaCovariance(N, lambda);
    for (int t = 0; t < T; t++) {
      ewma.update(r[t]);
      if (t % 37 != 0 && t != T - 1) {
        continue;
      }
      // C_t = λ^{t} r_0 r_0ᵀ + Σ_{s=1..t} (1 − λ) λ^{t − s} r_s r_sᵀ (0-based).
      for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
          double expected = Math.pow(lambda, t) * r[0][i] * r[0][j];
          for (int s = 1; s <= t; s++) {
            expected += (1 - lambda) * Math.pow(lambda, t - s) * r[s][i] * r[s][j];
          }
          assertEquals(expected, ewma.covariance(i, j), 1e-12 * Math.abs(expected) + 1e-20);
        }
      }
    }
    for (int i = 0; i < N; i++) {
      assertEquals(Math.sqrt(ewma.variance(i)), ewma.volatility(i), 0.0);
      for (int j = 0; j < N; j++) {
        assertEquals(ewma.covariance(i, j), ewma.covariance(j, i), 0.0, "exactly symmetric");
        final double rho = ewma.correlation(i, j);
        assertEquals(
            ewma.covariance(i, j) / Math.sqrt(ewma.variance(i) * ewma.variance(j)), rho, 1e-15);
        assertTrue(Math.abs(rho) <= 1.0 + 1e-12);
      }
    }
    final double[] corr = ewma.correlationMatrix(new double[N * N]);
    assertEquals(1.0, corr[0], 0.0);
    assertEquals(ewma.correlation(1, 3), corr[1 * N + 3], 0.0);
  }

  @Test
  void shouldConvergeToTrueVolatilityOnStationaryReturns() {
    final Random rnd = new Random(11);
    final EwmaCovariance ewma = new EwmaCovariance(1, 0.999);
    final double[] r = new double[1];
    double sum = 0;
    int samples = 0;
    for (int t = 0; t < 200_000; t++) {
      r[0] = rnd.nextGaussian() * 0.02;
      ewma.update(r);
      if (t > 10_000) {
        sum += ewma.volatility(0);
        samples++;
      }
    }
    assertEquals(0.02, sum / samples, 0.0005);
  }

  @Test
  void shouldNotAllocatePerTick() {
    final int n = 50;
    final RiskModel model = new RiskModel(n, 0.94, 256);
    final double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0 / n);
    model.weights(w);
    final double[] prices = new double[n];
    java.util.Arrays.fill(prices, 100.0);
    final Random rnd = new Random(3);
    final double[][] path = new double[1000][n];
    for (double[] p : path) {
      for (int i = 0; i < n; i++) {
        prices[i] *= Math.exp(rnd.nextGaussian() * 0.01);
        p[i] = prices[i];
      }
    }
    for (int warm = 0; warm < 20; warm++) {
      for (double[] p : path) {
        model.onPrices(p);
      }
    }
    final com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    final long tid = Thread.currentThread().threadId();
    final long before = mx.getThreadAllocatedBytes(tid);
    for (double[] p : path) {
      model.onPrices(p);
    }
    final long allocated = mx.getThreadAllocatedBytes(tid) - before;
    // The MXBean call itself may allocate a little; 1000 ticks must not.
    assertTrue(allocated < 1024, "allocated " + allocated + " bytes over 1000 ticks");
    assertTrue(model.portfolioVolatility() > 0);
  }
}
