package io.sextant.solver.journal;

import java.util.function.Consumer;

/**
 * Journals every {@code POST /notify} body, then hands it on. Wiring with the server's notification
 * sink {@code sink}: {@code new JournalingNotificationSink(journal, sink::notify)}, and give the
 * server {@code journaling::accept}. Thread-safe; appending allocates nothing.
 */
public final class JournalingNotificationSink implements Consumer<byte[]> {
  private final Journal journal;
  private final Consumer<byte[]> next;

  /** Journals into {@code journal}, then calls {@code next} (may be a no-op). */
  public JournalingNotificationSink(final Journal journal, final Consumer<byte[]> next) {
    this.journal = journal;
    this.next = next;
  }

  /** Journals {@code body} and hands it on; returns the journal index. */
  public long journal(final byte[] body) {
    final long index = journal.appender().appendNotification(body, 0, body.length);
    next.accept(body);
    return index;
  }

  @Override
  public void accept(final byte[] body) {
    journal(body);
  }
}
