package io.sextant.solver.solution;

import java.math.BigInteger;

/**
 * What one trade gives its owner beyond the order's limit price.
 *
 * @param order the order uid
 * @param buyToken the order's buy token
 * @param sold sell token leaving the owner, fee included
 * @param bought buy token reaching the owner
 * @param surplusInBuyToken surplus in base units of the buy token (buy orders: the sell-token
 *     saving converted at the clearing prices)
 * @param surplusNative the same in native-token wei through the valuation prices ({@code NaN} when
 *     the buy token has none)
 */
public record TradeSurplus(
    String order,
    String buyToken,
    BigInteger sold,
    BigInteger bought,
    BigInteger surplusInBuyToken,
    double surplusNative) {}
