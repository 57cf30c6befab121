package io.sextant.solver.api;

/** Receives what one solve did: the time of each stage and how it ended. */
public interface SolveTrace {
  /** A trace that records nothing. */
  SolveTrace NONE = new SolveTrace() {};

  /**
   * Stage {@code name} (for example {@code parse}, {@code route}, {@code match}) took {@code
   * nanos}.
   */
  default void stage(final String name, final long nanos) {}

  /** The solve returned {@code solutions} solutions; {@code deadlineHit} when time ran out. */
  default void finished(final int solutions, final boolean deadlineHit) {}
}
