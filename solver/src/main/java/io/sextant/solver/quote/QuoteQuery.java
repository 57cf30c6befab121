package io.sextant.solver.quote;

import java.math.BigInteger;

/**
 * One order to quote: sell {@code amount} of {@code sellToken} for {@code buyToken} (exact input),
 * or buy {@code amount} of {@code buyToken} with {@code sellToken} (exact output), with an optional
 * limit. Addresses are lowercase; amounts are base units.
 *
 * @param id the caller's id, echoed in the answer
 * @param sellToken token paid in
 * @param buyToken token received
 * @param exactIn {@code true} for kind {@code sell}, {@code false} for {@code buy}
 * @param amount the exact side's amount, 1..2^256-1
 * @param limit {@code minAmountOut} of a sell or {@code maxAmountIn} of a buy, or {@code null}
 */
public record QuoteQuery(
    String id,
    String sellToken,
    String buyToken,
    boolean exactIn,
    BigInteger amount,
    BigInteger limit) {
  /** The wire name of the kind: {@code sell} or {@code buy}. */
  public String kind() {
    return exactIn ? "sell" : "buy";
  }
}
