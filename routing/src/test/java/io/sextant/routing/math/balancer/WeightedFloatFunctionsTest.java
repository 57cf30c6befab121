package io.sextant.routing.math.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link WeightedFloat}'s fast {@code expm1} and {@code log1p} against the library's careful ones,
 * on both sides of the switch between the Taylor series and the intrinsics, across magnitudes from
 * 1e-15 to 10: within 1e-12 relative (the optimiser asks for 1e-11).
 */
class WeightedFloatFunctionsTest {
  @Test
  void shouldMatchTheLibraryFunctions() {
    final SplittableRandom rnd = new SplittableRandom(11);
    double worstExp = 0.0;
    double worstLog = 0.0;
    for (int i = 0; i < 200_000; i++) {
      final double magnitude = Math.pow(10.0, rnd.nextDouble(-15.0, 1.0));
      final double z = rnd.nextBoolean() ? magnitude : -magnitude;
      worstExp = Math.max(worstExp, rel(WeightedFloat.expm1(z), Math.expm1(z)));
      if (z > -0.99) {
        worstLog = Math.max(worstLog, rel(WeightedFloat.log1p(z), Math.log1p(z)));
      }
    }
    assertEquals(0.0, worstExp, 1e-12, "expm1");
    assertEquals(0.0, worstLog, 1e-12, "log1p");
  }

  private static double rel(final double a, final double b) {
    return Math.abs(a - b) / Math.abs(b);
  }
}
