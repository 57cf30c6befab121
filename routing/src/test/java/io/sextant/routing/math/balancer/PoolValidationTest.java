package io.sextant.routing.math.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.curve.CurveStableSwapPool;
import io.sextant.routing.math.u256.UInt256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad pool state is refused with a message naming the field; bad swaps fail with a reason. */
class PoolValidationTest {
  private static void rejects(final String message, final Executable e) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  private static BalancerWeightedPool weighted(
      final String[] b, final String[] s, final String[] w, final String fee) {
    return BalancerWeightedPool.fromDecimals(b, s, w, fee, "v0");
  }

  private static final String[] ONE_ONE = {"1", "1"};
  private static final String[] HALF_HALF = {"0.5", "0.5"};
  private static final String[] BAL = {"1000", "2000"};

  @Test
  void shouldNameEachBadWeightedField() {
    rejects(
        "weights sum to 1.0002, not 1",
        () -> weighted(BAL, ONE_ONE, new String[] {"0.5001", "0.5001"}, "0.003"));
    rejects(
        "balances[1] is zero", () -> weighted(new String[] {"1", "0"}, ONE_ONE, HALF_HALF, "0"));
    rejects(
        "scalingFactors[0] is zero", () -> weighted(BAL, new String[] {"0", "1"}, HALF_HALF, "0"));
    rejects(
        "scalingFactors[0] = 0.000001 upscales balances[0] to zero",
        () -> weighted(new String[] {"1", "1"}, new String[] {"0.000001", "1"}, HALF_HALF, "0"));
    rejects("swapFee 1 is outside [0, 1)", () -> weighted(BAL, ONE_ONE, HALF_HALF, "1"));
    rejects("swapFee 1.5 is outside [0, 1)", () -> weighted(BAL, ONE_ONE, HALF_HALF, "1.5"));
    rejects(
        "weights[0] = 0.005 is below the minimum 0.01",
        () -> weighted(BAL, ONE_ONE, new String[] {"0.005", "0.995"}, "0"));
    rejects(
        "balances: 1 tokens given, a weighted pool has 2 to 8",
        () -> weighted(new String[] {"1"}, new String[] {"1"}, new String[] {"1"}, "0"));
    rejects(
        "weights has 3 entries, balances has 2",
        () -> weighted(BAL, ONE_ONE, new String[] {"0.5", "0.25", "0.25"}, "0"));
    rejects("fee is not a decimal number: \"abc\"", () -> weighted(BAL, ONE_ONE, HALF_HALF, "abc"));
    rejects(
        "weights[1] has more than 18 decimal places: \"0.5000000000000000001\"",
        () -> weighted(BAL, ONE_ONE, new String[] {"0.5", "0.5000000000000000001"}, "0"));
    rejects(
        "balances[0] is not a uint256: \"-5\"",
        () -> weighted(new String[] {"-5", "1"}, ONE_ONE, HALF_HALF, "0"));
    rejects(
        "version must be \"v0\" or \"v3Plus\", not \"v2\"",
        () -> BalancerWeightedPool.fromDecimals(BAL, ONE_ONE, HALF_HALF, "0", "v2"));
    rejects(
        "balances[0] = 5192296858534827628530496329220096 exceeds the Vault's 112-bit balance",
        () ->
            weighted(
                new String[] {"5192296858534827628530496329220096", "1"}, ONE_ONE, HALF_HALF, "0"));
  }

  @Test
  void shouldLeaveThePoolUnchangedWhenResetFails() {
    final BalancerWeightedPool p = weighted(BAL, ONE_ONE, HALF_HALF, "0.003");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            p.reset(
                new UInt256[] {UInt256.parse("5"), UInt256.parse("0")},
                new UInt256[] {FixedPoint.ONE, FixedPoint.ONE},
                new UInt256[] {
                  UInt256.parse("500000000000000000"), UInt256.parse("500000000000000000")
                },
                UInt256.parse("0"),
                WeightedPoolVersion.V0));
    assertEquals("1000", p.balance(0).toString());
  }

  @Test
  void shouldNameEachBadStableField() {
    final String[] s = {"1", "1"};
    rejects(
        "amplificationParameter 500/1000 is outside the contract's [1, 5000]",
        () -> BalancerStablePool.fromDecimals(BAL, s, "0.5", "0", -1));
    rejects(
        "amplificationParameter 5001000/1000 is outside the contract's [1, 5000]",
        () -> BalancerStablePool.fromDecimals(BAL, s, "5001", "0", -1));
    rejects(
        "amplificationParameter 100.0001 is not a multiple of 0.001",
        () -> BalancerStablePool.fromDecimals(BAL, s, "100.0001", "0", -1));
    rejects(
        "balances[0] is zero",
        () -> BalancerStablePool.fromDecimals(new String[] {"0", "1"}, s, "100", "0", -1));
    rejects(
        "scalingFactors[1] is zero",
        () -> BalancerStablePool.fromDecimals(BAL, new String[] {"1", "0"}, "100", "0", -1));
    rejects(
        "swapFee 1 is outside [0, 1)",
        () -> BalancerStablePool.fromDecimals(BAL, s, "100", "1", -1));
    rejects(
        "bptIndex 2 is not -1 or a token index below 2",
        () -> BalancerStablePool.fromDecimals(BAL, s, "100", "0", 2));
    rejects(
        "balances: 1 tokens besides the BPT, a stable pool has 2 to 5",
        () -> BalancerStablePool.fromDecimals(BAL, s, "100", "0", 0));
    rejects(
        "balances: 6 tokens besides the BPT, a stable pool has 2 to 5",
        () ->
            BalancerStablePool.fromDecimals(
                new String[] {"1", "1", "1", "1", "1", "1"},
                new String[] {"1", "1", "1", "1", "1", "1"},
                "100",
                "0",
                -1));
  }

  @Test
  void shouldNameEachBadCurveField() {
    final UInt256[] b = {UInt256.parse("1000"), UInt256.parse("2000")};
    final UInt256 fee = UInt256.parse("4000000");
    final UInt256 admin = UInt256.parse("5000000000");
    final CurveStableSwapPool.Variant f = CurveStableSwapPool.Variant.FACTORY;
    rejects(
        "balances[1] is zero",
        () ->
            CurveStableSwapPool.ofDecimals(
                new UInt256[] {b[0], new UInt256()},
                new int[] {18, 18},
                UInt256.parse("10000"),
                fee,
                admin,
                f));
    rejects(
        "decimals[1] = 40 is outside [0, 36]",
        () ->
            CurveStableSwapPool.ofDecimals(
                b, new int[] {18, 40}, UInt256.parse("10000"), fee, admin, f));
    rejects(
        "amp 0 is outside [1, 100000000] for FACTORY",
        () ->
            CurveStableSwapPool.ofDecimals(
                b, new int[] {18, 18}, UInt256.parse("0"), fee, admin, f));
    rejects(
        "amp 50 is too small: A·n must exceed A_PRECISION = 100",
        () ->
            CurveStableSwapPool.ofDecimals(
                b, new int[] {18, 18}, UInt256.parse("50"), fee, admin, f));
    rejects(
        "fee 5000000001 is outside [0, 5e9] (over 1e10)",
        () ->
            CurveStableSwapPool.ofDecimals(
                b,
                new int[] {18, 18},
                UInt256.parse("10000"),
                UInt256.parse("5000000001"),
                admin,
                f));
    rejects(
        "adminFee 10000000001 is outside [0, 1e10]",
        () ->
            CurveStableSwapPool.ofDecimals(
                b,
                new int[] {18, 18},
                UInt256.parse("10000"),
                fee,
                UInt256.parse("10000000001"),
                f));
    rejects(
        "rates has 1 entries, balances has 2",
        () ->
            CurveStableSwapPool.of(
                b, new UInt256[] {UInt256.parse("1")}, UInt256.parse("10000"), fee, admin, f));
    rejects(
        "balances[0] × rates[0] / 1e18 is zero",
        () ->
            CurveStableSwapPool.of(
                b,
                new UInt256[] {UInt256.parse("1"), UInt256.parse("1")},
                UInt256.parse("10000"),
                fee,
                admin,
                f));
  }

  @Test
  void shouldFailBadSwapsWithAReason() {
    final BalancerWeightedPool p = weighted(BAL, ONE_ONE, HALF_HALF, "0.003");
    final SwapResult r = new SwapResult();
    assertFalse(p.exactIn(0, 0, UInt256.parse("1"), r));
    assertEquals(BalancerWeightedPool.SAME_TOKEN, r.failure());
    assertFalse(p.exactIn(0, 2, UInt256.parse("1"), r));
    assertEquals(BalancerWeightedPool.TOKEN_OUT_OF_RANGE, r.failure());
    assertFalse(p.exactIn(0, 1, UInt256.parse("500"), r));
    assertEquals(BalancerErrors.MAX_IN_RATIO, r.failure());
    assertFalse(p.exactOut(0, 1, UInt256.parse("601"), r));
    assertEquals(BalancerErrors.MAX_OUT_RATIO, r.failure());
    final CurveStableSwapPool c =
        CurveStableSwapPool.ofDecimals(
            new UInt256[] {UInt256.parse("1000000"), UInt256.parse("1000000")},
            new int[] {6, 6},
            UInt256.parse("10000"),
            UInt256.parse("4000000"),
            UInt256.parse("5000000000"),
            CurveStableSwapPool.Variant.FACTORY);
    assertFalse(c.exactOut(0, 1, UInt256.parse("1000000"), r));
    assertEquals(CurveStableSwapPool.OUTPUT_UNREACHABLE, r.failure());
    assertFalse(c.exactIn(1, 1, UInt256.parse("1"), r));
    assertEquals(CurveStableSwapPool.SAME_TOKEN, r.failure());
  }
}
