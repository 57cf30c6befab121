package io.sextant.feeds.cow;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.balancer.BalancerStablePool;
import io.sextant.routing.math.balancer.BalancerWeightedPool;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ2.UniswapV2Pool;
import io.sextant.routing.math.univ3.UniswapV3Pool;
import io.sextant.routing.state.PoolStateStore;
import java.util.List;

/**
 * Fills a {@link PoolStateStore} with an auction's liquidity (CoW mode: each auction carries its
 * own snapshot, loaded into a request-private store). Sources are validated by {@link
 * CowPoolLoader} first; those that fail there, foreign limit orders (not pool state) and those the
 * store refuses are left out with a negative status. The caller holds the store's writer role. Cold
 * path.
 */
public final class CowStoreLoader {
  private final UInt256[] a = holders();
  private final UInt256[] b = holders();
  private final UInt256[] c = holders();
  private final UInt256 net = new UInt256();

  private static UInt256[] holders() {
    final UInt256[] h = new UInt256[PoolStateStore.MAX_TOKENS];
    for (int i = 0; i < h.length; i++) {
      h[i] = new UInt256();
    }
    return h;
  }

  /** Status of a source that could not be built as pool math (see {@link LoadedPool#error()}). */
  public static final int NOT_BUILT = -100;

  /** Status of a source kind the store does not hold (foreign limit orders). */
  public static final int NOT_A_POOL = -101;

  /**
   * Loads every pool of {@code auction}; element i of the result is the store slot of {@code
   * liquidity[i]}, or a negative status ({@link #NOT_BUILT}, {@link #NOT_A_POOL} or a {@link
   * PoolStateStore} code).
   */
  public int[] load(final CowAuction auction, final PoolStateStore store) {
    return load(new CowPoolLoader().load(auction), store);
  }

  /** As {@link #load(CowAuction, PoolStateStore)} from already built pools. */
  public int[] load(final List<LoadedPool> pools, final PoolStateStore store) {
    final int[] slots = new int[pools.size()];
    for (int i = 0; i < slots.length; i++) {
      final LoadedPool p = pools.get(i);
      slots[i] = p.usable() ? add(p.pool(), store) : NOT_BUILT;
    }
    return slots;
  }

  /** Adds one built pool; its slot or a negative status. */
  public int add(final ExactPool pool, final PoolStateStore store) {
    return switch (pool) {
      case UniswapV2Pool p ->
          store.addUniswapV2(p.reserve0(), p.reserve1(), p.feeNumerator(), p.feeDenominator());
      case UniswapV3Pool p -> addV3(p, store);
      case BalancerWeightedPool p -> {
        final int n = p.tokenCount();
        for (int i = 0; i < n; i++) {
          a[i].set(p.balance(i));
          b[i].set(p.scalingFactor(i));
          c[i].set(p.weight(i));
        }
        yield store.addBalancerWeighted(n, a, b, c, p.swapFee(), p.version().ordinal());
      }
      case BalancerStablePool p -> {
        final int n = p.tokenCount();
        for (int i = 0; i < n; i++) {
          a[i].set(p.balance(i));
          b[i].set(p.scalingFactor(i));
        }
        yield store.addBalancerStable(n, a, b, p.amplification(), p.swapFee(), p.bptIndex());
      }
      default -> NOT_A_POOL;
    };
  }

  private int addV3(final UniswapV3Pool p, final PoolStateStore store) {
    final int slot =
        store.addUniswapV3(
            p.feePips(), p.tickSpacing(), p.sqrtPriceX96(), p.liquidity(), p.tick(), p.tickCount());
    if (slot < 0) {
      return slot;
    }
    for (int i = 0; i < p.tickCount(); i++) {
      final int status = store.writeV3TickNet(slot, p.tickAt(i), p.liquidityNetAt(i, net));
      if (status != PoolStateStore.OK) {
        // Keep the slot but never route through a pool whose tick table is incomplete.
        store.markStale(slot, true);
        return status;
      }
    }
    return slot;
  }
}
