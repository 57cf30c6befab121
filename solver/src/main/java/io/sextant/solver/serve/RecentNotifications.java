package io.sextant.solver.serve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} accepted notifications, oldest dropped first. {@code /notify} is off
 * the solve path (the driver sends a few per auction), so a monitor is simpler than a lock-free
 * ring and costs nothing that matters.
 */
public final class RecentNotifications implements NotificationSink {
  private final int capacity;
  private final ArrayDeque<Notification> kept;
  private long total;

  /** Keeps at most {@code capacity} notifications (0 keeps none, but still counts them). */
  public RecentNotifications(final int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.capacity = capacity;
    this.kept = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  @Override
  public synchronized void accept(final Notification notification) {
    total++;
    if (capacity == 0) {
      return;
    }
    if (kept.size() == capacity) {
      kept.removeFirst();
    }
    kept.addLast(notification);
  }

  /** The kept notifications, oldest first. */
  public synchronized List<Notification> snapshot() {
    return new ArrayList<>(kept);
  }

  /** How many notifications were accepted since start, including those no longer kept. */
  public synchronized long total() {
    return total;
  }
}
