package io.sextant.solver.engine;

import java.math.BigInteger;

/**
 * Finds an exact route for one order over the request's market, starting from the auction's state
 * and leaving it unchanged. One instance per request thread; not thread-safe.
 */
public interface RouteFinder {
  /**
   * Sells exactly {@code amount} of {@code sell} for {@code buy} ({@code exactIn}), or buys at
   * least {@code amount} of {@code buy}; returns {@code null} when no route can.
   */
  Route route(int sell, int buy, boolean exactIn, BigInteger amount);

  /**
   * An upper bound on the rate (buy base units per sell base unit) any route from {@code sell} to
   * {@code buy} can give at any size, gas ignored; 0 when there is no path. An order whose limit
   * rate exceeds it cannot be filled, so it is not routed at all.
   */
  double rateBound(int sell, int buy);

  /**
   * What the route this finder takes for selling exactly {@code amountIn} of {@code sell} earns,
   * gas ignored: its output and, when the finder knows it, the marginal rate there; {@code null}
   * when it finds none. {@link SingleOrderSolver} screens orders with two of them.
   */
  Probe probe(int sell, int buy, BigInteger amountIn);

  /**
   * A gas-free route's output for an input, and the marginal rate (buy units per extra sell unit)
   * at that input, or {@code NaN} when unknown.
   */
  record Probe(double amountIn, double amountOut, double marginal) {}
}
