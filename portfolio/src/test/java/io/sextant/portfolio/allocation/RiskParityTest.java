package io.sextant.portfolio.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RiskParityTest {
  @Test
  void shouldEqualiseRiskContributionsWithin1eMinus6() {
    final Random rnd = new Random(17);
    for (int trial = 0; trial < 50; trial++) {
      final int n = 2 + rnd.nextInt(20);
      final double[][] cov = AllocationProperties.randomCovariance(rnd, n);
      final Allocation a = RiskParity.equalRiskContribution(cov);
      final double[] rc = RiskParity.riskContributions(cov, a.weights());
      final double total = a.volatility() * a.volatility();
      double sum = 0;
      for (int i = 0; i < n; i++) {
        assertEquals(total / n, rc[i], 1e-6 * total / n);
        sum += a.weights()[i];
      }
      assertEquals(1.0, sum, 1e-12);
    }
  }

  @Test
  void shouldGiveInverseVolatilityWeightsForUncorrelatedAssets() {
    final double[][] cov = {{0.04, 0, 0}, {0, 0.09, 0}, {0, 0, 0.01}};
    final double[] w = RiskParity.equalRiskContribution(cov).weights();
    final double norm = 1 / 0.2 + 1 / 0.3 + 1 / 0.1;
    assertEquals((1 / 0.2) / norm, w[0], 1e-12);
    assertEquals((1 / 0.3) / norm, w[1], 1e-12);
    assertEquals((1 / 0.1) / norm, w[2], 1e-12);
  }

  @Test
  void shouldHonourRiskBudgets() {
    final double[][] cov = {{0.04, 0.01, 0.0}, {0.01, 0.09, 0.02}, {0.0, 0.02, 0.0225}};
    final double[] b = {0.5, 0.3, 0.2};
    final Allocation a = RiskParity.riskBudget(cov, b);
    final double[] rc = RiskParity.riskContributions(cov, a.weights());
    final double total = a.volatility() * a.volatility();
    for (int i = 0; i < 3; i++) {
      assertEquals(b[i] * total, rc[i], 1e-9 * total);
    }
  }
}
