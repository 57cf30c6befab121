package io.sextant.feeds.ring;

import com.lmax.disruptor.EventHandler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The journal's place on the inbound ring, beside the {@link StateApplier}: hands every event to a
 * {@link MarketEventJournal} (the Chronicle Queue decision journal, in {@code solver}) and counts
 * it; without a journal it only counts. Counter written opaque on the ring thread, readable from
 * any thread.
 */
public final class JournalSlot implements EventHandler<MarketEvent> {
  private static final VarHandle SEEN;

  static {
    try {
      SEEN = MethodHandles.lookup().findVarHandle(JournalSlot.class, "seen", long.class);
    } catch (final ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final MarketEventJournal journal;

  @SuppressWarnings("unused")
  private long seen;

  /** A slot that only counts. */
  public JournalSlot() {
    this(null);
  }

  /** A slot that appends every event to {@code journal} ({@code null}: only counts). */
  public JournalSlot(final MarketEventJournal journal) {
    this.journal = journal;
  }

  @Override
  public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch) {
    if (journal != null) {
      journal.append(event);
    }
    SEEN.setOpaque(this, (long) SEEN.get(this) + 1);
  }

  /** The journal events go to, or {@code null}. */
  public MarketEventJournal journal() {
    return journal;
  }

  /** Events seen so far. */
  public long seen() {
    return (long) SEEN.getOpaque(this);
  }
}
