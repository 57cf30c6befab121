package io.sextant.solver.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.feeds.ring.MarketEvent;
import io.sextant.feeds.ring.SyntheticMarket;
import io.sextant.portfolio.breaker.BreakerKind;
import io.sextant.portfolio.breaker.BreakerTrip;
import io.sextant.routing.state.PoolStateStore;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  @Test
  void shouldReadBackEveryEntryTypeWithItsIndex() throws Exception {
    final PoolStateStore store = PoolStateStore.withCapacity(64, 0, 0);
    final SyntheticMarket market = new SyntheticMarket(store, 20, 10, 3);
    final MarketEvent e = new MarketEvent();
    final List<Long> indices = new ArrayList<>();
    final byte[] request = "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8);
    final byte[] notify = "{\"kind\":\"settled\"}".getBytes(StandardCharsets.UTF_8);
    final MarketEvent balances = new MarketEvent();
    balances.header(MarketEvent.BALANCES, 3, 9, 1).count = 3;
    for (int i = 0; i < 3; i++) {
      balances.values[i].setLimbs(i + 1, -i, 7, Long.MIN_VALUE);
    }
    final long solveIndex;
    try (Journal j = Journal.open(dir, "fast_hourly")) {
      j.storeLoaded(store);
      market.next(e);
      indices.add(j.appender().appendMarketEvent(e));
      indices.add(j.appender().appendMarketEvent(balances));
      indices.add(j.appender().appendNotification(notify, 0, notify.length));
      final JournalingSolver s =
          new JournalingSolver(
              (req, trace) -> {
                trace.stage("parse", 11);
                trace.stage("route", 22);
                trace.finished(1, true);
                return "{\"solutions\":[]}".getBytes(StandardCharsets.UTF_8);
              },
              j,
              "v-test",
              EngineConfig.DEFAULTS);
      assertArrayEquals(
          "{\"solutions\":[]}".getBytes(StandardCharsets.UTF_8), s.solve(request, SolveTrace.NONE));
      solveIndex = j.lastIndex();
      j.checkpoint(store);
      for (BreakerKind k : BreakerKind.values()) {
        j.appender().appendBreakerTrip(new BreakerTrip(-k.ordinal() - 1L, 7, k, 0.125, 0.03));
      }
    }
    try (JournalReader r = JournalReader.open(dir)) {
      r.toStart();
      assertTrue(r.next());
      assertEquals(EntryType.STORE_SNAPSHOT, r.type());
      assertEquals(30, r.storeImage().pools());
      assertEquals(-1, r.storeImage().firstDifference(StoreImage.of(store)));
      assertTrue(r.next());
      assertEquals(indices.get(0), r.index());
      final MarketEvent got = r.marketEvent();
      assertEquals(e.kind, got.kind);
      assertEquals(e.pool, got.pool);
      assertEquals(e.block, got.block);
      assertEquals(e.logIndex, got.logIndex);
      assertEquals(e.tick, got.tick);
      assertTrue(e.a.equals(got.a) && e.b.equals(got.b));
      assertTrue(r.next());
      assertEquals(MarketEvent.BALANCES, r.marketEvent().kind);
      assertEquals(3, r.marketEvent().count);
      assertEquals(Long.MIN_VALUE, r.marketEvent().values[2].limb(3));
      assertEquals(-2, r.marketEvent().values[2].limb(1));
      assertTrue(r.next());
      assertEquals(EntryType.NOTIFICATION, r.type());
      assertArrayEquals(notify, r.body());
      assertTrue(r.next());
      assertEquals(EntryType.CONFIG, r.type());
      final ConfigEntry c = r.config();
      assertEquals("v-test", c.engineVersion());
      assertEquals(EngineConfig.DEFAULTS, ConfigHash.config(c.configJson()));
      assertTrue(r.next());
      assertEquals(EntryType.REQUEST, r.type());
      final long requestIndex = r.index();
      assertArrayEquals(request, r.body());
      assertTrue(r.next());
      final Decision d = r.decision();
      assertEquals(solveIndex, d.index());
      assertEquals(requestIndex, d.requestIndex());
      assertEquals(c.hash(), d.configHash());
      assertEquals("v-test", d.engineVersion());
      assertEquals(DecisionStatus.SOLVED, d.status());
      assertEquals(1, d.solutions());
      assertTrue(d.deadlineHit());
      assertEquals(
          List.of(new Decision.Stage("parse", 11), new Decision.Stage("route", 22)), d.stages());
      assertEquals("{\"solutions\":[]}", d.bodyText());
      assertTrue(r.next());
      assertEquals(EntryType.STORE_CHECKPOINT, r.type());
      for (BreakerKind k : BreakerKind.values()) {
        assertTrue(r.next());
        assertEquals(EntryType.BREAKER_TRIP, r.type());
        assertEquals(new BreakerTrip(-k.ordinal() - 1L, 7, k, 0.125, 0.03), r.breakerTrip());
      }
      assertFalse(r.next());
      assertThrows(IllegalStateException.class, r::decision);
    }
  }

  @Test
  void shouldJournalRefusalsAndRethrowThem() throws Exception {
    try (Journal j = Journal.open(dir)) {
      final JournalingSolver s =
          new JournalingSolver(
              (req, trace) -> {
                throw new BadRequestException("orders[3].sellAmount", "not a uint256");
              },
              j,
              "v",
              EngineConfig.DEFAULTS);
      final BadRequestException e =
          assertThrows(BadRequestException.class, () -> s.solve(new byte[] {1}, SolveTrace.NONE));
      assertEquals("orders[3].sellAmount", e.field());
    }
    try (JournalReader r = JournalReader.open(dir)) {
      Decision d = null;
      while (r.next()) {
        if (r.type() == EntryType.DECISION) {
          d = r.decision();
        }
      }
      assertEquals(DecisionStatus.REJECTED, d.status());
      assertEquals("orders[3].sellAmount: not a uint256", d.bodyText());
    }
  }

  @Test
  void shouldResumeAfterTheLastEntryWhenReopened() {
    final byte[] body = new byte[] {1, 2, 3};
    final long first;
    try (Journal j = Journal.open(dir)) {
      first = j.appender().appendRequest(body, 0, 3);
    }
    final long second;
    try (Journal j = Journal.open(dir)) {
      assertEquals(first, j.lastIndex());
      second = j.appender().appendRequest(body, 1, 2);
    }
    assertTrue(second > first);
    try (JournalReader r = JournalReader.open(dir)) {
      assertTrue(r.moveTo(second));
      assertTrue(r.next());
      assertArrayEquals(new byte[] {2, 3}, r.body());
    }
  }

  @Test
  void shouldRefuseAnUnknownRollCycleNamingTheKnownOnes() {
    final IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Journal.rollCycle("fortnightly"));
    assertTrue(
        e.getMessage().contains("journal.rollCycle") && e.getMessage().contains("FAST_DAILY"));
  }

  @Test
  void shouldRefuseADirectoryWithoutAJournal() {
    final IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JournalReader.open(dir.resolve("none")));
    assertTrue(e.getMessage().contains("no such directory"), e.getMessage());
  }

  @Test
  void shouldAppendMarketEventsAndDecisionsWithoutAllocating() {
    final PoolStateStore store = PoolStateStore.withCapacity(64, 0, 0);
    final SyntheticMarket market = new SyntheticMarket(store, 20, 10, 3);
    final MarketEvent e = new MarketEvent();
    final byte[] body = new byte[600];
    final DecisionTrace trace = new DecisionTrace().reset(SolveTrace.NONE);
    trace.stage("parse", 1);
    trace.stage("route", 2);
    trace.finished(3, false);
    final com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (Journal j = Journal.open(dir)) {
      final JournalAppender a = j.appender();
      for (int i = 0; i < 200_000; i++) {
        market.next(e);
        a.appendMarketEvent(e);
        a.appendRequest(body, 0, body.length);
        a.appendDecision(7, 9, "v1", DecisionStatus.SOLVED, trace, 5, body, 0, body.length);
      }
      final long tid = Thread.currentThread().threadId();
      final long before = mx.getThreadAllocatedBytes(tid);
      for (int i = 0; i < 100_000; i++) {
        market.next(e);
        a.appendMarketEvent(e);
        a.appendRequest(body, 0, body.length);
        a.appendDecision(7, 9, "v1", DecisionStatus.SOLVED, trace, 5, body, 0, body.length);
      }
      final long allocated = mx.getThreadAllocatedBytes(tid) - before;
      // Well under one byte per append: only the occasional new mapped chunk allocates.
      assertTrue(allocated < 30_000, "allocated " + allocated + " bytes over 300,000 appends");
    }
  }
}
