package io.sextant.routing.math.univ3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The double curve against the exact swap, its own derivative and its inverse. */
class ConcentratedLiquidityCurveTest {
  private static UniswapV3Pool pool() {
    final Map<Integer, BigInteger> net = new TreeMap<>();
    final BigInteger wide = new BigInteger("2000000000000000000");
    final BigInteger narrow = new BigInteger("30000000000000000000");
    net.put(-887220, wide);
    net.put(887220, wide.negate());
    net.put(-1200, narrow);
    net.put(600, narrow.negate());
    final BigInteger l = wide.add(narrow);
    return UniswapV3Pool.of(
        3000, UInt256.parse("79228162514264337593543950336"), UInt256.of(l), 0, net);
  }

  @Test
  void shouldAgreeWithTheExactSwapAcrossTicks() {
    final UniswapV3Pool pool = pool();
    final SwapResult r = new SwapResult();
    for (final boolean zeroForOne : new boolean[] {true, false}) {
      for (final String amount :
          new String[] {"1000000000000000", "1000000000000000000", "5000000000000000000"}) {
        assertTrue(pool.swap(zeroForOne, true, UInt256.parse(amount), null, r));
        final double exact = r.amountOut.toDouble();
        final double approx =
            ConcentratedLiquidityCurve.output(pool, zeroForOne, Double.parseDouble(amount));
        assertEquals(exact, approx, exact * 1e-9, () -> zeroForOne + " " + amount);
      }
    }
  }

  @Test
  void shouldHaveTheDerivativeAsMarginalAndInvertIt() {
    final UniswapV3Pool pool = pool();
    for (final boolean zeroForOne : new boolean[] {true, false}) {
      for (final double a : new double[] {1e15, 1e18, 3e18, 2e19}) {
        final double h = a * 1e-6;
        final double slope =
            (ConcentratedLiquidityCurve.output(pool, zeroForOne, a + h)
                    - ConcentratedLiquidityCurve.output(pool, zeroForOne, a - h))
                / (2 * h);
        final double marginal = ConcentratedLiquidityCurve.marginal(pool, zeroForOne, a);
        assertEquals(slope, marginal, marginal * 1e-5);
        assertEquals(
            a, ConcentratedLiquidityCurve.inputForMarginal(pool, zeroForOne, marginal), a * 1e-9);
      }
      final double spot = ConcentratedLiquidityCurve.marginal(pool, zeroForOne, 0);
      assertEquals(0.0, ConcentratedLiquidityCurve.inputForMarginal(pool, zeroForOne, spot * 1.01));
    }
  }

  @Test
  void shouldStopWhereTheLiquidityEnds() {
    final Map<Integer, BigInteger> net = new TreeMap<>();
    final BigInteger l = new BigInteger("2000000000000000000");
    net.put(-600, l);
    net.put(600, l.negate());
    final UniswapV3Pool pool =
        UniswapV3Pool.of(
            3000, UInt256.parse("79228162514264337593543950336"), UInt256.of(l), 0, net);
    assertEquals(0.0, ConcentratedLiquidityCurve.marginal(pool, true, 1e30));
    final double capacity = ConcentratedLiquidityCurve.inputForMarginal(pool, true, 1e-30);
    final double all = ConcentratedLiquidityCurve.output(pool, true, 1e30);
    assertEquals(all, ConcentratedLiquidityCurve.output(pool, true, capacity), all * 1e-12);
  }
}
