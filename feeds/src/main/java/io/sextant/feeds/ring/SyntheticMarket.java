package io.sextant.feeds.ring;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ3.TickMath;
import io.sextant.routing.state.PoolStateStore;
import java.util.SplittableRandom;

/**
 * A seeded synthetic market for load tests: {@code v2} Uniswap V2 pairs whose reserves take random
 * constant-product trades of up to ±0.1 %, and {@code v3} Uniswap V3 pools whose tick takes a
 * random walk (the price halfway into the tick) of up to ±{@value #MAX_STEP} ticks, with a constant
 * in-range liquidity. Every event it produces is valid and in chain order ({@value #LOGS_PER_BLOCK}
 * logs per block), so the applier should accept all of them. The same seed gives the same event
 * sequence.
 *
 * <p>The constructor adds the pools to the store (the caller must hold the writer role, i.e. call
 * it before the ring starts). {@link #next} runs on the producer thread and allocates nothing.
 */
public final class SyntheticMarket implements EventTranslatorOneArg<MarketEvent, Object> {
  /** Logs per synthetic block. */
  public static final int LOGS_PER_BLOCK = 500;

  /** Largest tick step of one V3 swap. */
  public static final int MAX_STEP = 8;

  private static final int TICK_RANGE = 4000;
  private static final long MIN_RESERVE = 1_000_000_000L;
  private static final long MAX_RESERVE = 1L << 61;

  private final SplittableRandom random;
  private final int firstSlot;
  private final int v2;
  private final int pools;
  private final long[] reserve0;
  private final long[] reserve1;
  private final int[] tick;
  private final long[] sqrtLo = new long[2 * TICK_RANGE + 1];
  private final long[] sqrtHi = new long[2 * TICK_RANGE + 1];
  private long block = 1;
  private int logIndex;

  /** Adds {@code v2} V2 pairs then {@code v3} V3 pools to {@code store} and seeds the walks. */
  public SyntheticMarket(final PoolStateStore store, final int v2, final int v3, final long seed) {
    random = new SplittableRandom(seed);
    this.v2 = v2;
    this.pools = v2 + v3;
    reserve0 = new long[v2];
    reserve1 = new long[v2];
    tick = new int[v3];
    final TickMath tm = new TickMath();
    final UInt256 w = new UInt256();
    final UInt256 next = new UInt256();
    for (int t = -TICK_RANGE; t <= TICK_RANGE; t++) {
      // Halfway between the tick's price and the next one's: where a swap usually stops (a price
      // exactly on a boundary is the rare case, and the costlier one to validate).
      tm.getSqrtRatioAtTick(t, w);
      tm.getSqrtRatioAtTick(t + 1, next);
      next.sub(next, w);
      next.shr(next, 1);
      w.add(w, next);
      sqrtLo[t + TICK_RANGE] = w.limb(0);
      sqrtHi[t + TICK_RANGE] = w.limb(1);
    }
    final UInt256 a = new UInt256();
    final UInt256 b = new UInt256();
    int first = -1;
    for (int i = 0; i < v2; i++) {
      reserve0[i] = random.nextLong(1_000_000_000_000_000L, 1_000_000_000_000_000_000L);
      reserve1[i] = random.nextLong(1_000_000_000_000L, 1_000_000_000_000_000_000L);
      final int slot =
          store.addUniswapV2(
              a.setUnsignedLong(reserve0[i]), b.setUnsignedLong(reserve1[i]), 3, 1000);
      first = check(slot, first, i);
    }
    for (int i = 0; i < v3; i++) {
      tick[i] = random.nextInt(-TICK_RANGE / 2, TICK_RANGE / 2);
      sqrt(tick[i], a);
      final int slot =
          store.addUniswapV3(
              3000, 60, a, b.setUnsignedLong(1_000_000_000_000_000_000L), tick[i], 0);
      first = check(slot, first, v2 + i);
    }
    firstSlot = first;
  }

  private static int check(final int slot, final int first, final int i) {
    if (slot < 0) {
      throw new IllegalStateException("store refused synthetic pool " + i + ": status " + slot);
    }
    if (first >= 0 && slot != first + i) {
      throw new IllegalStateException("store slots not contiguous at pool " + i);
    }
    return first < 0 ? slot : first;
  }

  private void sqrt(final int t, final UInt256 dst) {
    dst.setLimbs(sqrtLo[t + TICK_RANGE], sqrtHi[t + TICK_RANGE], 0, 0);
  }

  /** Store slot of the first synthetic pool; the pools occupy {@code [firstSlot, +pools)}. */
  public int firstSlot() {
    return firstSlot;
  }

  /** Number of synthetic pools. */
  public int pools() {
    return pools;
  }

  /** Fills {@code e} with the next event (a trade on a random pool). */
  public void next(final MarketEvent e) {
    if (++logIndex == LOGS_PER_BLOCK) {
      block++;
      logIndex = 0;
    }
    final int p = random.nextInt(pools);
    if (p < v2) {
      // Constant-product trade: x' = x (1 + f), y' = x y / x'.
      final double f = 1.0 + (random.nextDouble() - 0.5) * 0.002;
      long x = (long) (reserve0[p] * f);
      long y = (long) (reserve1[p] / f);
      if (x < MIN_RESERVE || x > MAX_RESERVE || y < MIN_RESERVE || y > MAX_RESERVE) {
        x = reserve0[p];
        y = reserve1[p];
      }
      reserve0[p] = x;
      reserve1[p] = y;
      e.header(MarketEvent.V2_SYNC, firstSlot + p, block, logIndex);
      e.a.setUnsignedLong(x);
      e.b.setUnsignedLong(y);
    } else {
      final int i = p - v2;
      int t = tick[i] + random.nextInt(-MAX_STEP, MAX_STEP + 1);
      if (t < -TICK_RANGE || t > TICK_RANGE) {
        t = tick[i];
      }
      tick[i] = t;
      e.header(MarketEvent.V3_SWAP, firstSlot + p, block, logIndex);
      sqrt(t, e.a);
      e.b.setUnsignedLong(1_000_000_000_000_000_000L);
      e.tick = t;
    }
  }

  /** Translator form of {@link #next}, for {@code InboundRing.publishEvent(market, null)}. */
  @Override
  public void translateTo(final MarketEvent event, final long sequence, final Object ignored) {
    next(event);
  }

  /** V2 reserve0 of synthetic pool {@code i} as last generated (for tests). */
  public long reserve0(final int i) {
    return reserve0[i];
  }

  /** V2 reserve1 of synthetic pool {@code i} as last generated (for tests). */
  public long reserve1(final int i) {
    return reserve1[i];
  }

  /** V3 tick of synthetic pool {@code v2 + i} as last generated (for tests). */
  public int tick(final int i) {
    return tick[i];
  }
}
