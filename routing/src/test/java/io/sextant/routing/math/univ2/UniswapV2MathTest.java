package io.sextant.routing.math.univ2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Published Uniswap V2 vectors (amm-test-vectors.md §F, §I1) and the revert cases. */
class UniswapV2MathTest {
  private static final String E18 = "000000000000000000";
  private final SwapResult r = new SwapResult();

  private static UInt256 u(final String decimal) {
    return UInt256.parse(decimal);
  }

  private String out(final String in, final String rin, final String rout) {
    assertTrue(UniswapV2Math.getAmountOut(u(in), u(rin), u(rout), 3, 1000, r), r::failure);
    return r.amountOut.toString();
  }

  @ParameterizedTest(name = "{0} in, reserves ({1}e18, {2}e18) -> {3}")
  @CsvSource({
    "1000000000000000000, 5, 10, 1662497915624478906",
    "1000000000000000000, 10, 5, 453305446940074565",
    "2000000000000000000, 5, 10, 2851015155847869602",
    "2000000000000000000, 10, 5, 831248957812239453",
    "1000000000000000000, 10, 10, 906610893880149131",
    "1000000000000000000, 100, 100, 987158034397061298",
    "1000000000000000000, 1000, 1000, 996006981039903216"
  })
  void shouldMatchPublishedVectorOfPairSwapTestCases(
      final String in, final String r0, final String r1, final String expected) {
    assertEquals(expected, out(in, r0 + E18, r1 + E18));
    // The pair's K check makes expected the maximum: expected + 1 must fail the invariant.
    final BigInteger b0 = u(r0 + E18).toBigInteger().add(u(in).toBigInteger());
    final BigInteger b1 =
        u(r1 + E18).toBigInteger().subtract(u(expected).toBigInteger().add(BigInteger.ONE));
    final BigInteger adj0 =
        b0.multiply(BigInteger.valueOf(1000))
            .subtract(u(in).toBigInteger().multiply(BigInteger.valueOf(3)));
    final BigInteger adj1 = b1.multiply(BigInteger.valueOf(1000));
    final BigInteger k =
        u(r0 + E18)
            .toBigInteger()
            .multiply(u(r1 + E18).toBigInteger())
            .multiply(BigInteger.valueOf(1_000_000));
    assertTrue(adj0.multiply(adj1).compareTo(k) < 0);
  }

  @Test
  void shouldMatchPublishedVectorOfRouterGetAmountOut() {
    assertEquals("1", out("2", "100", "100"));
  }

  @Test
  void shouldMatchPublishedVectorOfRouterGetAmountIn() {
    assertTrue(UniswapV2Math.getAmountIn(u("1"), u("100"), u("100"), 3, 1000, r));
    assertEquals("2", r.amountIn.toString());
    assertEquals("1", r.amountOut.toString());
  }

  @Test
  void shouldMatchPublishedVectorOfSplitRegressionI1() {
    final String ra = "1000" + E18;
    final String ua = "2000000000000";
    final String rb = "500" + E18;
    final String ub = "1010000000000";
    assertEquals("121530560660", out("64891260329007882156", ra, ua));
    assertEquals("66080788827", out("35108739670992117844", rb, ub));
    assertEquals("181322178776", out("100" + E18, ra, ua));
    assertEquals("167912289478", out("100" + E18, rb, ub));
    final long half =
        Long.parseLong(out("50" + E18, ra, ua)) + Long.parseLong(out("50" + E18, rb, ub));
    assertEquals(186533647797L, half);
    final long proRata =
        Long.parseLong(out("66666666666666666667", ra, ua))
            + Long.parseLong(out("33333333333333333333", rb, ub));
    assertEquals(187595799211L, proRata);
  }

  @Test
  void shouldReproduceI1WaterFillWithTheDoubleCurve() {
    final double g = 0.997;
    final double xa = 1000e18, ya = 2_000_000e6, xb = 500e18, yb = 1_010_000e6;
    final double s = (100e18 + xa / g + xb / g) / (Math.sqrt(xa * ya / g) + Math.sqrt(xb * yb / g));
    final double lambda = 1 / (s * s);
    final double aa = ConstantProductCurve.inputForMarginal(lambda, xa, ya, g);
    final double ab = ConstantProductCurve.inputForMarginal(lambda, xb, yb, g);
    assertEquals(64891260329007882156.0, aa, 64891260329007882156.0 * 1e-12);
    assertEquals(35108739670992117844.0, ab, 35108739670992117844.0 * 1e-12);
    assertEquals(lambda, ConstantProductCurve.marginal(aa, xa, ya, g), lambda * 1e-9);
    assertEquals(
        187611349487.0,
        ConstantProductCurve.output(aa, xa, ya, g) + ConstantProductCurve.output(ab, xb, yb, g),
        2.0);
    assertEquals(1759.03e-12, lambda, 0.01e-12); // USDC-wei per WETH-wei
    assertEquals(0.0, ConstantProductCurve.inputForMarginal(g * ya / xa, xa, ya, g));
  }

  @Test
  void shouldTreatEquivalentFeeFractionsIdentically() {
    assertTrue(UniswapV2Math.getAmountOut(u("123456789"), u("1000000007"), u("999"), 30, 10000, r));
    final String a = r.amountOut.toString();
    assertEquals(a, out("123456789", "1000000007", "999"));
  }

  @Test
  void shouldRefuseZeroInputWithTheLibraryReason() {
    assertFalse(UniswapV2Math.getAmountOut(u("0"), u("100"), u("100"), 3, 1000, r));
    assertEquals(UniswapV2Math.INSUFFICIENT_INPUT_AMOUNT, r.failure());
  }

  @Test
  void shouldRefuseZeroReserves() {
    assertFalse(UniswapV2Math.getAmountOut(u("1"), u("0"), u("100"), 3, 1000, r.reset()));
    assertEquals(UniswapV2Math.INSUFFICIENT_LIQUIDITY, r.failure());
    assertFalse(UniswapV2Math.getAmountIn(u("1"), u("100"), u("0"), 3, 1000, r.reset()));
    assertEquals(UniswapV2Math.INSUFFICIENT_LIQUIDITY, r.failure());
  }

  @Test
  void shouldRefuseZeroOutput() {
    assertFalse(UniswapV2Math.getAmountOut(u("1"), u("100"), u("100"), 3, 1000, r.reset()));
    assertEquals(UniswapV2Math.INSUFFICIENT_OUTPUT_AMOUNT, r.failure());
    assertFalse(UniswapV2Math.getAmountIn(u("0"), u("100"), u("100"), 3, 1000, r.reset()));
    assertEquals(UniswapV2Math.INSUFFICIENT_OUTPUT_AMOUNT, r.failure());
  }

  @Test
  void shouldRefuseOutputAtOrAboveTheReserve() {
    assertFalse(UniswapV2Math.getAmountIn(u("100"), u("100"), u("100"), 3, 1000, r.reset()));
    assertEquals(UniswapV2Math.PAIR_INSUFFICIENT_LIQUIDITY, r.failure());
    assertFalse(UniswapV2Math.getAmountIn(u("101"), u("100"), u("100"), 3, 1000, r.reset()));
    assertEquals(UniswapV2Math.PAIR_INSUFFICIENT_LIQUIDITY, r.failure());
  }

  @Test
  void shouldRefuseTradesPushingAReserveAboveUint112() {
    final UInt256 max112 = new UInt256().setPowerOfTwo(112);
    max112.subUnsignedLong(max112, 1);
    final UInt256 reserveIn = new UInt256();
    reserveIn.subUnsignedLong(max112, 10);
    assertTrue(UniswapV2Math.getAmountOut(u("10"), reserveIn, reserveIn, 3, 1000, r.reset()));
    assertFalse(UniswapV2Math.getAmountOut(u("11"), reserveIn, reserveIn, 3, 1000, r.reset()));
    assertEquals(UniswapV2Math.OVERFLOW, r.failure());
    assertFalse(
        UniswapV2Math.getAmountOut(new UInt256().setMax(), u("1"), u("1"), 3, 1000, r.reset()));
    assertEquals(UniswapV2Math.OVERFLOW, r.failure());
    assertFalse(
        UniswapV2Math.getAmountIn(u("999999"), reserveIn, u("1000000"), 3, 1000, r.reset()));
    assertEquals(UniswapV2Math.OVERFLOW, r.failure());
  }
}
