package io.sextant.feeds.ring;

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
 * <p>Publishing: {@code long seq = ring.next(); ring.event(seq).v2Sync(...); ring.publish(seq);}
 * from one producer thread. Once {@link #start()}ed, the store must not be written by anyone but
 * the applier. {@link #close()} drains and stops the consumer threads.
 */
public final class InboundRing implements AutoCloseable {
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

  /** Claims the next slot (blocks, spinning, while the ring is full). Producer thread only. */
  public long next() {
    return ring.next();
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
