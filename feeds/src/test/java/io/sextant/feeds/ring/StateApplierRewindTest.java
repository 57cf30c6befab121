package io.sextant.feeds.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ3.TickMath;
import io.sextant.routing.state.PoolSnapshot;
import io.sextant.routing.state.PoolStateStore;
import org.junit.jupiter.api.Test;

/** MARK_STALE rewinds a pool's chain position (reorg rollback); V3_TICK_NET sets one tick. */
class StateApplierRewindTest {
  @Test
  void markStaleRewindsAndTickNetSetsAbsoluteValues() {
    final PoolStateStore store = PoolStateStore.withCapacity(2, 64, 32);
    final UInt256 sqrt = new UInt256();
    new TickMath().getSqrtRatioAtTick(0, sqrt);
    final int slot = store.addUniswapV3(3000, 60, sqrt, UInt256.ofUnsignedLong(1000), 0, 32);
    final StateApplier applier = new StateApplier(store);
    final MarketEvent e = new MarketEvent();
    e.header(MarketEvent.V3_POSITION, slot, 10, 5).a.setUnsignedLong(7);
    e.tickLower = -60;
    e.tickUpper = 60;
    assertEquals(PoolStateStore.OK, applier.apply(e));
    // Older position: refused...
    e.header(MarketEvent.V3_TICK_NET, slot, 9, 0).a.setUnsignedLong(0);
    e.tick = -60;
    assertEquals(PoolStateStore.INVALID_VALUE, applier.apply(e));
    // ...until a MARK_STALE rewinds the pool to block 8.
    assertEquals(PoolStateStore.OK, applier.apply(e.header(MarketEvent.MARK_STALE, slot, 8, -1)));
    e.header(MarketEvent.V3_TICK_NET, slot, 8, 0).a.setZero();
    e.tick = -60;
    assertEquals(PoolStateStore.OK, applier.apply(e));
    e.header(MarketEvent.V3_TICK_NET, slot, 8, 1).a.setSigned(-3);
    e.b.setUnsignedLong(2); // a gross below |net| is impossible
    e.tick = 120;
    assertEquals(PoolStateStore.INVALID_VALUE, applier.apply(e));
    e.header(MarketEvent.V3_TICK_NET, slot, 8, 1).b.setUnsignedLong(3);
    e.tick = 120;
    assertEquals(PoolStateStore.OK, applier.apply(e));
    assertEquals(PoolStateStore.OK, applier.apply(e.header(MarketEvent.MARK_FRESH, slot, 8, 2)));
    final PoolSnapshot s = store.newSnapshot();
    assertEquals(PoolStateStore.OK, store.read(slot, s));
    assertEquals(2, s.tickCount());
    assertEquals(60, s.tickAt(0));
    assertEquals(-7, s.liquidityNetAt(0, new UInt256()).toSignedBigInteger().intValueExact());
    assertEquals(120, s.tickAt(1));
    assertEquals(-3, s.liquidityNetAt(1, new UInt256()).toSignedBigInteger().intValueExact());
    assertEquals(1, applier.counter(StateApplier.OUT_OF_ORDER));
    assertEquals(1, applier.counter(StateApplier.INVALID));
  }
}
