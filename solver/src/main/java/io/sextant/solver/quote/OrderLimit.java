package io.sextant.solver.quote;

import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.math.u256.UInt256;

/**
 * The limit of one order: a minimum output for exact input ({@code minAmountOut}), a maximum input
 * for exact output ({@code maxAmountIn}), or none. Checked against a finalised {@link RoutePlan}.
 *
 * <p>The router's plan is its optimum for the exact side, so when that plan misses the limit no
 * plan meets it: the check is final, not a prompt to search further. Reusable (one instance per
 * thread); {@link #met} allocates nothing, only the failure message does.
 */
public final class OrderLimit {
  private final UInt256 bound = new UInt256();
  private boolean exactIn;
  private boolean active;

  /** Clears the limit: every plan meets it. */
  public OrderLimit none() {
    active = false;
    return this;
  }

  /** An exact-input order must receive at least {@code minAmountOut} base units. */
  public OrderLimit minAmountOut(final UInt256 minAmountOut) {
    bound.set(minAmountOut);
    exactIn = true;
    active = true;
    return this;
  }

  /** An exact-output order may pay at most {@code maxAmountIn} base units. */
  public OrderLimit maxAmountIn(final UInt256 maxAmountIn) {
    bound.set(maxAmountIn);
    exactIn = false;
    active = true;
    return this;
  }

  /** Whether a limit is set. */
  public boolean active() {
    return active;
  }

  /** Whether the successful {@code plan} respects the limit. */
  public boolean met(final RoutePlan plan) {
    if (!active) {
      return true;
    }
    return exactIn ? plan.amountOut.compareTo(bound) >= 0 : plan.amountIn.compareTo(bound) <= 0;
  }

  /**
   * Why the successful {@code plan} misses the limit, or {@code null} when it meets it. Names the
   * limit, the plan's amount and the bound.
   */
  public String violation(final RoutePlan plan) {
    if (met(plan)) {
      return null;
    }
    return exactIn
        ? "minAmountOut not met: the best route pays "
            + plan.amountOut
            + " < "
            + bound
            + "; no route pays more"
        : "maxAmountIn not met: the best route costs "
            + plan.amountIn
            + " > "
            + bound
            + "; no route costs less";
  }
}
