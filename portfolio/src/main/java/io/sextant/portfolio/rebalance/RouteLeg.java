package io.sextant.portfolio.rebalance;

/**
 * One leg of a routed trade: a swap through one pool, in execution order.
 *
 * @param pool the pool's id in the market
 * @param tokenIn market token number sold into the pool
 * @param tokenOut market token number bought from it
 * @param amountIn base units in, exact
 * @param amountOut base units out, exact
 */
public record RouteLeg(String pool, int tokenIn, int tokenOut, String amountIn, String amountOut) {}
