package io.sextant.feeds.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lmax.disruptor.YieldingWaitStrategy;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolSnapshot;
import io.sextant.routing.state.PoolStateStore;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class InboundRingTest {
  @Test
  void shouldApplyEverySyntheticEventAndJournalIt() {
    final PoolStateStore store = PoolStateStore.withCapacity(256, 0, 0);
    final SyntheticMarket market = new SyntheticMarket(store, 100, 20, 7);
    final long base = store.globalVersion();
    final int events = 200_000;
    final InboundRing ring =
        new InboundRing(
            store, 1024, new YieldingWaitStrategy(), true, Executors.defaultThreadFactory());
    ring.start();
    for (int i = 0; i < events; i++) {
      final long seq = ring.next();
      market.next(ring.event(seq));
      ring.publish(seq);
    }
    ring.close();
    assertSynced(store, market, ring, base, events);
  }

  @Test
  void shouldApplyBatchesAndTranslatedEventsInOrder() {
    final PoolStateStore store = PoolStateStore.withCapacity(256, 0, 0);
    final SyntheticMarket market = new SyntheticMarket(store, 100, 20, 11);
    final long base = store.globalVersion();
    final InboundRing ring =
        new InboundRing(
            store, 256, new YieldingWaitStrategy(), true, Executors.defaultThreadFactory());
    ring.start();
    final java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    int events = 0;
    while (events < 200_000) {
      final int n = random.nextInt(1, 257); // up to the whole ring
      if (n == 1) {
        ring.publishEvent(market, null);
      } else {
        final long hi = ring.next(n);
        for (long seq = hi - n + 1; seq <= hi; seq++) {
          market.next(ring.event(seq));
        }
        ring.publish(hi - n + 1, hi);
      }
      events += n;
    }
    ring.close();
    assertSynced(store, market, ring, base, events);
  }

  private static void assertSynced(
      final PoolStateStore store,
      final SyntheticMarket market,
      final InboundRing ring,
      final long base,
      final int events) {
    assertEquals(events, ring.applier().counter(StateApplier.APPLIED), ring.applier().report());
    assertEquals(0, ring.applier().rejected());
    assertEquals(events, ring.journal().seen());
    assertEquals(base + events, store.globalVersion());
    final PoolSnapshot s = store.newSnapshot();
    final UInt256 x = new UInt256();
    for (int i = 0; i < 100; i++) {
      assertEquals(PoolStateStore.OK, store.read(market.firstSlot() + i, s));
      assertEquals(market.reserve0(i), s.balance(0, x).low64());
      assertEquals(market.reserve1(i), s.balance(1, x).low64());
    }
    for (int i = 0; i < 20; i++) {
      assertEquals(PoolStateStore.OK, store.read(market.firstSlot() + 100 + i, s));
      assertEquals(market.tick(i), s.tick());
    }
  }
}
