package io.sextant.solver.solution;

import java.math.BigInteger;

/**
 * A {@code liquidity} interaction: a swap through one of the auction's liquidity sources, which the
 * driver encodes. Amounts in base units; {@code internalize} lets the settlement use its buffers
 * instead (CIP-2).
 *
 * @param id the liquidity id from the auction
 * @param inputToken lowercase address sold to the pool
 * @param outputToken lowercase address bought from the pool
 * @param inputAmount amount sold
 * @param outputAmount amount received
 * @param internalize whether the swap is settled from the contract's buffers
 */
public record LiquidityInteraction(
    String id,
    String inputToken,
    String outputToken,
    BigInteger inputAmount,
    BigInteger outputAmount,
    boolean internalize) {
  /** The same interaction with {@code internalize} set to {@code on}. */
  public LiquidityInteraction internalize(final boolean on) {
    return new LiquidityInteraction(id, inputToken, outputToken, inputAmount, outputAmount, on);
  }
}
