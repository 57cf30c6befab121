package io.sextant.feeds.ring;

import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.sextant.routing.state.PoolStateStore;
import java.util.concurrent.ThreadFactory;

/**
 * The inbound ring: a single-producer Disruptor of pre-allocated {@link MarketEvent}s feeding the
 * {@link StateApplier} (the store's only writer) and, in parallel, the {@link JournalSlot}.
 *
 * <p>Publishing, from one producer thread: one event with {@code long seq = ring.next();
 * ring.event(seq).v2Sync(...); ring.publish(seq);}, or a batch with {@code long hi = ring.next(n);}
 * filling {@code event(hi − n + 1) .. event(hi)} and {@code ring.publish(hi − n + 1, hi)} (the
 * cheaper way when a source has several events at once, e.g. one block's logs). Once {@link
 * #start()}ed, the store must not be written by anyone but the applier. {@link #close()} drains and
 * stops the consumer threads.
 */
public final class InboundRing implements AutoCloseable {
  private static final int SPINS = 100;
  private final Disruptor<MarketEvent> disruptor;
  private final RingBuffer<MarketEvent> ring;
  private final StateApplier applier;
  private final JournalSlot journal;

  /**
   * A ring of {@code size} slots (a power of two) over {@code store}, consumers waiting with {@code
   * wait}; {@code withJournal == false} leaves the journal slot out (benchmarks on two cores).
   */
  public InboundRing(
      final PoolStateStore store,
      final int size,
      final WaitStrategy wait,
      final boolean withJournal,
      final ThreadFactory threads) {
    this(store, size, wait, withJournal ? new JournalSlot() : null, threads);
  }

  /**
   * A ring whose journal slot appends every event to {@code journal} ({@code null}: no journal slot
   * at all).
   */
  public InboundRing(
      final PoolStateStore store,
      final int size,
      final WaitStrategy wait,
      final MarketEventJournal journal,
      final ThreadFactory threads) {
    this(store, size, wait, journal == null ? null : new JournalSlot(journal), threads);
  }

  @SuppressWarnings("unchecked") // Disruptor's handleEventsWith(EventHandler<? super T>...)
  private InboundRing(
      final PoolStateStore store,
      final int size,
      final WaitStrategy wait,
      final JournalSlot journal,
      final ThreadFactory threads) {
    disruptor = new Disruptor<>(MarketEvent::new, size, threads, ProducerType.SINGLE, wait);
    applier = new StateApplier(store);
    this.journal = journal;
    // Both consume every event in parallel; neither waits for the other.
    if (journal != null) {
      disruptor.handleEventsWith(applier, journal);
    } else {
      disruptor.handleEventsWith(applier);
    }
    ring = disruptor.getRingBuffer();
  }

  /** Starts the consumer threads; returns this. */
  public InboundRing start() {
    disruptor.start();
    return this;
  }

  /**
   * Claims the next slot; while the ring is full it spins, then yields (see {@link
   * #awaitCapacity}). Producer thread only.
   */
  public long next() {
    awaitCapacity(1);
    return ring.next();
  }

  /**
   * Waits until {@code n} slots are free: spins {@value #SPINS} times, then {@code Thread.yield()}s
   * between checks. Disruptor's own {@code next()} parks for a nanosecond when the ring is full,
   * which on Linux sleeps for the timer slack (about 50 µs): a latency cliff, and on a loaded
   * machine a throughput one. Once this returns, {@code ring.next(n)} cannot wait (one producer).
   */
  private void awaitCapacity(final int n) {
    int spins = 0;
    while (!ring.hasAvailableCapacity(n)) {
      if (spins < SPINS) {
        spins++;
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
  }

  /**
   * Claims {@code n} consecutive slots (1 ≤ n ≤ ring size) and returns the highest sequence: the
   * batch is {@code [hi − n + 1, hi]}. Fill them all, then {@link #publish(long, long)} once: one
   * cursor store and one consumer wake-up for the whole batch instead of one per event.
   */
  public long next(final int n) {
    awaitCapacity(n);
    return ring.next(n);
  }

  /** Publishes the filled slots {@code [lo, hi]} claimed by {@link #next(int)}. */
  public void publish(final long lo, final long hi) {
    ring.publish(lo, hi);
  }

  /**
   * Claims, fills and publishes one slot with a translator (no capturing lambda: pass a stateless
   * translator constant and its argument, or a source that is itself the translator).
   */
  public <A> void publishEvent(
      final EventTranslatorOneArg<MarketEvent, A> translator, final A arg) {
    awaitCapacity(1);
    ring.publishEvent(translator, arg);
  }

  /** The slot of a claimed sequence. */
  public MarketEvent event(final long sequence) {
    return ring.get(sequence);
  }

  /** Publishes a claimed, filled slot. */
  public void publish(final long sequence) {
    ring.publish(sequence);
  }

  /** The underlying ring buffer. */
  public RingBuffer<MarketEvent> ringBuffer() {
    return ring;
  }

  /** Highest sequence the applier has finished. */
  public long appliedSequence() {
    return disruptor.getSequenceValueFor(applier);
  }

  /** The applier, for its counters. */
  public StateApplier applier() {
    return applier;
  }

  /** The journal slot, or {@code null} when built without it. */
  public JournalSlot journal() {
    return journal;
  }

  /** Waits for the consumers to drain what was published, then stops them. */
  @Override
  public void close() {
    disruptor.shutdown();
  }
}
