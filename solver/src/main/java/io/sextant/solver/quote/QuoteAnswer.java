package io.sextant.solver.quote;

import java.math.BigInteger;
import java.util.List;

/**
 * The answer to one query: an exact route, or why there is none. Amounts are base units.
 *
 * @param id the query's id
 * @param amountIn sell token the route takes
 * @param amountOut buy token the route delivers
 * @param gasUnits gas units of the distinct pools the route uses
 * @param legs the swaps, in execution order
 * @param nanos time the query took inside the engine (routing, finalisation, limit check)
 * @param error why the query has no answer (names the field or the reason), or {@code null}
 */
public record QuoteAnswer(
    String id,
    BigInteger amountIn,
    BigInteger amountOut,
    long gasUnits,
    List<Leg> legs,
    long nanos,
    String error) {
  /**
   * One swap of a route.
   *
   * @param pool the liquidity id
   * @param tokenIn token the pool takes (lowercase address)
   * @param tokenOut token the pool pays
   * @param amountIn exact input of the swap
   * @param amountOut exact output of the swap
   */
  public record Leg(
      String pool, String tokenIn, String tokenOut, BigInteger amountIn, BigInteger amountOut) {}

  static QuoteAnswer failed(final String id, final String error, final long nanos) {
    return new QuoteAnswer(id, null, null, 0, List.of(), nanos, error);
  }

  /** Whether the query has a route. */
  public boolean ok() {
    return error == null;
  }

  /** {@link #nanos} in microseconds. */
  public double micros() {
    return nanos / 1e3;
  }
}
