package io.sextant.feeds.ring;

import com.lmax.disruptor.EventHandler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The journal's place on the inbound ring, beside the {@link StateApplier}: for now it only counts
 * the events it sees (the decision-journal issue replaces it with a Chronicle Queue appender).
 * Counter written opaque on the ring thread, readable from any thread.
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

  @SuppressWarnings("unused")
  private long seen;

  @Override
  public void onEvent(final MarketEvent event, final long sequence, final boolean endOfBatch) {
    SEEN.setOpaque(this, (long) SEEN.get(this) + 1);
  }

  /** Events seen so far. */
  public long seen() {
    return (long) SEEN.getOpaque(this);
  }
}
