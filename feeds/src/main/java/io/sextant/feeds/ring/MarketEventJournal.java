package io.sextant.feeds.ring;

import io.sextant.routing.state.PoolStateStore;

/**
 * Where the inbound ring's {@link JournalSlot} records what it sees: the decision journal
 * implements it (in {@code solver}, which feeds must not depend on).
 *
 * <p>{@link #append} runs on the ring's journal thread, once per event in sequence order, and must
 * not keep a reference to the slot. {@link #storeLoaded} and {@link #checkpoint} are cold-path
 * calls made by whoever owns the store: the first after the pools were added and before the ring
 * starts (so a replay can rebuild the same store), the second after the ring drained (so a replay
 * can check that it reached the same state).
 */
public interface MarketEventJournal {
  /** Records one event of the ring. Journal thread only; must not allocate in steady state. */
  void append(MarketEvent event);

  /** The pools of {@code store} were added; the ring has not started. Writer thread. */
  default void storeLoaded(final PoolStateStore store) {}

  /** The ring drained; {@code store} holds the state every appended event led to. */
  default void checkpoint(final PoolStateStore store) {}
}
