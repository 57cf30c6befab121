package io.sextant.portfolio.breaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BreakerPanelTest {
  static BreakerSettings settings(final BreakerSettings.VolatilityAction action) {
    return new BreakerSettings(0.03, 0.8, 0.995, 4, 10, 0.95, 0.5, 3, action, 0.5);
  }

  @Test
  void shouldHaltADislocatedAssetAndReArmAfterCalmSteps() {
    final TripLog log = new TripLog();
    final BreakerPanel p =
        new BreakerPanel(2, settings(BreakerSettings.VolatilityAction.HALT), log);
    for (int t = 0; t < 20; t++) {
      p.observe(t, 1, 100 * (1 + 0.001 * (t % 2)), 100, 1.0);
    }
    assertFalse(p.halted(1));
    p.observe(20, 1, 90, 100, 1.0); // pool 10 % below the reference
    assertTrue(p.halted(1));
    assertEquals(BreakerKind.PRICE_DEVIATION, log.trips().get(0).kind());
    assertEquals(20, log.trips().get(0).sequence());
    p.observe(21, 1, 98, 100, 1.0); // 2 %: inside the threshold but not calm (> 1.5 %)
    assertTrue(p.halted(1));
    // Calm needs the volatility ratio back too; the jump into 90 also tripped volatility.
    int t = 22;
    while (p.halted(1) && t < 400) {
      p.observe(t, 1, 100, 100, 1.0);
      t++;
    }
    assertFalse(p.halted(1), "re-armed after calm steps");
    assertTrue(t - 22 >= 3, "not before rearmSteps calm observations");
    assertFalse(p.halted(0));
  }

  @Test
  void shouldHaltOnLiquidityCollapse() {
    final BreakerPanel p =
        new BreakerPanel(1, settings(BreakerSettings.VolatilityAction.HALT), new TripLog());
    for (int t = 0; t < 5; t++) {
      p.observe(t, 0, 100, 100, 1.0);
    }
    p.observe(5, 0, 100, 100, 0.3);
    assertTrue(p.halted(0));
  }

  @Test
  void shouldDeRiskInsteadOfHaltingOnAVolatilityJumpWhenConfigured() {
    final BreakerPanel p =
        new BreakerPanel(2, settings(BreakerSettings.VolatilityAction.DERISK), new TripLog());
    double price = 100;
    for (int t = 0; t < 60; t++) {
      price *= 1 + 0.001 * ((t % 2) * 2 - 1);
      p.observe(t, 1, price, price, Double.NaN);
    }
    price *= 1.2; // a 20 % jump with pool = reference: a volatility trip, no dislocation
    p.observe(60, 1, price, price, Double.NaN);
    assertTrue(p.deRisk(1));
    assertFalse(p.halted(1));
    final double[] target = {0.4, 0.6};
    p.applyDeRisk(target, 0);
    assertEquals(0.3, target[1], 1e-12);
    assertEquals(0.7, target[0], 1e-12);
  }
}
