package io.sextant.solver.replay;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock a replayed engine reads: stopped at the recorded arrival of the request being replayed
 * ({@link #set}), so that the engine's deadline checks decide as they did when the decision was
 * made, whenever the replay runs. A request recorded before its deadline is solved to the end; one
 * recorded past it gets the same empty answer. (A solve that the deadline cut short half-way cannot
 * be reproduced this way: how far it got depended on the machine's speed at the time.) Confined to
 * the replay's thread.
 */
public final class ReplayClock extends Clock {
  private Instant now = Instant.EPOCH;

  /** Stops the clock at {@code epochMillis}. */
  public void set(final long epochMillis) {
    now = Instant.ofEpochMilli(epochMillis);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(final ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("a replay clock runs in UTC only");
  }
}
