package io.sextant.solver.engine;

import java.math.BigInteger;
import java.util.List;

/**
 * A route found for one order, in exact integers: legs in execution order and the totals. Tokens
 * are market numbers of the request's {@code CowMarket}; amounts base units.
 *
 * @param amountIn sell token taken
 * @param amountOut buy token delivered
 * @param gasUnits the {@code gasEstimate} of the distinct pools used
 * @param legs the swaps, in execution order
 */
public record Route(BigInteger amountIn, BigInteger amountOut, long gasUnits, List<Leg> legs) {
  /**
   * One swap of a route.
   *
   * @param pool market pool number
   * @param tokenIn market number of the token sold to the pool
   * @param tokenOut market number of the token bought
   * @param amountIn amount sold
   * @param amountOut amount bought
   */
  public record Leg(
      int pool, int tokenIn, int tokenOut, BigInteger amountIn, BigInteger amountOut) {}
}
