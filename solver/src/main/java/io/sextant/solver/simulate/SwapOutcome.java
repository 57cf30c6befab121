package io.sextant.solver.simulate;

import java.math.BigInteger;

/**
 * The answer for one swap: the request with the exact amounts, or why it cannot be done.
 *
 * @param request the swap, or {@code null} when the entry itself was malformed
 * @param amountIn input the pool takes, base units
 * @param amountOut output the pool pays, base units
 * @param error the reason, or {@code null} on success
 */
public record SwapOutcome(
    SwapRequest request, BigInteger amountIn, BigInteger amountOut, String error) {
  static SwapOutcome failed(final SwapRequest request, final String error) {
    return new SwapOutcome(request, null, null, error);
  }

  /** Whether the swap succeeded. */
  public boolean ok() {
    return error == null;
  }
}
