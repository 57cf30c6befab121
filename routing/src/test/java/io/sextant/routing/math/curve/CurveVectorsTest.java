package io.sextant.routing.math.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.curve.CurveStableSwapPool.Variant;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Every vector of amm-test-vectors.md §G (Curve StableSwap). */
class CurveVectorsTest {
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

  private static String dy(final CurveStableSwapPool p, final int i, final int j, final String dx) {
    final SwapResult r = new SwapResult();
    assertTrue(p.exactIn(i, j, UInt256.parse(dx), r), r::failure);
    // The exact-out search inverts it: the minimal dx that buys this much.
    final SwapResult back = new SwapResult();
    assertTrue(p.exactOut(i, j, r.amountOut, back), back::failure);
    assertTrue(back.amountIn.compareTo(UInt256.parse(dx)) <= 0, "search not minimal");
    return r.amountOut.toString();
  }

  /** The published legacy values are 3pool's get_dy view (fee after the rate division). */
  private static String viewDy(
      final CurveStableSwapPool p, final int i, final int j, final String dx) {
    final SwapResult r = new SwapResult();
    assertTrue(p.viewGetDy(i, j, UInt256.parse(dx), r), r::failure);
    // What exchange() pays rounds its fee before the rate: never more than a wei away.
    final SwapResult executed = new SwapResult();
    assertTrue(p.exactIn(i, j, UInt256.parse(dx), executed), executed::failure);
    final BigInteger gap =
        executed.amountOut.toBigInteger().subtract(r.amountOut.toBigInteger()).abs();
    assertTrue(gap.compareTo(BigInteger.ONE) <= 0, () -> "gap " + gap);
    return r.amountOut.toString();
  }

  private static String d(final CurveStableSwapPool p) {
    final UInt256 r = new UInt256();
    assertTrue(p.invariant(r), p::failure);
    return r.toString();
  }

  // ---------------------------------------------------------------- G1 factory pools

  @Test
  void shouldReproduceFactoryPoolP0() {
    final CurveStableSwapPool p =
        pool(
            new String[] {"103902458912250371998101", "96026429950922739854657", "90684626303"},
            new int[] {18, 18, 6},
            1000,
            4_000_000,
            Variant.FACTORY);
    assertEquals("496315310333753", dy(p, 0, 1, "500000000000000"));
    assertEquals("49631528847328147", dy(p, 0, 1, "50000000000000000"));
    assertEquals("4963131024216305126", dy(p, 0, 1, "5000000000000000000"));
    assertEquals("49364", dy(p, 0, 2, "50000000000000000"));
    assertEquals("4936384", dy(p, 0, 2, "5000000000000000000"));
    assertEquals("5025079238286081", dy(p, 2, 1, "5000"));
    assertEquals("502552896527853049", dy(p, 2, 1, "500045"));
  }

  @Test
  void shouldReproduceFactoryPoolP1() {
    final CurveStableSwapPool p =
        pool(
            new String[] {"8189776041162322264444", "9661706603857954240258"},
            new int[] {18, 18},
            40000,
            4_000_000,
            Variant.FACTORY);
    assertEquals("500008393783392", dy(p, 0, 1, "500000000000000"));
    assertEquals("500008321109370981", dy(p, 0, 1, "500000000000000000"));
    assertEquals("499591620339898039", dy(p, 1, 0, "500000000000000000"));
    assertEquals("4995909662946962499", dy(p, 1, 0, "5000000000000000000"));
  }

  @Test
  void shouldReproduceFactoryPoolP2() {
    final CurveStableSwapPool p =
        pool(
            new String[] {"549022857960890312641141", "1075362632212", "46720010"},
            new int[] {18, 6, 2},
            20000,
            4_000_000,
            Variant.FACTORY);
    assertEquals("501", dy(p, 0, 1, "500000000000000"));
    assertEquals("50169", dy(p, 0, 1, "50000000000000000"));
    assertEquals("499", dy(p, 0, 2, "5000000000000000000"));
    assertEquals("10248489", dy(p, 2, 1, "1020"));
  }

  // ---------------------------------------------------------------- G2 legacy 3pool

  private static final int[] THREE_POOL = {18, 6, 6};

  @Test
  void shouldReproduceLegacyBalancedThreePool() {
    final String[] balanced = {"1000000000000000000000000", "1000000000000", "1000000000000"};
    final CurveStableSwapPool p = pool(balanced, THREE_POOL, 2000, 1_000_000, Variant.LEGACY);
    final CurveStableSwapPool noFee = pool(balanced, THREE_POOL, 2000, 0, Variant.LEGACY);
    assertEquals("3000000000000000000000000", d(p));
    assertEquals("999899501", viewDy(p, 0, 1, "1000000000000000000000"));
    assertEquals("999999500", viewDy(noFee, 0, 1, "1000000000000000000000"));
    assertEquals("99984952832", viewDy(p, 0, 1, "100000000000000000000000"));
    assertEquals("99994952327", viewDy(noFee, 0, 1, "100000000000000000000000"));
    assertEquals("499783571830381125403037", viewDy(p, 1, 0, "500000000000"));
    assertEquals("499833555185899715374574", viewDy(noFee, 1, 0, "500000000000"));
  }

  @Test
  void shouldReproduceLegacyImbalancedThreePool() {
    final CurveStableSwapPool p =
        pool(
            new String[] {"1500000000000000000000000", "700000000000", "800000000000"},
            THREE_POOL,
            2000,
            1_000_000,
            Variant.LEGACY);
    assertEquals("2999904821576527914762632", d(p));
    assertEquals("9994377533", viewDy(p, 0, 1, "10000000000000000000000"));
    assertEquals("10003442244939856813196", viewDy(p, 1, 0, "10000000000"));
  }

  @Test
  void shouldReproduceLegacyGetD() {
    assertEquals(
        "2000000000000000000000",
        d(
            pool(
                new String[] {"1000000000000000000000", "1000000000000000000000"},
                new int[] {18, 18},
                100,
                0,
                Variant.LEGACY)));
    assertEquals(
        "2998146985239894576283",
        d(
            pool(
                new String[] {"1000000000000000000000", "2000000000000000000000"},
                new int[] {18, 18},
                100,
                0,
                Variant.LEGACY)));
    assertEquals(
        "2912328492271816921949",
        d(
            pool(
                new String[] {"1000000000000000000000", "2000000000000000000000"},
                new int[] {18, 18},
                1,
                0,
                Variant.LEGACY)));
  }

  @Test
  void shouldReturnTheMinimalInputForAnExactOutput() {
    final CurveStableSwapPool p =
        pool(
            new String[] {"103902458912250371998101", "96026429950922739854657", "90684626303"},
            new int[] {18, 18, 6},
            1000,
            4_000_000,
            Variant.FACTORY);
    final SwapResult r = new SwapResult();
    for (final String want : new String[] {"1", "49364", "1000000", "5000000000"}) {
      assertTrue(p.exactOut(0, 2, UInt256.parse(want), r), r::failure);
      final BigInteger dx = r.amountIn.toBigInteger();
      final SwapResult check = new SwapResult();
      assertTrue(p.exactIn(0, 2, r.amountIn, check));
      assertTrue(check.amountOut.compareTo(UInt256.parse(want)) >= 0);
      if (p.exactIn(0, 2, UInt256.of(dx.subtract(BigInteger.ONE)), check)) {
        assertTrue(check.amountOut.compareTo(UInt256.parse(want)) < 0, want);
      }
    }
  }
}
