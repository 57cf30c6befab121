package io.sextant.portfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueAtRiskTest {
  @Test
  void shouldMatchScipyNormalQuantilesAndTails() {
    assertEquals(1.6448536269514722, ValueAtRisk.normalQuantile(0.95), 1e-13);
    assertEquals(1.959963984540054, ValueAtRisk.normalQuantile(0.975), 1e-13);
    assertEquals(2.3263478740408408, ValueAtRisk.normalQuantile(0.99), 1e-13);
    assertEquals(-4.753424308822899, ValueAtRisk.normalQuantile(1e-6), 1e-11);
    assertEquals(0.00023262907903552502, ValueAtRisk.normalCdf(-3.5), 1e-17);
    assertEquals(2.0627128075074257, ValueAtRisk.gaussianCVaR(0, 1, 0.95), 1e-12);
    assertEquals(2.665214220345806, ValueAtRisk.gaussianCVaR(0, 1, 0.99), 1e-12);
  }

  @Test
  void shouldScaleGaussianVaRWithSigmaAndShiftWithMean() {
    assertEquals(
        -0.001 + 0.02 * 2.3263478740408408, ValueAtRisk.gaussianVaR(0.001, 0.02, 0.99), 1e-14);
    assertEquals(
        -0.001 + 0.02 * 2.3378027922014133, ValueAtRisk.gaussianCVaR(0.001, 0.02, 0.975), 1e-14);
  }

  @Test
  void shouldTakeEmpiricalQuantileAndTailMeanOnUniformGrid() {
    final ReturnWindow w = new ReturnWindow(100);
    for (int i = 1; i <= 100; i++) {
      w.add(-i); // losses 1..100
    }
    assertEquals(95.0, w.historicalVaR(0.95), 0.0);
    assertEquals(98.0, w.historicalCVaR(0.95), 1e-12); // mean of 96..100
    assertEquals(99.0, w.historicalVaR(0.99), 0.0);
    assertEquals(100.0, w.historicalCVaR(0.99), 1e-12);
    // Fractional tail: N(1 − α) = 2.5 ⇒ (100 + 99 + 0.5·98) / 2.5.
    assertEquals((100 + 99 + 0.5 * 98) / 2.5, w.historicalCVaR(0.975), 1e-12);
  }

  @Test
  void shouldEvictOldestReturnsWhenFull() {
    final ReturnWindow w = new ReturnWindow(10);
    for (int i = 0; i < 10; i++) {
      w.add(-1000); // evicted below
    }
    for (int i = 1; i <= 10; i++) {
      w.add(-i);
    }
    assertEquals(10, w.size());
    assertEquals(10.0, w.historicalVaR(0.95), 0.0);
    assertEquals(9.0, w.historicalVaR(0.9), 0.0);
  }

  @Test
  void shouldAgreeWithGaussianFormulasOnLargeGaussianSample() {
    final Random rnd = new Random(42);
    final ReturnWindow w = new ReturnWindow(400_000);
    for (int i = 0; i < 400_000; i++) {
      w.add(0.0005 + 0.01 * rnd.nextGaussian());
    }
    assertEquals(ValueAtRisk.gaussianVaR(0.0005, 0.01, 0.99), w.historicalVaR(0.99), 3e-4);
    assertEquals(ValueAtRisk.gaussianCVaR(0.0005, 0.01, 0.99), w.historicalCVaR(0.99), 4e-4);
  }

  @Test
  void shouldComputeParametricVaRFromEwmaPortfolioVolatility() {
    final RiskModel model = new RiskModel(2, 0.94, 50);
    model.weights(new double[] {0.5, 0.5});
    model.onPrices(new double[] {100, 200});
    model.onPrices(new double[] {101, 198});
    model.onPrices(new double[] {100, 199});
    final double var = model.covariance().portfolioVariance(new double[] {0.5, 0.5});
    assertEquals(
        Math.sqrt(var) * Math.sqrt(10) * 2.3263478740408408, model.parametricVaR(0.99, 10), 1e-12);
    assertEquals(2, model.window().size());
  }
}
