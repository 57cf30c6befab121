package io.sextant.feeds.cow;

import java.math.BigInteger;

/**
 * An auction's token entry.
 *
 * @param address lowercase {@code 0x} address
 * @param decimals ERC-20 decimals, or {@code null} if unknown
 * @param symbol symbol, or {@code null}
 * @param referencePrice wei of native token to buy 10^18 base units of the token, or {@code null}
 * @param availableBalance the settlement contract's buffer of this token, in base units
 * @param trusted whether buffers of this token may be used for internalisation (CIP-2)
 */
public record CowToken(
    String address,
    Integer decimals,
    String symbol,
    BigInteger referencePrice,
    BigInteger availableBalance,
    boolean trusted) {}
