package io.sextant.feeds.ring;

import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolStateStore;

/**
 * One slot of the inbound ring: a pool-state change, all primitives and pre-allocated holders, so
 * publishing allocates nothing. A producer claims a sequence, fills the slot with one of the {@code
 * set*} methods, and publishes; consumers must not keep references to it.
 *
 * <p>Fields by {@link #kind}: {@link #V2_SYNC} {@code a, b} = reserve0, reserve1; {@link #V3_SWAP}
 * {@code a} = sqrtPriceX96, {@code b} = liquidity, {@code tick}; {@link #V3_POSITION} {@code a} =
 * signed liquidity delta (int128 sign-extended), {@code tickLower, tickUpper}; {@link #BALANCES}
 * {@code values[0..count)}; {@link #BALANCE} {@code token, a}; {@link #MARK_STALE}/{@link
 * #MARK_FRESH} nothing else; {@link #V3_TICK_NET} {@code tick}, {@code a} = the tick's absolute
 * liquidityNet (int128 sign-extended), {@code b} = its liquidityGross (zero removes the tick);
 * {@link #BALANCE_DELTAS} {@code values[0..count)} signed changes. Every event names its pool's
 * store slot and its chain position (block number, log index), which must increase per pool —
 * except {@link #MARK_STALE}, which is accepted at any position and rewinds the pool's position to
 * its own (a feed rolling a pool back to a reorg's fork point announces it so).
 */
public final class MarketEvent {
  /** Unused slot. */
  public static final int NONE = 0;

  /** Uniswap V2 {@code Sync}. */
  public static final int V2_SYNC = 1;

  /** Uniswap V3 {@code Swap}: new price, liquidity, tick. */
  public static final int V3_SWAP = 2;

  /** Uniswap V3 {@code Mint}/{@code Burn}. */
  public static final int V3_POSITION = 3;

  /** All balances of a Balancer or Curve pool. */
  public static final int BALANCES = 4;

  /** One balance of a Balancer or Curve pool. */
  public static final int BALANCE = 5;

  /** The feed lost track of the pool (gap, reorg). */
  public static final int MARK_STALE = 6;

  /** The pool is trusted again. */
  public static final int MARK_FRESH = 7;

  /**
   * Uniswap V3: one tick's absolute liquidityNet ({@code a}) and liquidityGross ({@code b}), as
   * {@code ticks(t)} returns them (resynchronisation from the chain).
   */
  public static final int V3_TICK_NET = 8;

  /**
   * Balancer Vault {@code Swap}/{@code PoolBalanceChanged}: signed changes ({@code int256}) of all
   * {@code count} balances, {@code values[i]} for token {@code i}.
   */
  public static final int BALANCE_DELTAS = 9;

  /** One of the kinds above. */
  public int kind;

  /** Store slot of the pool. */
  public int pool;

  /** Block number of the log. */
  public long block;

  /** Log index within the block. */
  public int logIndex;

  /** V3 current tick. */
  public int tick;

  /** V3 position lower tick. */
  public int tickLower;

  /** V3 position upper tick. */
  public int tickUpper;

  /** Token index of a {@link #BALANCE} event. */
  public int token;

  /** Number of {@link #values} used by a {@link #BALANCES} event. */
  public int count;

  /** Nanosecond timestamp for latency measurement (the intended send time); not applied. */
  public long timestampNanos;

  /** First payload word. */
  public final UInt256 a = new UInt256();

  /** Second payload word. */
  public final UInt256 b = new UInt256();

  /** Per-token payload. */
  public final UInt256[] values = new UInt256[PoolStateStore.MAX_TOKENS];

  /** An empty slot. */
  public MarketEvent() {
    for (int i = 0; i < values.length; i++) {
      values[i] = new UInt256();
    }
  }

  /** Sets the header fields shared by every kind; returns this. */
  public MarketEvent header(final int kind, final int pool, final long block, final int logIndex) {
    this.kind = kind;
    this.pool = pool;
    this.block = block;
    this.logIndex = logIndex;
    return this;
  }

  /** A V2 {@code Sync}. */
  public MarketEvent v2Sync(
      final int pool,
      final long block,
      final int logIndex,
      final long r0Lo,
      final long r0Hi,
      final long r1Lo,
      final long r1Hi) {
    header(V2_SYNC, pool, block, logIndex);
    a.setLimbs(r0Lo, r0Hi, 0, 0);
    b.setLimbs(r1Lo, r1Hi, 0, 0);
    return this;
  }

  /** Copies every field of {@code o} into this slot; returns this. */
  public MarketEvent copyFrom(final MarketEvent o) {
    kind = o.kind;
    pool = o.pool;
    block = o.block;
    logIndex = o.logIndex;
    tick = o.tick;
    tickLower = o.tickLower;
    tickUpper = o.tickUpper;
    token = o.token;
    count = o.count;
    timestampNanos = o.timestampNanos;
    a.set(o.a);
    b.set(o.b);
    for (int i = 0; i < values.length; i++) {
      values[i].set(o.values[i]);
    }
    return this;
  }

  @Override
  public String toString() {
    return "MarketEvent[kind "
        + kind
        + ", pool "
        + pool
        + ", block "
        + block
        + ", log "
        + logIndex
        + "]";
  }
}
