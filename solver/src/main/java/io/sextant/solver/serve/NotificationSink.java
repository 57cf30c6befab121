package io.sextant.solver.serve;

/**
 * Where accepted {@code /notify} notifications go besides the server's in-memory record; the one
 * notification abstraction of the engine ({@link
 * io.sextant.solver.journal.JournalingNotificationSink} journals them). Called on the HTTP request
 * thread after the notification has been checked, before the 200 is sent; implementations are
 * thread-safe and must not block for long. An exception thrown here turns the request into a 500
 * and is counted.
 */
@FunctionalInterface
public interface NotificationSink {
  /** A sink that keeps nothing. */
  NotificationSink NONE = n -> {};

  /** Takes one accepted notification. */
  void accept(Notification notification);
}
