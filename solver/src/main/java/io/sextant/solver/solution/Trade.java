package io.sextant.solver.solution;

import java.math.BigInteger;

/**
 * A {@code fulfillment} trade of a solution.
 *
 * @param order the order uid
 * @param executedAmount sell token for sell orders (fee excluded), buy token for buy orders
 * @param fee the solver's fee in the sell token (limit orders), or {@code null}
 */
public record Trade(String order, BigInteger executedAmount, BigInteger fee) {
  /** The fee, zero when absent. */
  public BigInteger feeOrZero() {
    return fee == null ? BigInteger.ZERO : fee;
  }
}
