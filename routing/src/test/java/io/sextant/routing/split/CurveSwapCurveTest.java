package io.sextant.routing.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.AllocationMeter;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.curve.CurveStableSwapPool;
import io.sextant.routing.math.curve.CurveStableSwapPool.Variant;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The Curve curve against the exact pool's {@code exactIn} (1e-9 relative), its closed-form
 * marginal against a central difference of its own output, and its inverse against the marginal, on
 * the pools of the Curve vectors (factory pools with 18/18/6 and 18/6/2 decimals, a two-coin
 * factory pool at A = 400, a legacy 3pool-shaped pool) and an imbalanced legacy pool, both fee
 * levels, every ordered pair.
 */
class CurveSwapCurveTest {
  private static final UInt256 ADMIN_FEE = UInt256.ofUnsignedLong(5_000_000_000L);

  private static CurveStableSwapPool pool(
      final String[] balances,
      final int[] decimals,
      final long amp,
      final long fee,
      final Variant variant) {
    final UInt256[] b = new UInt256[balances.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = UInt256.parse(balances[i]);
    }
    return CurveStableSwapPool.ofDecimals(
        b, decimals, UInt256.ofUnsignedLong(amp), UInt256.ofUnsignedLong(fee), ADMIN_FEE, variant);
  }

  private static CurveStableSwapPool[] pools() {
    return new CurveStableSwapPool[] {
      pool(
          new String[] {"103902458912250371998101", "96026429950922739854657", "90684626303"},
          new int[] {18, 18, 6},
          1000,
          4_000_000,
          Variant.FACTORY),
      pool(
          new String[] {"8189776041162322264444", "9661706603857954240258"},
          new int[] {18, 18},
          40000,
          4_000_000,
          Variant.FACTORY),
      pool(
          new String[] {"549022857960890312641141", "1075362632212", "46720010"},
          new int[] {18, 6, 2},
          20000,
          4_000_000,
          Variant.FACTORY),
      pool(
          new String[] {"1500000000000000000000000", "700000000000", "800000000000"},
          new int[] {18, 6, 6},
          2000,
          1_000_000,
          Variant.LEGACY),
      pool(
          new String[] {"400000000000000000000000", "3100000000000", "90000000000"},
          new int[] {18, 6, 6},
          50,
          30_000_000,
          Variant.LEGACY),
    };
  }

  /** The amount of {@code in}'s base units worth a fraction {@code f} of {@code out}'s balance. */
  private static double depth(final CurveStableSwapPool p, final int in, final int out) {
    final double xpOut = p.balance(out).toDouble() * p.rate(out).toDouble() / 1e18;
    return xpOut / (p.rate(in).toDouble() / 1e18);
  }

  @Test
  void outputShouldMatchTheExactPoolWithin1e9() {
    final SwapResult r = new SwapResult();
    int compared = 0;
    for (CurveStableSwapPool p : pools()) {
      for (int in = 0; in < p.tokenCount(); in++) {
        for (int out = 0; out < p.tokenCount(); out++) {
          if (in == out) {
            continue;
          }
          final CurveSwapCurve c = new CurveSwapCurve(p, in, out);
          final double depth = depth(p, in, out);
          for (double f : new double[] {1e-5, 1e-4, 1e-3, 0.01, 0.1, 0.3, 0.6, 0.9}) {
            final BigInteger dx = new BigDecimal(f * depth).toBigInteger();
            assertTrue(p.exactIn(in, out, UInt256.of(dx), r), r::failure);
            final double exact = r.amountOut.toDouble();
            // The contract floors the output to a base unit: 1e-9 relative, plus that unit.
            final double approx = c.output(dx.doubleValue());
            assertEquals(
                exact,
                approx,
                exact * 1e-9 + 1.0,
                p.variant() + " " + in + "->" + out + " at " + f);
            compared++;
          }
        }
      }
    }
    assertTrue(compared > 150, "compared " + compared);
  }

  @Test
  void marginalShouldMatchTheSlopeOfTheOutputAndItsInverseShouldFindIt() {
    for (CurveStableSwapPool p : pools()) {
      for (int in = 0; in < p.tokenCount(); in++) {
        for (int out = 0; out < p.tokenCount(); out++) {
          if (in == out) {
            continue;
          }
          final CurveSwapCurve c = new CurveSwapCurve(p, in, out);
          final double depth = depth(p, in, out);
          for (double f : new double[] {0.0, 1e-6, 1e-3, 0.05, 0.3, 0.8, 1.5}) {
            final double x = f * depth;
            final double h = Math.max(x * 1e-5, depth * 1e-7);
            final double lo = Math.max(x - h, 0.0);
            final double slope = (c.output(x + h) - c.output(lo)) / (x + h - lo);
            final double m = c.marginal(x);
            final String where = p.variant() + " " + in + "->" + out + " at " + f;
            assertEquals(slope, m, Math.abs(slope) * 1e-5, where);
            if (f > 0.0) {
              final double back = c.inputForMarginal(m);
              // The inverse finds the rate to its 1e-14 tolerance; it recovers x to 1e-6 where
              // the rate has moved from the spot by more than that tolerance can resolve (at high
              // A the first millionth of the pool moves it by less).
              assertEquals(m, c.marginal(back), m * 1e-13, "inverse rate " + where);
              if (c.spot() - m > 1e-8 * m) {
                assertEquals(x, back, x * 1e-6, "inverse " + where);
              }
            }
          }
          assertTrue(c.marginal(0.0) > c.marginal(0.5 * depth), "concave " + in + "->" + out);
          // The marginal is the exact pool's price: a small exact trade's average rate.
          final BigInteger dx = new BigDecimal(depth * 1e-5).toBigInteger();
          final SwapResult r = new SwapResult();
          assertTrue(p.exactIn(in, out, UInt256.of(dx), r), r::failure);
          final double avg = r.amountOut.toDouble() / dx.doubleValue();
          final double mid = c.marginal(0.5 * dx.doubleValue());
          assertEquals(
              avg,
              mid,
              avg * (1e-7 + 1.0 / r.amountOut.toDouble()),
              "exact price " + in + "->" + out);
        }
      }
    }
  }

  @Test
  void refreshShouldFollowTheExactPoolAfterASwap() {
    final CurveStableSwapPool p = pools()[0];
    final CurveSwapCurve c = new CurveSwapCurve(p, 0, 2);
    final double before = c.output(1e21);
    final SwapResult r = new SwapResult();
    assertTrue(p.exactIn(0, 2, UInt256.parse("20000000000000000000000"), r), r::failure);
    p.apply(0, 2, r);
    c.refresh();
    assertTrue(p.exactIn(0, 2, UInt256.parse("1000000000000000000000"), r), r::failure);
    assertEquals(r.amountOut.toDouble(), c.output(1e21), r.amountOut.toDouble() * 1e-9);
    assertTrue(c.output(1e21) < before);
  }

  private double sink;

  @Test
  void curveMethodsShouldAllocateNothing() {
    final CurveSwapCurve c = new CurveSwapCurve(pools()[0], 0, 2);
    final double depth = depth(pools()[0], 0, 2);
    final long bytes =
        AllocationMeter.minBytes(
            () -> {
              c.refresh();
              sink += c.output(0.1 * depth) + c.marginal(0.2 * depth) + c.capacity();
              sink += c.inputForMarginal(0.5 * c.spot());
            },
            5_000,
            500,
            5);
    assertEquals(0L, bytes, "bytes allocated by 500 rounds of refresh/output/marginal/inverse");
    assertTrue(sink > 0.0);
  }
}
