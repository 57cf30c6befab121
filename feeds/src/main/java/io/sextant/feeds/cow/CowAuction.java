package io.sextant.feeds.cow;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A CoW Protocol solver-engine auction ({@code POST /solve} body), parsed and validated.
 *
 * @param id auction id, or {@code null} for a quote request
 * @param tokens token entries by lowercase address
 * @param orders the orders, in request order
 * @param liquidity the liquidity sources, in request order
 * @param effectiveGasPrice wei per gas unit
 * @param deadline when the answer is due
 * @param surplusCapturingJitOrderOwners owners whose JIT orders count toward the score
 */
public record CowAuction(
    String id,
    Map<String, CowToken> tokens,
    List<CowOrder> orders,
    List<CowLiquidity> liquidity,
    BigInteger effectiveGasPrice,
    Instant deadline,
    List<String> surplusCapturingJitOrderOwners) {}
