package io.sextant.portfolio.breaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  @Test
  void shouldTripOnPriceDeviationOnceAndLatchUntilReset() {
    final TripLog log = new TripLog();
    final PriceDeviationBreaker b = new PriceDeviationBreaker(3, 0.02, log);
    assertFalse(b.check(1, 0, 101.9, 100));
    assertFalse(b.check(2, 1, 98.1, 100));
    assertTrue(b.check(3, 1, 97.9, 100));
    assertTrue(b.check(4, 1, 100, 100)); // latched
    assertTrue(b.check(5, 1, 90, 100)); // no second event while latched
    assertEquals(1, log.trips().size());
    final BreakerTrip t = log.trips().get(0);
    assertEquals(new BreakerTrip(3, 1, BreakerKind.PRICE_DEVIATION, t.observed(), 0.02), t);
    assertEquals(0.021, t.observed(), 1e-12);
    b.reset(1);
    assertFalse(b.check(6, 1, 100, 100));
    assertTrue(b.check(7, 2, 1, 0)); // missing reference fails closed
    assertEquals(2, log.trips().size());
  }

  @Test
  void shouldTripWhenVolatilityJumpsPastMultipleOfAverage() {
    final TripLog log = new TripLog();
    final VolatilityJumpBreaker b = new VolatilityJumpBreaker(2, 0.8, 0.995, 3.0, 100, log);
    final Random rnd = new Random(2);
    double p0 = 100;
    double p1 = 100;
    long seq = 0;
    for (int i = 0; i < 2000; i++) {
      p0 *= Math.exp(0.01 * rnd.nextGaussian());
      p1 *= Math.exp(0.01 * rnd.nextGaussian());
      assertFalse(b.onPrice(seq++, 0, p0), "calm pool tripped at " + i);
      assertFalse(b.onPrice(seq++, 1, p1));
    }
    assertEquals(0.01, b.slowVolatility(0), 0.003);
    // Pool 1 turns ten times more volatile; pool 0 stays calm.
    long tripSeq = -1;
    for (int i = 0; i < 50 && tripSeq < 0; i++) {
      p0 *= Math.exp(0.01 * rnd.nextGaussian());
      p1 *= Math.exp(0.10 * rnd.nextGaussian());
      b.onPrice(seq++, 0, p0);
      if (b.onPrice(seq, 1, p1)) {
        tripSeq = seq;
      }
      seq++;
    }
    assertTrue(tripSeq > 0, "jump not detected");
    assertEquals(1, log.trips().size());
    assertEquals(BreakerKind.VOLATILITY_JUMP, log.trips().get(0).kind());
    assertEquals(1, log.trips().get(0).pool());
    assertEquals(tripSeq, log.trips().get(0).sequence());
    assertTrue(log.trips().get(0).observed() > 3.0);
    assertFalse(b.tripped(0));
  }

  @Test
  void shouldTripWhenLiquidityCollapsesBelowFractionOfAverage() {
    final TripLog log = new TripLog();
    final LiquidityCollapseBreaker b = new LiquidityCollapseBreaker(1, 0.9, 0.5, log);
    for (int i = 0; i < 100; i++) {
      assertFalse(b.onLiquidity(i, 0, 1e6 * (1 + 0.1 * Math.sin(i))));
    }
    assertFalse(b.onLiquidity(100, 0, 0.6e6)); // a dip, not a collapse
    assertTrue(b.onLiquidity(101, 0, 0.3e6));
    assertEquals(1, log.trips().size());
    final BreakerTrip t = log.trips().get(0);
    assertEquals(BreakerKind.LIQUIDITY_COLLAPSE, t.kind());
    assertEquals(101, t.sequence());
    assertTrue(t.observed() < 0.5 && t.observed() > 0.25);
    b.reset(0);
    assertFalse(b.tripped(0));
  }
}
