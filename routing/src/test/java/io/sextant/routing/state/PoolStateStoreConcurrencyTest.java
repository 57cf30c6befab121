package io.sextant.routing.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ3.TickMath;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One writer rewrites three pools as fast as it can so that an invariant holds in every state it
 * completes; reader threads snapshot the pools and check the invariant on every copy:
 *
 * <ul>
 *   <li>V2: {@code reserve0 + reserve1 == C} (a 100-bit constant, so both limbs move);
 *   <li>V3: ticks strictly ascending, {@code Σ liquidityNet == 0}, in-range liquidity equal to the
 *       sum of liquidityNet at or below the current tick, and {@code sqrtPriceX96 ==
 *       getSqrtRatioAtTick(tick)};
 *   <li>Balancer weighted: the four balances sum to C.
 * </ul>
 *
 * The correct store must show zero torn reads; the same run against a store that skips the version
 * re-check must show torn reads, so the test can fail.
 */
class PoolStateStoreConcurrencyTest {
  private static final long RUN_MILLIS = Long.getLong("sextant.stress.millis", 2_000);
  private static final int READERS = 3;
  private static final int SPACING = 60;
  private static final int V2 = 0;
  private static final int V3 = 1;
  private static final int WEIGHTED = 2;
  private static final UInt256 C =
      UInt256.of(java.math.BigInteger.ONE.shiftLeft(100).add(java.math.BigInteger.valueOf(12345)));

  @Test
  void shouldNeverReturnATornSnapshot() throws InterruptedException {
    final Result r = run(new PoolStateStore(8, 64, 128, 64, true));
    System.out.printf(
        "seqlock store: %,d writes, %,d consistent reads checked, %,d torn%n",
        r.writes, r.reads, r.torn);
    assertEquals(0, r.writerErrors, "writer rejected its own valid writes");
    assertTrue(r.reads > 10_000, "too few reads to mean anything: " + r.reads);
    assertEquals(0, r.torn, "torn reads through the sequence lock");
  }

  @Test
  void shouldDetectTornReadsWhenTheVersionIsNotRechecked() throws InterruptedException {
    // Torn reads are rare events (hundreds per second on a 2-core VM); retry a few rounds.
    Result r = run(new PoolStateStore(8, 64, 128, 64, false));
    for (int round = 1; round < 5 && r.torn == 0; round++) {
      r = run(new PoolStateStore(8, 64, 128, 64, false));
    }
    System.out.printf(
        "broken store (no re-check): %,d writes, %,d reads, %,d torn%n", r.writes, r.reads, r.torn);
    assertTrue(r.torn > 0, "the stress test did not detect a broken sequence lock");
  }

  private record Result(long writes, long reads, long torn, long writerErrors) {}

  private static Result run(final PoolStateStore store) throws InterruptedException {
    final TickMath tm = new TickMath();
    final UInt256 half = new UInt256();
    half.shr(C, 1);
    final UInt256 other = new UInt256();
    other.sub(C, half);
    assertEquals(V2, store.addUniswapV2(half, other, 3, 1000));
    final UInt256 sqrt0 = new UInt256();
    tm.getSqrtRatioAtTick(0, sqrt0);
    assertEquals(V3, store.addUniswapV3(3000, SPACING, sqrt0, new UInt256(), 0, 64));
    final UInt256[] bal = new UInt256[4];
    final UInt256[] scale = new UInt256[4];
    final UInt256[] weight = new UInt256[4];
    for (int i = 0; i < 4; i++) {
      bal[i] = new UInt256();
      scale[i] = UInt256.ofUnsignedLong(1_000_000_000_000_000_000L);
      weight[i] = UInt256.ofUnsignedLong(250_000_000_000_000_000L);
    }
    quarter(bal);
    assertEquals(
        WEIGHTED,
        store.addBalancerWeighted(
            4, bal, scale, weight, UInt256.ofUnsignedLong(3_000_000_000_000_000L), 0));

    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong reads = new AtomicLong();
    final AtomicLong torn = new AtomicLong();
    final long[] writerOut = new long[2];
    final Thread writer = new Thread(() -> write(store, stop, writerOut), "writer");
    final Thread[] readers = new Thread[READERS];
    for (int i = 0; i < READERS; i++) {
      readers[i] = new Thread(() -> read(store, stop, reads, torn), "reader-" + i);
    }
    writer.start();
    for (Thread t : readers) {
      t.start();
    }
    Thread.sleep(RUN_MILLIS);
    stop.set(true);
    writer.join();
    for (Thread t : readers) {
      t.join();
    }
    return new Result(writerOut[0], reads.get(), torn.get(), writerOut[1]);
  }

  private static void quarter(final UInt256[] bal) {
    final UInt256 q = new UInt256();
    q.shr(C, 2);
    bal[0].set(q);
    bal[1].set(q);
    bal[2].set(q);
    bal[3].sub(C, q);
    bal[3].sub(bal[3], q);
    bal[3].sub(bal[3], q);
  }

  // ---------------------------------------------------------------- writer

  private static void write(
      final PoolStateStore store, final AtomicBoolean stop, final long[] out) {
    final SplittableRandom rnd = new SplittableRandom(42);
    final TickMath tm = new TickMath();
    final UInt256 r0 = new UInt256();
    final UInt256 r1 = new UInt256();
    final UInt256 delta = new UInt256();
    final UInt256 price = new UInt256();
    final UInt256 liq = new UInt256();
    final UInt256[] bal = {new UInt256(), new UInt256(), new UInt256(), new UInt256()};
    final int maxPositions = 16;
    final int[] lo = new int[maxPositions];
    final int[] hi = new int[maxPositions];
    final long[] amt = new long[maxPositions];
    int positions = 0;
    int currentTick = 0;
    long writes = 0;
    long errors = 0;
    while (!stop.get()) {
      // V2: move a random amount between the reserves, both limbs change.
      r1.setLimbs(rnd.nextLong(), rnd.nextLong(1L << 35), 0, 0);
      if (r1.isZero() || r1.compareTo(C) >= 0) {
        r1.setUnsignedLong(1);
      }
      r0.sub(C, r1);
      errors += store.writeV2Reserves(V2, r0, r1) == PoolStateStore.OK ? 0 : 1;

      // V3: mint or burn a position, then a swap to a random tick with matching liquidity.
      if (positions < maxPositions && (positions == 0 || rnd.nextBoolean())) {
        final int a = rnd.nextInt(-20, 20);
        final int b = a + rnd.nextInt(1, 10);
        lo[positions] = a * SPACING;
        hi[positions] = b * SPACING;
        amt[positions] = rnd.nextLong(1, 1L << 60);
        delta.setSigned(amt[positions]);
        errors +=
            store.writeV3Position(V3, lo[positions], hi[positions], delta) == PoolStateStore.OK
                ? 0
                : 1;
        positions++;
      } else {
        final int k = rnd.nextInt(positions);
        delta.setSigned(-amt[k]);
        errors += store.writeV3Position(V3, lo[k], hi[k], delta) == PoolStateStore.OK ? 0 : 1;
        positions--;
        lo[k] = lo[positions];
        hi[k] = hi[positions];
        amt[k] = amt[positions];
      }
      currentTick = rnd.nextInt(-1300, 1300);
      tm.getSqrtRatioAtTick(currentTick, price);
      liq.setZero();
      for (int i = 0; i < positions; i++) {
        if (lo[i] <= currentTick && currentTick < hi[i]) {
          liq.addUnsignedLong(liq, amt[i]);
        }
      }
      errors += store.writeV3(V3, price, liq, currentTick) == PoolStateStore.OK ? 0 : 1;

      // Weighted: a random split of C over four balances.
      bal[0].setLimbs(rnd.nextLong(), rnd.nextLong(1L << 30), 0, 0);
      bal[1].setLimbs(rnd.nextLong(), rnd.nextLong(1L << 30), 0, 0);
      bal[2].setLimbs(rnd.nextLong(), rnd.nextLong(1L << 30), 0, 0);
      bal[3].sub(C, bal[0]);
      bal[3].sub(bal[3], bal[1]);
      bal[3].sub(bal[3], bal[2]);
      if (bal[0].isZero() || bal[1].isZero() || bal[2].isZero()) {
        quarter(bal);
      }
      errors += store.writeBalances(WEIGHTED, bal, 4) == PoolStateStore.OK ? 0 : 1;
      writes += 5;
    }
    out[0] = writes;
    out[1] = errors;
  }

  // ---------------------------------------------------------------- readers

  private static void read(
      final PoolStateStore store,
      final AtomicBoolean stop,
      final AtomicLong readsOut,
      final AtomicLong tornOut) {
    final PoolSnapshot s = store.newSnapshot();
    final TickMath tm = new TickMath();
    final UInt256 x = new UInt256();
    final UInt256 y = new UInt256();
    final UInt256 sum = new UInt256();
    final UInt256 below = new UInt256();
    long reads = 0;
    long torn = 0;
    while (!stop.get()) {
      for (int slot = 0; slot < 3; slot++) {
        final int st = store.read(slot, s);
        if (st != PoolStateStore.OK) {
          continue;
        }
        reads++;
        boolean ok;
        if (slot == V2) {
          sum.add(s.balance(0, x), s.balance(1, y));
          ok = sum.eq(C);
        } else if (slot == V3) {
          ok = true;
          sum.setZero();
          below.setZero();
          for (int i = 0; i < s.tickCount(); i++) {
            if (i > 0 && s.tickAt(i) <= s.tickAt(i - 1)) {
              ok = false;
            }
            sum.add(sum, s.liquidityNetAt(i, x));
            if (s.tickAt(i) <= s.tick()) {
              below.add(below, x);
            }
          }
          ok &= sum.isZero();
          ok &= below.eq(s.liquidity(y));
          ok &= tm.getSqrtRatioAtTick(s.tick(), x) && x.eq(s.sqrtPriceX96(y));
        } else {
          sum.setZero();
          for (int i = 0; i < 4; i++) {
            sum.add(sum, s.balance(i, x));
          }
          ok = sum.eq(C);
        }
        if (!ok) {
          torn++;
        }
      }
    }
    readsOut.addAndGet(reads);
    tornOut.addAndGet(torn);
  }
}
