package io.sextant.portfolio.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RebalancerProperties {
  @Property(tries = 150)
  void decisionsRespectHoldingsHaltsTurnoverAndBalance(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n) {
    final Random rnd = new Random(seed);
    final double[][] cov = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        final double si = i == 0 ? 1e-4 : 0.003 + 0.01 * ((i * 7919) % 13) / 13.0;
        final double sj = j == 0 ? 1e-4 : 0.003 + 0.01 * ((j * 7919) % 13) / 13.0;
        cov[i][j] = (i == j ? 1 : 0.5) * si * sj;
      }
    }
    final double[] free = new double[n];
    final double[] target = new double[n];
    final boolean[] halted = new boolean[n];
    double tsum = 0;
    for (int i = 0; i < n; i++) {
      free[i] = rnd.nextDouble() * 1e6;
      target[i] = rnd.nextDouble();
      tsum += target[i];
      halted[i] = i > 0 && rnd.nextInt(4) == 0;
    }
    for (int i = 0; i < n; i++) {
      target[i] /= tsum;
    }
    final double cap = 0.05 + rnd.nextDouble() * 0.5;
    final RebalanceSettings s =
        new RebalanceSettings(
            1 + rnd.nextDouble() * 1000, 168, 0, cap, 1e-4 + rnd.nextDouble() * 0.01, 24, 0.002);
    final double gas = rnd.nextDouble() * 20;
    final ExecutionCostModel costs =
        (asset, buy) ->
            asset == 0
                ? CostCurve.free()
                : new CostCurve(
                    gas,
                    0.003 * (asset % 3),
                    1e-9 * (1 + asset),
                    new double[] {1, 2},
                    new double[] {0, 0});
    final RebalanceDecision d =
        new CostAwareRebalancer(s).decide(free, free, null, target, cov, halted, costs, 0);
    double v = 0;
    for (double x : free) {
      v += x;
    }
    double net = 0;
    double turnover = 0;
    for (int i = 0; i < n; i++) {
      net += d.parent()[i];
      if (i > 0) {
        turnover += Math.abs(d.parent()[i]);
      }
      assertTrue(free[i] + d.parent()[i] >= -1e-6 * v, "sold more than held: " + i);
      assertTrue(free[i] + d.step()[i] >= -1e-6 * v, "child sold more than held: " + i);
      if (halted[i]) {
        assertEquals(0, d.parent()[i], "halted asset traded: " + i);
      }
      if (d.children()[i] > 0 && d.parent()[i] < 0) {
        assertEquals(d.parent()[i] / d.children()[i], d.step()[i], 1e-6 * v);
      } else if (d.children()[i] > 0) {
        // A purchase may be scaled down to what this step's sales fund.
        assertTrue(d.step()[i] >= 0 && d.step()[i] <= d.parent()[i] / d.children()[i] + 1e-6 * v);
      }
    }
    assertEquals(0, net, 1e-6 * v);
    assertTrue(turnover <= cap * v * (1 + 1e-6) + 1e-6 * v, turnover + " > " + cap * v);
  }
}
