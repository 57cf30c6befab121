package io.sextant.solver.simulate;

import java.math.BigInteger;

/**
 * One swap to simulate against an auction's state.
 *
 * @param pool liquidity id
 * @param sellToken lowercase address of the token paid in
 * @param buyToken lowercase address of the token received
 * @param kind {@code sell} (exact input) or {@code buy} (exact output)
 * @param amount the exact side's amount, base units
 * @param sqrtPriceLimitX96 optional Q64.96 price limit (concentrated liquidity only), or {@code
 *     null}
 */
public record SwapRequest(
    String pool,
    String sellToken,
    String buyToken,
    String kind,
    BigInteger amount,
    BigInteger sqrtPriceLimitX96) {
  /** Whether the input amount is exact. */
  public boolean exactInput() {
    return kind.equals("sell");
  }
}
