package io.sextant.routing.math.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.curve.CurveStableSwapPool;
import io.sextant.routing.math.u256.UInt256;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A warmed-up swap allocates nothing: exact in, exact out, failures and apply. */
class AllocationFreeSwapTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static long allocatedBy(final Runnable r) {
    final long id = Thread.currentThread().threadId();
    final long before = THREADS.getThreadAllocatedBytes(id);
    r.run();
    return THREADS.getThreadAllocatedBytes(id) - before;
  }

  private static void assertAllocationFree(
      final ExactPool pool, final int in, final int out, final String small, final String big) {
    final SwapResult result = new SwapResult();
    final UInt256 a = UInt256.parse(small);
    final UInt256 tooBig = UInt256.parse(big);
    final Runnable swaps =
        () -> {
          for (int k = 0; k < 10_000; k++) {
            pool.exactIn(in, out, a, result);
            pool.exactOut(in, out, a, result);
            pool.exactIn(in, out, tooBig, result); // a failing swap
          }
        };
    assertTrue(pool.exactIn(in, out, a, result), result::failure);
    for (int i = 0; i < 5; i++) {
      swaps.run(); // warm up (JIT, lazily created division scratch)
    }
    // The measuring call itself may allocate a few bytes the first time; take the best of 3.
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      best = Math.min(best, allocatedBy(swaps));
    }
    assertEquals(0, best, pool.getClass().getSimpleName() + " allocated");
    // apply: alternate a swap and its reverse so the pool stays put.
    final SwapResult back = new SwapResult();
    final Runnable applies =
        () -> {
          for (int k = 0; k < 1000; k++) {
            pool.exactIn(in, out, a, result);
            pool.apply(in, out, result);
            pool.exactIn(out, in, result.amountOut, back);
            pool.apply(out, in, back);
          }
        };
    applies.run();
    best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      best = Math.min(best, allocatedBy(applies));
    }
    assertEquals(0, best, pool.getClass().getSimpleName() + " apply allocated");
  }

  @Test
  void weightedSwapsShouldNotAllocate() {
    for (final String version : new String[] {"v0", "v3Plus"}) {
      assertAllocationFree(
          BalancerWeightedPool.fromDecimals(
              new String[] {"31686717298564222587034828", "14236767788701850247952", "5000000000"},
              new String[] {"1", "1", "1000000000000"},
              new String[] {"0.6", "0.2", "0.2"},
              "0.003",
              version),
          1,
          0,
          "2000000000000000000000",
          "9000000000000000000000");
    }
  }

  @Test
  void stableSwapsShouldNotAllocate() {
    assertAllocationFree(
        BalancerStablePool.fromDecimals(
            new String[] {"505781036390938593206504", "1", "554894862074", "1585576741011"},
            new String[] {"1", "1", "1000000000000", "1000000000000"},
            "5000.0",
            "0.0001",
            1),
        0,
        2,
        "10000000000000000000",
        "900000000000000000000000");
  }

  @Test
  void curveSwapsShouldNotAllocate() {
    for (final CurveStableSwapPool.Variant v : CurveStableSwapPool.Variant.values()) {
      assertAllocationFree(
          CurveStableSwapPool.ofDecimals(
              new UInt256[] {
                UInt256.parse("103902458912250371998101"),
                UInt256.parse("96026429950922739854657"),
                UInt256.parse("90684626303")
              },
              new int[] {18, 18, 6},
              UInt256.ofUnsignedLong(v == CurveStableSwapPool.Variant.FACTORY ? 1000 : 10),
              UInt256.ofUnsignedLong(4_000_000),
              UInt256.ofUnsignedLong(5_000_000_000L),
              v),
          0,
          2,
          "5000000000000000000",
          "1000000000000000000000000000000000000000000000000000000000000000000000000");
    }
  }
}
