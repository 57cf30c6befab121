package io.sextant.feeds.ring;

import com.lmax.disruptor.EventHandler;
import io.sextant.routing.state.PoolStateStore;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The only writer of a {@link PoolStateStore}: applies each {@link MarketEvent} of the inbound ring
 * to the store. A bad event (unknown pool, wrong family, a chain position not after the last one
 * applied to that pool, a value the pool cannot hold, no room in the tick table) is counted by
 * reason and dropped, never applied, and the ring keeps flowing. Allocation-free.
 *
 * <p>Runs on the ring's applier thread. The counters are written with opaque stores and may be read
 * from any thread (monitoring); they are exact once the ring has drained.
 */
public final class StateApplier implements EventHandler<MarketEvent> {
  /** Counter: events applied. */
  public static final int APPLIED = 0;

  /** Counter: events naming a slot with no pool. */
  public static final int UNKNOWN_POOL = 1;

  /** Counter: events at or before the last chain position applied to their pool. */
  public static final int OUT_OF_ORDER = 2;

  /** Counter: impossible values, unknown kinds, a kind that does not fit the pool's family. */
  public static final int INVALID = 3;

  /** Counter: no room (V3 tick table full). */
  public static final int CAPACITY = 4;

  private static final int COUNTERS = 5;
  // Counters on their own cache lines: index i * 8 + 8.
  private static final int STRIDE = 8;
  private static final VarHandle COUNTER = MethodHandles.arrayElementVarHandle(long[].class);

  private final PoolStateStore store;
  private final long[] lastBlock;
  private final int[] lastLogIndex;
  private final long[] counters = new long[(COUNTERS + 2) * STRIDE];

  /** The applier of {@code store}; the caller hands it the store's writer role. */
  public StateApplier(final PoolStateStore store) {
    this.store = store;
    lastBlock = new long[store.maxPools()];
    lastLogIndex = new int[store.maxPools()];
    Arrays.fill(lastBlock, -1);
    Arrays.fill(lastLogIndex, -1);
  }

  @Override
  public void onEvent(final MarketEvent e, final long sequence, final boolean endOfBatch) {
    apply(e);
  }

  /** Applies one event; returns the store status (or {@link PoolStateStore#INVALID_VALUE}). */
  public int apply(final MarketEvent e) {
    final int slot = e.pool;
    if (slot < 0 || slot >= store.poolCount()) {
      count(UNKNOWN_POOL);
      return PoolStateStore.UNKNOWN_SLOT;
    }
    // MARK_STALE is accepted anywhere and rewinds the pool's chain position (reorg rollback).
    if (e.kind != MarketEvent.MARK_STALE
        && (e.block < lastBlock[slot]
            || (e.block == lastBlock[slot] && e.logIndex <= lastLogIndex[slot]))) {
      count(OUT_OF_ORDER);
      return PoolStateStore.INVALID_VALUE;
    }
    final int status =
        switch (e.kind) {
          case MarketEvent.V2_SYNC -> store.writeV2Reserves(slot, e.a, e.b);
          case MarketEvent.V3_SWAP -> store.writeV3(slot, e.a, e.b, e.tick);
          case MarketEvent.V3_POSITION ->
              store.writeV3Position(slot, e.tickLower, e.tickUpper, e.a);
          case MarketEvent.BALANCES ->
              e.count < 0 || e.count > e.values.length
                  ? PoolStateStore.BAD_TOKEN_INDEX
                  : store.writeBalances(slot, e.values, e.count);
          case MarketEvent.BALANCE_DELTAS ->
              e.count < 0 || e.count > e.values.length
                  ? PoolStateStore.BAD_TOKEN_INDEX
                  : store.addToBalances(slot, e.values, e.count);
          case MarketEvent.BALANCE -> store.writeBalance(slot, e.token, e.a);
          case MarketEvent.MARK_STALE -> store.markStale(slot, true);
          case MarketEvent.MARK_FRESH -> store.markStale(slot, false);
          case MarketEvent.V3_TICK_NET -> store.writeV3Tick(slot, e.tick, e.b, e.a);
          default -> PoolStateStore.INVALID_VALUE;
        };
    if (status == PoolStateStore.OK) {
      lastBlock[slot] = e.block;
      lastLogIndex[slot] = e.logIndex;
      count(APPLIED);
    } else if (status == PoolStateStore.UNKNOWN_SLOT) {
      count(UNKNOWN_POOL);
    } else if (status == PoolStateStore.TICK_CAPACITY) {
      count(CAPACITY);
    } else {
      count(INVALID);
    }
    return status;
  }

  private void count(final int counter) {
    final int i = (counter + 1) * STRIDE;
    COUNTER.setOpaque(counters, i, counters[i] + 1);
  }

  /** A counter ({@link #APPLIED}, {@link #UNKNOWN_POOL}, ...), from any thread. */
  public long counter(final int counter) {
    return (long) COUNTER.getOpaque(counters, (counter + 1) * STRIDE);
  }

  /** Events rejected for any reason. */
  public long rejected() {
    return counter(UNKNOWN_POOL) + counter(OUT_OF_ORDER) + counter(INVALID) + counter(CAPACITY);
  }

  /** Cold path: the counters as one line, for logs and reports. */
  public String report() {
    return "applied "
        + counter(APPLIED)
        + ", unknown pool "
        + counter(UNKNOWN_POOL)
        + ", out of order "
        + counter(OUT_OF_ORDER)
        + ", invalid "
        + counter(INVALID)
        + ", capacity "
        + counter(CAPACITY);
  }
}
