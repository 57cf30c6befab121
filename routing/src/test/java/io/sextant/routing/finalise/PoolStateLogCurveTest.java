package io.sextant.routing.finalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.AllocationMeter;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.curve.CurveStableSwapPool;
import io.sextant.routing.math.curve.CurveStableSwapPool.Variant;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Curve swaps applied through the log and undone: the balances come back to the wei, although
 * trading back would not restore them (the fee stays in the pool and its admin share leaves it).
 */
class PoolStateLogCurveTest {
  private static final UInt256 ADMIN_FEE = UInt256.ofUnsignedLong(5_000_000_000L);

  private static CurveStableSwapPool pool(final Variant variant, final long amp, final long fee) {
    return CurveStableSwapPool.ofDecimals(
        new UInt256[] {
          UInt256.parse("103902458912250371998101"),
          UInt256.parse("96026429950922739854657"),
          UInt256.parse("90684626303")
        },
        new int[] {18, 18, 6},
        UInt256.ofUnsignedLong(amp),
        UInt256.ofUnsignedLong(fee),
        ADMIN_FEE,
        variant);
  }

  private static BigInteger[] balances(final CurveStableSwapPool p) {
    final BigInteger[] b = new BigInteger[p.tokenCount()];
    for (int i = 0; i < b.length; i++) {
      b[i] = p.balance(i).toBigInteger();
    }
    return b;
  }

  @Test
  void undoAllShouldRestoreEveryBalanceExactlyAfterRandomSwaps() {
    final SplittableRandom r = new SplittableRandom(0xC0FFEEL);
    final PoolStateLog log = new PoolStateLog();
    for (int round = 0; round < 200; round++) {
      // Two pools, both variants; some rounds log more swaps than the log's initial capacity.
      final CurveStableSwapPool a = pool(Variant.FACTORY, 1000 * 100, 4_000_000);
      final CurveStableSwapPool b = pool(Variant.LEGACY, 200, 30_000_000);
      final BigInteger[] a0 = balances(a);
      final BigInteger[] b0 = balances(b);
      final int swaps = 1 + r.nextInt(round % 10 == 0 ? 40 : 8);
      int applied = 0;
      for (int k = 0; k < swaps; k++) {
        final CurveStableSwapPool p = r.nextBoolean() ? a : b;
        final int in = r.nextInt(3);
        final int out = (in + 1 + r.nextInt(2)) % 3;
        // Up to a fifth of the input coin's balance.
        final BigInteger max = p.balance(in).toBigInteger().divide(BigInteger.valueOf(5));
        final BigInteger dx =
            BigInteger.valueOf(1 + r.nextLong(Long.MAX_VALUE))
                .multiply(max)
                .divide(BigInteger.valueOf(Long.MAX_VALUE))
                .add(BigInteger.ONE);
        final SwapResult s = new SwapResult();
        assertTrue(p.exactIn(in, out, UInt256.of(dx), s), s::failure);
        log.apply(p, in, out, s);
        applied++;
      }
      assertTrue(applied > 0);
      final boolean moved =
          !java.util.Arrays.equals(balances(a), a0) || !java.util.Arrays.equals(balances(b), b0);
      assertTrue(moved, "round " + round + ": the swaps moved no balance");
      log.undoAll();
      for (int i = 0; i < 3; i++) {
        assertEquals(a0[i], a.balance(i).toBigInteger(), "round " + round + " pool a coin " + i);
        assertEquals(b0[i], b.balance(i).toBigInteger(), "round " + round + " pool b coin " + i);
      }
    }
  }

  @Test
  void tradingBackShouldNotRestoreTheBalancesWhichIsWhyTheLogSavesThem() {
    final CurveStableSwapPool p = pool(Variant.FACTORY, 1000 * 100, 4_000_000);
    final BigInteger[] before = balances(p);
    final SwapResult s = new SwapResult();
    assertTrue(p.exactIn(0, 1, UInt256.parse("5000000000000000000000"), s), s::failure);
    p.apply(0, 1, s);
    final SwapResult back = new SwapResult();
    back.amountIn.set(s.amountOut);
    back.amountOut.set(s.amountIn);
    p.apply(1, 0, back);
    assertNotEquals(before[1], p.balance(1).toBigInteger());
  }

  @Test
  void restoreBalanceShouldRejectWhatWouldBreakThePool() {
    final CurveStableSwapPool p = pool(Variant.FACTORY, 1000 * 100, 4_000_000);
    assertThrows(IllegalArgumentException.class, () -> p.restoreBalance(3, UInt256.parse("1")));
    assertThrows(IllegalArgumentException.class, () -> p.restoreBalance(-1, UInt256.parse("1")));
    assertThrows(IllegalArgumentException.class, () -> p.restoreBalance(0, new UInt256()));
    final UInt256 huge = UInt256.of(BigInteger.ONE.shiftLeft(250));
    assertThrows(IllegalArgumentException.class, () -> p.restoreBalance(2, huge));
    assertEquals("103902458912250371998101", p.balance(0).toString());
  }

  @Test
  void applyAndUndoOfCurveSwapsShouldAllocateNothingAfterWarmUp() {
    final CurveStableSwapPool p = pool(Variant.FACTORY, 1000 * 100, 4_000_000);
    final PoolStateLog log = new PoolStateLog();
    final SwapResult s01 = new SwapResult();
    final SwapResult s21 = new SwapResult();
    assertTrue(p.exactIn(0, 1, UInt256.parse("7000000000000000000000"), s01), s01::failure);
    assertTrue(p.exactIn(2, 1, UInt256.parse("3000000000"), s21), s21::failure);
    final String b1 = p.balance(1).toString();
    final long bytes =
        AllocationMeter.minBytes(
            () -> {
              log.apply(p, 0, 1, s01);
              log.apply(p, 2, 1, s21);
              log.undoAll();
            },
            20_000,
            1_000,
            5);
    assertEquals(0L, bytes, "bytes allocated by 1,000 apply/apply/undoAll rounds");
    assertEquals(b1, p.balance(1).toString());
  }
}
