package io.sextant.portfolio.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CostAwareRebalancerTest {
  // Three assets: quote (0), a volatile one (1), another (2); per-step covariance.
  static final double[][] COV = {
    {1e-10, 0, 0},
    {0, 4e-5, 2e-5},
    {0, 2e-5, 4e-5}
  };

  static ExecutionCostModel costs(final double gas, final double linear, final double quadratic) {
    return (asset, buy) ->
        asset == 0
            ? CostCurve.free()
            : new CostCurve(
                gas, linear, quadratic, new double[] {1, 1e6}, new double[] {linear, linear});
  }

  static RebalanceSettings settings(final double trigger, final double maxImpact) {
    return new RebalanceSettings(300, 168, trigger, Double.POSITIVE_INFINITY, maxImpact, 24, 0.002);
  }

  @Test
  void shouldNotTradeInsideTheTrigger() {
    final double[] e = {300_000, 350_000, 350_000};
    final RebalanceDecision d =
        new CostAwareRebalancer(settings(1, 1))
            .decide(
                e, e, null, new double[] {0.3, 0.35, 0.35}, COV, null, costs(0, 0.003, 1e-9), 0);
    assertFalse(d.traded());
  }

  @Test
  void shouldReduceTrackingErrorAndBalanceThroughTheQuoteAsset() {
    final double[] e = {200_000, 500_000, 300_000};
    final double[] target = {0.2, 0.4, 0.4};
    final RebalanceDecision d =
        new CostAwareRebalancer(settings(0, 1))
            .decide(e, e, null, target, COV, null, costs(5, 0.003, 1e-9), 0);
    assertTrue(d.traded());
    assertTrue(d.step()[1] < 0 && d.step()[2] > 0, "sell the overweight, buy the underweight");
    assertEquals(0, d.step()[0] + d.step()[1] + d.step()[2], 1e-6);
    assertTrue(d.trackingErrorAfterStep() < d.trackingErrorBefore() * 0.5);
    // Costs stop it short of the target: a proportional cost leaves a no-trade region.
    assertTrue(-d.step()[1] < 100_000);
  }

  @Test
  void shouldTradeLessWhenTradingCostsMore() {
    final double[] e = {200_000, 500_000, 300_000};
    final double[] target = {0.2, 0.4, 0.4};
    final RebalanceDecision cheap =
        new CostAwareRebalancer(settings(0, 1))
            .decide(e, e, null, target, COV, null, costs(0, 0.001, 1e-10), 0);
    final RebalanceDecision dear =
        new CostAwareRebalancer(settings(0, 1))
            .decide(e, e, null, target, COV, null, costs(0, 0.001, 1e-7), 0);
    assertTrue(Math.abs(dear.parent()[1]) < Math.abs(cheap.parent()[1]));
  }

  @Test
  void shouldNeverTradeAHaltedAsset() {
    final double[] e = {200_000, 500_000, 300_000};
    final RebalanceDecision d =
        new CostAwareRebalancer(settings(0, 1))
            .decide(
                e,
                e,
                null,
                new double[] {0.2, 0.4, 0.4},
                COV,
                new boolean[] {false, true, false},
                costs(5, 0.003, 1e-9),
                0);
    assertEquals(0, d.parent()[1]);
    assertEquals(0, d.step()[1]);
  }

  @Test
  void shouldSplitALargeTradeIntoChildrenWhenImpactSaysSo() {
    final double[] e = {0, 1_000_000, 0};
    final double[] target = {0.5, 0.25, 0.25};
    final RebalanceDecision d =
        new CostAwareRebalancer(settings(0, 0.001))
            .decide(e, e, null, target, COV, null, costs(0, 0.0005, 1e-9), 0);
    // Impact b·x = 1e-9·x ≤ 0.001 allows children of $1M: the sale is one child.
    for (int i = 1; i < 3; i++) {
      if (d.children()[i] > 0) {
        assertEquals(d.parent()[i] / d.children()[i], d.step()[i], 1e-6);
        assertTrue(Math.abs(d.step()[i]) <= 1e6 + 1e-6);
      }
    }
    final RebalanceDecision tight =
        new CostAwareRebalancer(settings(0, 1e-5))
            .decide(e, e, null, target, COV, null, costs(0, 0.0005, 1e-9), 0);
    assertTrue(
        tight.children()[1] > 1,
        "impact cap $10k splits the sale: "
            + java.util.Arrays.toString(tight.parent())
            + java.util.Arrays.toString(tight.children()));
    // ceil(parent / $10k) children, at most maxChildren (24).
    final int expected = (int) Math.min(24, Math.ceil(Math.abs(tight.parent()[1]) / 10_000));
    assertEquals(expected, tight.children()[1]);
    assertEquals(tight.parent()[1] / expected, tight.step()[1], 1e-6);
  }

  @Test
  void shouldBuyTheDebtTokenUpToItsRepaymentFloor() {
    final double[] e = {0, 600_000, 400_000};
    final double[] floor = {50_000, 0, 0};
    final RebalanceDecision d =
        new CostAwareRebalancer(settings(1, 1))
            .decide(e, e, floor, new double[] {0, 0.6, 0.4}, COV, null, costs(5, 0.003, 1e-9), 0);
    assertTrue(d.traded(), "the floor forces a trade even inside the trigger");
    assertTrue(d.step()[0] >= 50_000 - 1e-3, "quote bought: " + d.step()[0]);
  }
}
