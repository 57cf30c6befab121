package io.sextant.solver.solution;

import java.math.BigInteger;
import java.util.List;
import java.util.SortedMap;

/**
 * One solution of a {@code POST /solve} response: uniform clearing prices, the trades, the
 * liquidity interactions in execution order, and the settlement's gas.
 *
 * @param id unique within the response
 * @param prices clearing price per token (lowercase address, sorted for a deterministic encoding)
 * @param trades fulfilled orders
 * @param interactions liquidity interactions in execution order
 * @param gas estimated gas of the whole settlement
 */
public record Solution(
    long id,
    SortedMap<String, BigInteger> prices,
    List<Trade> trades,
    List<LiquidityInteraction> interactions,
    long gas) {}
