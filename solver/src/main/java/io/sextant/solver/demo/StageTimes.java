package io.sextant.solver.demo;

import io.sextant.solver.api.SolveTrace;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link SolveTrace} that keeps the time of each stage, in the order they ran. Not thread-safe.
 */
public final class StageTimes implements SolveTrace {
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private int solutions;
  private boolean deadlineHit;

  @Override
  public void stage(final String name, final long ns) {
    nanos.merge(name, ns, Long::sum);
  }

  @Override
  public void finished(final int count, final boolean hit) {
    solutions = count;
    deadlineHit = hit;
  }

  /** Nanoseconds per stage. */
  public Map<String, Long> nanos() {
    return nanos;
  }

  /** Total nanoseconds. */
  public long total() {
    long t = 0;
    for (long v : nanos.values()) {
      t += v;
    }
    return t;
  }

  /** Solutions returned. */
  public int solutions() {
    return solutions;
  }

  /** Whether the deadline stopped the solve. */
  public boolean deadlineHit() {
    return deadlineHit;
  }
}
