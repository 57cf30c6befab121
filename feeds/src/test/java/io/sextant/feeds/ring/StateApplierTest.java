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

  /**
   * Balancer Vault deltas: applied exactly to all balances in one write; a delta that would take a
   * balance to zero or below, past uint112, or names the wrong token count changes nothing.
   */
  @Test
  void shouldApplyBalanceDeltasAllOrNothing() {
    final UInt256[] balances = {
      UInt256.ofUnsignedLong(1000), UInt256.ofUnsignedLong(2000), UInt256.ofUnsignedLong(3000)
    };
    final UInt256[] ones = new UInt256[3];
    final UInt256 w = UInt256.ofUnsignedLong(333_333_333_333_333_333L);
    for (int i = 0; i < 3; i++) {
      ones[i] = w;
    }
    final int slot =
        store.addBalancerWeighted(3, balances, ones, ones, UInt256.ofUnsignedLong(1), 1);
    e.header(MarketEvent.BALANCE_DELTAS, slot, 5, 0).count = 3;
    e.values[0].setSigned(250);
    e.values[1].setSigned(-125);
    e.values[2].setZero();
    assertEquals(PoolStateStore.OK, applier.apply(e));
    e.header(MarketEvent.BALANCE_DELTAS, slot, 5, 1).values[1].setSigned(-1875); // to zero
    assertEquals(PoolStateStore.INVALID_VALUE, applier.apply(e));
    e.header(MarketEvent.BALANCE_DELTAS, slot, 5, 2).values[1].setSigned(-5000); // below zero
    assertEquals(PoolStateStore.INVALID_VALUE, applier.apply(e));
    e.header(MarketEvent.BALANCE_DELTAS, slot, 5, 3).values[1].setPowerOfTwo(112); // past uint112
    assertEquals(PoolStateStore.INVALID_VALUE, applier.apply(e));
    e.header(MarketEvent.BALANCE_DELTAS, slot, 5, 4).values[1].setSigned(1);
    e.count = 2; // the pool has three tokens
    assertEquals(PoolStateStore.BAD_TOKEN_INDEX, applier.apply(e));
    e.count = 9;
    assertEquals(PoolStateStore.BAD_TOKEN_INDEX, applier.apply(e));
    final PoolSnapshot s = store.newSnapshot();
    assertEquals(PoolStateStore.OK, store.read(slot, s));
    final UInt256 x = new UInt256();
    assertEquals(1250, s.balance(0, x).low64());
    assertEquals(1875, s.balance(1, x).low64());
    assertEquals(3000, s.balance(2, x).low64());
    assertEquals(2, s.version());
    assertEquals(5, applier.counter(StateApplier.INVALID));
  }

  private int markAndRead(final PoolSnapshot s) {
    applier.apply(e.header(MarketEvent.MARK_STALE, 0, 11, 4));
    return store.read(0, s);
  }
}
