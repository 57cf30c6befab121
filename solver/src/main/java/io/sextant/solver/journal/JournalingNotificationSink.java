package io.sextant.solver.journal;

import io.sextant.solver.serve.Notification;
import io.sextant.solver.serve.NotificationSink;

/**
 * Journals every accepted {@code POST /notify} body exactly as received, then hands the
 * notification on. {@code sextant serve} gives the server {@code new
 * JournalingNotificationSink(journal, NotificationSink.NONE)}. Thread-safe (each HTTP thread
 * appends through its own appender); appending allocates nothing. An append that fails throws,
 * which the server answers 500 and counts: a notification is never acknowledged without being
 * journaled.
 */
public final class JournalingNotificationSink implements NotificationSink {
  private final Journal journal;
  private final NotificationSink next;

  /**
   * Journals into {@code journal}, then calls {@code next} ({@link NotificationSink#NONE}: none).
   */
  public JournalingNotificationSink(final Journal journal, final NotificationSink next) {
    this.journal = journal;
    this.next = next;
  }

  /** Journals {@code notification}'s body and hands it on; returns the journal index. */
  public long journal(final Notification notification) {
    final byte[] body = notification.body();
    final long index = journal.appender().appendNotification(body, 0, body.length);
    next.accept(notification);
    return index;
  }

  @Override
  public void accept(final Notification notification) {
    journal(notification);
  }
}
