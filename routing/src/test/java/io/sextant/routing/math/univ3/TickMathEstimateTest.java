package io.sextant.routing.math.univ3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TickMathEstimateTest {
  private final TickMath exact = new TickMath();

  @Test
  void shouldAgreeWithTheExactTickWheneverItAnswers() {
    final SplittableRandom random = new SplittableRandom(20261124);
    final BigInteger min = BigInteger.valueOf(TickMath.MIN_SQRT_RATIO);
    final BigInteger max = TickMath.maxSqrtRatio(new UInt256()).toBigInteger();
    final UInt256 p = new UInt256();
    int answered = 0;
    int valid = 0;
    for (int i = 0; i < 300_000; i++) {
      // Log-uniform over the whole domain: a random bit length, then random bits below it.
      final int bits = random.nextInt(33, 161);
      BigInteger v =
          new BigInteger(bits - 1, new java.util.Random(random.nextLong())).setBit(bits - 1);
      if (v.compareTo(min) < 0 || v.compareTo(max) >= 0) {
        continue;
      }
      valid++;
      p.set(v);
      final int estimate = TickMath.estimateTickAtSqrtRatio(p);
      if (estimate != TickMath.INVALID_TICK) {
        answered++;
        assertEquals(exact.getTickAtSqrtRatio(p), estimate, v.toString());
      }
    }
    // The guard band is 2e-6 tick wide: almost every random price takes the fast path.
    assertTrue(answered > valid * 0.999, "answered " + answered + " of " + valid);
  }

  @Test
  void shouldDeferToTheExactAlgorithmAtTickBoundaries() {
    final SplittableRandom random = new SplittableRandom(7);
    final UInt256 p = new UInt256();
    final UInt256 one = UInt256.ofUnsignedLong(1);
    for (int i = 0; i < 20_000; i++) {
      final int t = random.nextInt(TickMath.MIN_TICK + 1, TickMath.MAX_TICK);
      exact.getSqrtRatioAtTick(t, p);
      assertEquals(TickMath.INVALID_TICK, TickMath.estimateTickAtSqrtRatio(p), "at tick " + t);
      p.sub(p, one);
      final int below = TickMath.estimateTickAtSqrtRatio(p);
      if (below != TickMath.INVALID_TICK) {
        assertEquals(t - 1, below, "just below tick " + t);
      }
    }
    assertEquals(TickMath.INVALID_TICK, TickMath.estimateTickAtSqrtRatio(p.setZero()));
    assertEquals(
        TickMath.INVALID_TICK,
        TickMath.estimateTickAtSqrtRatio(TickMath.maxSqrtRatio(new UInt256())));
  }
}
