package io.sextant.solver.engine;

import io.sextant.feeds.cow.CowOrder;
import java.math.BigInteger;
import java.util.List;

/**
 * Opposite orders on one token pair settled together at one uniform clearing price, with only the
 * net imbalance routed through the pools.
 *
 * @param tokenA the pair's lower address
 * @param tokenB the pair's higher address
 * @param priceA clearing price of A
 * @param priceB clearing price of B
 * @param orders the orders filled, each fully
 * @param fees the fee of each order (sell token; {@code null} for market orders), index-aligned
 * @param route the imbalance routed through the pools, or {@code null} for a pure coincidence of
 *     wants
 * @param gas the settlement's gas: the route's pools plus the overhead
 */
public record MatchedGroup(
    String tokenA,
    String tokenB,
    BigInteger priceA,
    BigInteger priceB,
    List<CowOrder> orders,
    List<BigInteger> fees,
    Route route,
    long gas) {}
