package io.sextant.portfolio.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ3.SqrtPriceMath;
import io.sextant.routing.math.univ3.TickMath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Greeks against central finite differences of the position value evaluated in 60-digit BigDecimal
 * (so neither rounding nor cancellation in the differences reaches 1e-6; the truncation error of
 * the differences with h = 1e-5·P is about 1e-10 relative).
 */
class LpGreeksTest {
  private static final MathContext MC = new MathContext(60);

  private static BigDecimal sqrt(final BigDecimal x) {
    return x.sqrt(MC);
  }

  /** V3 value from the holdings' definition, in BigDecimal; V2 is the range (0, ∞). */
  static BigDecimal v3Value(final double l, final double sa, final double sb, final BigDecimal p) {
    final BigDecimal L = new BigDecimal(l);
    final BigDecimal a = new BigDecimal(sa);
    final BigDecimal b = new BigDecimal(sb);
    BigDecimal s = sqrt(p);
    s = s.max(a).min(b);
    final BigDecimal x =
        L.multiply(BigDecimal.ONE.divide(s, MC).subtract(BigDecimal.ONE.divide(b, MC)));
    final BigDecimal y = L.multiply(s.subtract(a));
    return x.multiply(p, MC).add(y, MC);
  }

  private static BigDecimal v2Value(final double l, final BigDecimal p) {
    return new BigDecimal(2).multiply(new BigDecimal(l)).multiply(sqrt(p), MC);
  }

  interface Value {
    BigDecimal at(BigDecimal p);
  }

  static double[] finiteDifferences(final Value v, final double price) {
    final BigDecimal p = new BigDecimal(price);
    final BigDecimal h = new BigDecimal(price * 1e-5);
    final BigDecimal up = v.at(p.add(h));
    final BigDecimal mid = v.at(p);
    final BigDecimal down = v.at(p.subtract(h));
    final double delta = up.subtract(down).divide(h.multiply(new BigDecimal(2)), MC).doubleValue();
    final double gamma =
        up.subtract(mid.multiply(new BigDecimal(2)))
            .add(down)
            .divide(h.multiply(h), MC)
            .doubleValue();
    return new double[] {mid.doubleValue(), delta, gamma};
  }

  private static void assertRelative(final double expected, final double actual, final double tol) {
    assertEquals(expected, actual, tol * Math.max(Math.abs(expected), 1e-300), "relative");
  }

  @Test
  void shouldMatchV2GreeksToFiniteDifferences() {
    final UniswapV2Position pos = UniswapV2Position.ofReserves(1_000.0, 3_000_000.0, 0.01);
    for (double price : new double[] {0.5, 1800, 3000, 4700.25, 1e7}) {
      final double[] fd = finiteDifferences(p -> v2Value(pos.liquidity(), p), price);
      assertRelative(fd[0], pos.value(price), 1e-12);
      assertRelative(fd[1], pos.delta(price), 1e-6);
      assertRelative(fd[2], pos.gamma(price), 1e-6);
    }
    // V = 2√(kP) = xP + y at the pool's own price.
    final double k = 1_000.0 * 3_000_000.0 * 1e-4;
    assertRelative(2 * Math.sqrt(k * 3000), pos.value(3000), 1e-14);
    assertRelative(10.0 * 3000 + 30_000.0, pos.value(3000), 1e-14);
    assertRelative(Math.sqrt(k / 3000), pos.delta(3000), 1e-14);
  }

  @Test
  void shouldMatchV3GreeksToFiniteDifferencesInsideAndOutsideRange() {
    final UniswapV3Position pos =
        new UniswapV3Position(12_345.678, Math.sqrt(1500), Math.sqrt(2500));
    for (double price : new double[] {1000, 1499, 1501, 1800, 2000, 2499, 2501, 4000}) {
      final double[] fd =
          finiteDifferences(
              p -> v3Value(pos.liquidity(), pos.sqrtPriceLower(), pos.sqrtPriceUpper(), p), price);
      assertRelative(fd[0], pos.value(price), 1e-12);
      if (price > 2500) {
        assertEquals(0.0, pos.delta(price), 0.0);
        assertEquals(0.0, fd[1], 1e-12);
      } else {
        assertRelative(fd[1], pos.delta(price), 1e-6);
      }
      if (pos.inRange(price)) {
        assertRelative(fd[2], pos.gamma(price), 1e-6);
      } else {
        assertEquals(0.0, pos.gamma(price), 0.0);
        assertEquals(0.0, fd[2], 1e-9 * Math.abs(pos.liquidity() / (price * Math.sqrt(price))));
      }
    }
  }

  @Test
  void shouldReduceV3ToV2WhenRangeIsEffectivelyFull() {
    final UniswapV3Position wide = new UniswapV3Position(100, 1e-12, 1e12);
    final UniswapV2Position full = new UniswapV2Position(100);
    assertRelative(full.value(2000), wide.value(2000), 1e-9);
    assertRelative(full.delta(2000), wide.delta(2000), 1e-9);
    assertRelative(full.gamma(2000), wide.gamma(2000), 1e-12);
  }

  @Test
  void shouldAgreeWithRoutingExactTokenAmounts() {
    final TickMath tickMath = new TickMath();
    final SqrtPriceMath sqrtMath = new SqrtPriceMath();
    final UInt256 sa = new UInt256();
    final UInt256 sb = new UInt256();
    final UInt256 sp = new UInt256();
    final UInt256 liquidity = UInt256.of(BigInteger.TEN.pow(21));
    final UInt256 amount = new UInt256();
    final int lower = -887_220 / 4;
    final int upper = 92_100;
    assertTrue(tickMath.getSqrtRatioAtTick(lower, sa));
    assertTrue(tickMath.getSqrtRatioAtTick(upper, sb));
    final double q96 = Math.scalb(1.0, 96);
    final UniswapV3Position pos =
        new UniswapV3Position(1e21, sa.toDouble() / q96, sb.toDouble() / q96);
    for (int tick : new int[] {-100_000, 0, 50_000, 92_000}) {
      assertTrue(tickMath.getSqrtRatioAtTick(tick, sp));
      final double s = sp.toDouble() / q96;
      final double price = s * s;
      assertTrue(sqrtMath.getAmount0Delta(sp, sb, liquidity, false, amount));
      assertRelative(amount.toDouble(), pos.riskyAmount(price), 1e-9);
      assertTrue(sqrtMath.getAmount1Delta(sa, sp, liquidity, false, amount));
      assertRelative(amount.toDouble(), pos.numeraireAmount(price), 1e-9);
    }
  }

  @Test
  void shouldComputeLvrAsHalfSigmaSquaredPriceSquaredTimesHoldingSlope() {
    final double sigma = 0.05;
    final UniswapV2Position v2 = new UniswapV2Position(5_000);
    final UniswapV3Position v3 = new UniswapV3Position(5_000, Math.sqrt(1500), Math.sqrt(2500));
    for (double price : new double[] {1200, 1700, 2000, 2400, 3000}) {
      final double h = price * 1e-6;
      final double v2Slope = (v2.riskyAmount(price + h) - v2.riskyAmount(price - h)) / (2 * h);
      assertRelative(
          0.5 * sigma * sigma * price * price * Math.abs(v2Slope), v2.lvrRate(price, sigma), 1e-6);
      assertRelative(sigma * sigma * v2.value(price) / 8, v2.lvrRate(price, sigma), 1e-14);
      final double v3Slope = (v3.riskyAmount(price + h) - v3.riskyAmount(price - h)) / (2 * h);
      final double expected = 0.5 * sigma * sigma * price * price * Math.abs(v3Slope);
      if (v3.inRange(price)) {
        assertRelative(expected, v3.lvrRate(price, sigma), 1e-6);
        // The concentrated position bleeds more than a V2 position of equal value.
        assertTrue(v3.lvrRate(price, sigma) / v3.value(price) > sigma * sigma / 8);
      } else {
        assertEquals(0.0, expected, 0.0);
        assertEquals(0.0, v3.lvrRate(price, sigma), 0.0);
      }
    }
  }
}
