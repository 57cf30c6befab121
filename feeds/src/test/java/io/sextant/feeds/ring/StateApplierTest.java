package io.sextant.feeds.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolSnapshot;
import io.sextant.routing.state.PoolStateStore;
import org.junit.jupiter.api.Test;

class StateApplierTest {
  private final PoolStateStore store = PoolStateStore.withCapacity(4, 0, 0);
  private final StateApplier applier;
  private final MarketEvent e = new MarketEvent();

  StateApplierTest() {
    store.addUniswapV2(UInt256.ofUnsignedLong(100), UInt256.ofUnsignedLong(200), 3, 1000);
    applier = new StateApplier(store);
  }

  private int sync(final int pool, final long block, final int log, final long r0, final long r1) {
    return applier.apply(e.v2Sync(pool, block, log, r0, 0, r1, 0));
  }

  @Test
  void shouldCountAndDropBadEventsWithoutTouchingTheStore() {
    assertEquals(PoolStateStore.OK, sync(0, 10, 5, 110, 190));
    assertEquals(PoolStateStore.UNKNOWN_SLOT, sync(3, 11, 0, 1, 1));
    assertEquals(PoolStateStore.UNKNOWN_SLOT, sync(-1, 11, 0, 1, 1));
    sync(0, 10, 5, 1, 1); // same position: replayed
    sync(0, 9, 7, 1, 1); // earlier block
    assertEquals(PoolStateStore.INVALID_VALUE, sync(0, 11, 0, 0, 1)); // zero reserve
    applier.apply(e.header(MarketEvent.V3_SWAP, 0, 11, 1)); // V3 event for a V2 pool
    applier.apply(e.header(99, 0, 11, 2)); // unknown kind
    assertEquals(1, applier.counter(StateApplier.APPLIED));
    assertEquals(2, applier.counter(StateApplier.UNKNOWN_POOL));
    assertEquals(2, applier.counter(StateApplier.OUT_OF_ORDER));
    assertEquals(3, applier.counter(StateApplier.INVALID));
    final PoolSnapshot s = store.newSnapshot();
    store.read(0, s);
    assertEquals(110, s.balance(0, new UInt256()).low64());
    assertEquals(2, s.version());
    // A good event after the bad ones still applies.
    assertEquals(PoolStateStore.OK, sync(0, 11, 3, 120, 180));
    assertEquals(PoolStateStore.STALE, markAndRead(s));
  }

  private int markAndRead(final PoolSnapshot s) {
    applier.apply(e.header(MarketEvent.MARK_STALE, 0, 11, 4));
    return store.read(0, s);
  }
}
