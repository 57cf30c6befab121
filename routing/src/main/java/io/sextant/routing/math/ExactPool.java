package io.sextant.routing.math;

import io.sextant.routing.math.u256.UInt256;

/**
 * One pool's exact swap math: integer for integer what its contract computes, so that every amount
 * reported can be executed on chain. Tokens are addressed by their index in the pool.
 *
 * <p>{@code exactIn} and {@code exactOut} do not change the pool; {@link #apply} moves it to the
 * state after a swap they computed, so a route that uses a pool twice sees its own earlier trade.
 * Implementations allocate nothing after warm-up and are not thread-safe.
 */
public interface ExactPool {
  /** Number of tokens the pool trades. */
  int tokenCount();

  /**
   * Sells exactly {@code amountIn} of token {@code in} for token {@code out}. On success {@code
   * result.amountIn} is the input taken (equal to {@code amountIn} unless a price limit stopped the
   * swap) and {@code result.amountOut} the output paid; otherwise {@code false} with {@code
   * result.failure()} saying why the contract would revert.
   */
  boolean exactIn(int in, int out, UInt256 amountIn, SwapResult result);

  /**
   * Buys exactly {@code amountOut} of token {@code out} with token {@code in}. On success {@code
   * result.amountIn} is the input the contract requires and {@code result.amountOut} the output
   * (equal to {@code amountOut} unless a price limit stopped the swap).
   */
  boolean exactOut(int in, int out, UInt256 amountOut, SwapResult result);

  /**
   * Applies a swap that {@link #exactIn} or {@link #exactOut} just computed on this pool, with the
   * same tokens and an unchanged {@code result}: the pool takes its post-swap state.
   */
  void apply(int in, int out, SwapResult result);
}
