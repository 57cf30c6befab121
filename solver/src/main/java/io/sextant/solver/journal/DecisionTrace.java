package io.sextant.solver.journal;

import io.sextant.solver.api.SolveTrace;

/**
 * A {@link SolveTrace} that keeps what one solve reported (stage names and times, solution count,
 * deadline hit) for its decision entry, and forwards everything to an outer trace. Reused: {@link
 * #reset} before each solve; one per thread. Keeps at most {@value #MAX_STAGES} stages (later ones
 * are counted in {@link #droppedStages()}); stage names are kept by reference, so recording
 * allocates nothing.
 */
public final class DecisionTrace implements SolveTrace {
  /** Most stages one decision records. */
  public static final int MAX_STAGES = 32;

  private final String[] names = new String[MAX_STAGES];
  private final long[] nanos = new long[MAX_STAGES];
  private int stages;
  private int dropped;
  private int solutions = -1;
  private boolean deadlineHit;
  private SolveTrace outer = SolveTrace.NONE;

  /** Forgets the last solve; forwards to {@code outer} from now on. Returns this. */
  public DecisionTrace reset(final SolveTrace outer) {
    for (int i = 0; i < stages; i++) {
      names[i] = null;
    }
    stages = 0;
    dropped = 0;
    solutions = -1;
    deadlineHit = false;
    this.outer = outer == null ? SolveTrace.NONE : outer;
    return this;
  }

  @Override
  public void stage(final String name, final long stageNanos) {
    if (stages < MAX_STAGES) {
      names[stages] = name;
      nanos[stages] = stageNanos;
      stages++;
    } else {
      dropped++;
    }
    outer.stage(name, stageNanos);
  }

  @Override
  public void finished(final int solutionCount, final boolean hit) {
    solutions = solutionCount;
    deadlineHit = hit;
    outer.finished(solutionCount, hit);
  }

  /** Stages recorded. */
  public int stages() {
    return stages;
  }

  /** Name of stage {@code i}. */
  public String stageName(final int i) {
    return names[i];
  }

  /** Nanoseconds of stage {@code i}. */
  public long stageNanos(final int i) {
    return nanos[i];
  }

  /** Stages reported beyond {@value #MAX_STAGES}. */
  public int droppedStages() {
    return dropped;
  }

  /** Solutions reported by {@code finished}, or -1 when the engine did not report. */
  public int solutions() {
    return solutions;
  }

  /** Whether the engine reported running out of time. */
  public boolean deadlineHit() {
    return deadlineHit;
  }
}
