package io.sextant.routing.math.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import org.junit.jupiter.api.Test;

/**
 * Published vectors (amm-test-vectors.md §H), the cowprotocol/services unit tests of its Balancer
 * port, and the CoW reference solver's interactions (data/cow-cases) for weighted pools.
 */
class BalancerWeightedVectorsTest {
  private static final String E18 = "1000000000000000000";

  private static UInt256 u(final String s) {
    return UInt256.parse(s);
  }

  private static String rawOut(
      final String bi, final String wi, final String bo, final String wo, final String a) {
    final WeightedMath m = new WeightedMath();
    final UInt256 r = new UInt256();
    assertTrue(
        m.calcOutGivenIn(r, u(bi), u(wi), u(bo), u(wo), u(a), WeightedPoolVersion.V0), m::failure);
    return r.toString();
  }

  private static String rawIn(
      final String bi, final String wi, final String bo, final String wo, final String a) {
    final WeightedMath m = new WeightedMath();
    final UInt256 r = new UInt256();
    assertTrue(
        m.calcInGivenOut(r, u(bi), u(wi), u(bo), u(wo), u(a), WeightedPoolVersion.V0), m::failure);
    return r.toString();
  }

  private static BalancerWeightedPool pool(
      final String[] balances,
      final String[] scaling,
      final String[] weights,
      final String fee,
      final String version) {
    return BalancerWeightedPool.fromDecimals(balances, scaling, weights, fee, version);
  }

  private static String sell(
      final BalancerWeightedPool p, final int in, final int out, final String amount) {
    final SwapResult r = new SwapResult();
    assertTrue(p.exactIn(in, out, u(amount), r), r::failure);
    assertEquals(amount, r.amountIn.toString());
    return r.amountOut.toString();
  }

  private static String buy(
      final BalancerWeightedPool p, final int in, final int out, final String amount) {
    final SwapResult r = new SwapResult();
    assertTrue(p.exactOut(in, out, u(amount), r), r::failure);
    assertEquals(amount, r.amountOut.toString());
    return r.amountIn.toString();
  }

  /** cowprotocol/services {@code converge_in_amount}: bump the input until the output suffices. */
  private static String cowConvergeInAmount(
      final BalancerWeightedPool p,
      final int in,
      final int out,
      final String inAmount,
      final String exactOut) {
    final java.math.BigInteger in0 = new java.math.BigInteger(inAmount);
    final java.math.BigInteger target = new java.math.BigInteger(exactOut);
    final java.math.BigInteger out0 = new java.math.BigInteger(sell(p, in, out, inAmount));
    if (out0.compareTo(target) >= 0) {
      return inAmount;
    }
    final java.math.BigInteger[] qr =
        target.subtract(out0).multiply(in0).divideAndRemainder(out0.max(java.math.BigInteger.ONE));
    java.math.BigInteger bump =
        qr[0]
            .add(qr[1].signum() == 0 ? java.math.BigInteger.ZERO : java.math.BigInteger.ONE)
            .max(java.math.BigInteger.ONE);
    for (int i = 0; i < 6; i++) {
      final String bumped = in0.add(bump).toString();
      if (new java.math.BigInteger(sell(p, in, out, bumped)).compareTo(target) >= 0) {
        return bumped;
      }
      bump = bump.multiply(java.math.BigInteger.TEN);
    }
    throw new AssertionError("did not converge");
  }

  // ---------------------------------------------------------------- H0: raw WeightedMath

  @Test
  void shouldReproduceRawCalcOutGivenInVectorH0() {
    assertEquals(
        "428571297950",
        rawOut(
            "100000000000000000000000",
            "300000000000000",
            "10000000000000000000",
            "700000000000000",
            "10000000000000000"));
  }

  @Test
  void shouldReproduceRawCalcInGivenOutVectorH0() {
    assertEquals(
        "233722784701541000000",
        rawIn(
            "100000000000000000000000",
            "300000000000000",
            "10000000000000000000",
            "700000000000000",
            "10000000000000000"));
  }

  @Test
  void shouldAcceptTradesUpToThirtyPercentAndRejectOneWeiMore() {
    final String bi = "20000000000000000000000";
    final String bo = "10000000000000000000000";
    final String w = "500000000000000";
    assertEquals("2307692307692230750000", rawOut(bi, w, bo, w, "6000000000000000000000"));
    assertEquals("8571428571428857160000", rawIn(bi, w, bo, w, "3000000000000000000000"));
    final WeightedMath m = new WeightedMath();
    final UInt256 r = new UInt256();
    assertFalse(
        m.calcOutGivenIn(
            r, u(bi), u(w), u(bo), u(w), u("6000000000000000000001"), WeightedPoolVersion.V0));
    assertEquals(BalancerErrors.MAX_IN_RATIO, m.failure());
    assertFalse(
        m.calcInGivenOut(
            r, u(bi), u(w), u(bo), u(w), u("3000000000000000000001"), WeightedPoolVersion.V0));
    assertEquals(BalancerErrors.MAX_OUT_RATIO, m.failure());
  }

  // ---------------------------------------------------------------- H1: pool level with fee

  @Test
  void shouldReproduceBalWethEightyTwentyVectorH1() {
    final BalancerWeightedPool p =
        pool(
            new String[] {"31686717298564222587034828", "14236767788701850247952"},
            new String[] {"1", "1"},
            new String[] {"0.8", "0.2"},
            "0.01",
            "v0");
    assertEquals("1014934149732776116160723", sell(p, 1, 0, "2000" + E18.substring(1)));
  }

  @Test
  void shouldReproduceKyberEightyTwentyVectorsH1() {
    final String[] balances = {"3360160080014532471350474", "1112301324508754708737"};
    final String[] scaling = {"1", "1"};
    final String[] weights = {"0.8", "0.2"};
    // Exponent 4: the published value needs the V3+ shortcut (two mulUp squarings).
    assertEquals(
        "76143667376405160244",
        sell(pool(balances, scaling, weights, "0.001", "v3Plus"), 0, 1, "60160080014532471350474"));
    assertEquals(
        "76143667376394799157",
        sell(pool(balances, scaling, weights, "0.001", "v0"), 0, 1, "60160080014532471350474"));
    // Exponent 0.25: both versions take the generic pow.
    assertEquals(
        "4538893010907736440",
        sell(pool(balances, scaling, weights, "0.001", "v3Plus"), 1, 0, "6016008001453247"));
    assertEquals(
        "4538893010907736440",
        sell(pool(balances, scaling, weights, "0.001", "v0"), 1, 0, "6016008001453247"));
  }

  // ---------------------------------------------------------------- cowprotocol/services tests

  @Test
  void shouldMatchCowServicesWeightedGetAmountOut() {
    final BalancerWeightedPool p =
        pool(
            new String[] {"1850304144768426873445489", "95671347892391047965654"},
            new String[] {"1", "1"},
            new String[] {"0.9", "0.1"},
            "0.002",
            "v0");
    assertEquals("488192591864344551330", sell(p, 1, 0, "227937106828652254870"));
  }

  @Test
  void shouldMatchCowServicesWeightedGetAmountIn() {
    final BalancerWeightedPool p =
        pool(
            new String[] {"60000000000000000", "250000000"},
            new String[] {"1", "1000000000000"},
            new String[] {"0.5", "0.5"},
            "0.001",
            "v0");
    assertEquals("1225715511430411", buy(p, 0, 1, "5000000"));
  }

  // ---------------------------------------------------------------- CoW reference solver cases

  @Test
  void shouldMatchCowCaseBalLiquidityWeightedV0() {
    final BalancerWeightedPool p =
        pool(
            new String[] {"11260752191375725565253", "18764168403990393422000071"},
            new String[] {"1", "1"},
            new String[] {"0.5", "0.5"},
            "0.005",
            "v0");
    assertEquals("1657855325872947866705", sell(p, 0, 1, E18));
  }

  @Test
  void shouldMatchCowCaseBalLiquidityWeightedV3Plus() {
    final BalancerWeightedPool p =
        pool(
            new String[] {"5089632258314443812936111", "3043530764763263654069"},
            new String[] {"1", "1"},
            new String[] {"0.5", "0.5"},
            "0.005",
            "v3Plus");
    assertEquals("1663373703594405548696", sell(p, 1, 0, E18));
  }

  @Test
  void shouldMatchCowCaseBuyOrderRoundingWeightedV0() {
    final BalancerWeightedPool p =
        pool(
            new String[] {"1963528800698237927834721", "1152796145430714835825"},
            new String[] {"1", "1"},
            new String[] {"0.5", "0.5"},
            "0.005",
            "v0");
    assertEquals("9056454904360584", sell(p, 0, 1, "15503270361052085989"));
    // The second hop (Uniswap V2, fee 0.25%) needs getAmountIn(1e18) = 9056454904357528 of the
    // middle token. The contract's GIVEN_OUT input for it, sold GIVEN_IN, yields a little less
    // (the weighted math is not exactly invertible), so the reference solver bumps it with its
    // "converge_in_amount" step to the amount it reports.
    final String contractIn = buy(p, 0, 1, "9056454904357528");
    assertEquals("15503270361045187239", contractIn);
    assertTrue(u(sell(p, 0, 1, contractIn)).compareTo(u("9056454904357528")) < 0);
    assertEquals(
        "15503270361052085989", cowConvergeInAmount(p, 0, 1, contractIn, "9056454904357528"));
  }

  @Test
  void shouldMatchCowCaseBuyOrderRoundingWeightedV3Plus() {
    final BalancerWeightedPool p =
        pool(
            new String[] {"18764168403990393422000071", "11260752191375725565253"},
            new String[] {"1", "1"},
            new String[] {"0.5", "0.5"},
            "0.005",
            "v3Plus");
    assertEquals("1000000000000001964333", sell(p, 1, 0, "603167793526702182"));
    assertEquals("603167793526702182", buy(p, 1, 0, "1000" + E18.substring(1)));
  }
}
