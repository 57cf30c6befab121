package io.sextant.portfolio.allocation;

/** Thrown when no weight vector satisfies the constraints (or the solver could not find one). */
public final class InfeasibleAllocationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was infeasible
   */
  public InfeasibleAllocationException(final String message) {
    super(message);
  }
}
