package io.sextant.routing.math;

import io.sextant.routing.math.u256.UInt256;

/**
 * The outcome of one exact swap simulation: amounts in base units of the tokens, or the reason the
 * contract would revert. Reused across calls (kernels call {@link #reset()}); not thread-safe.
 *
 * <p>Failure reasons are constant strings so that failing allocates nothing; callers add the pool
 * and the request around them on the cold path.
 */
public final class SwapResult {
  /** Input taken by the pool, in base units of the input token. */
  public final UInt256 amountIn = new UInt256();

  /** Output paid by the pool, in base units of the output token. */
  public final UInt256 amountOut = new UInt256();

  /** Concentrated liquidity only: Q64.96 square-root price after the swap. */
  public final UInt256 sqrtPriceAfterX96 = new UInt256();

  /** Concentrated liquidity only: in-range liquidity after the swap. */
  public final UInt256 liquidityAfter = new UInt256();

  /**
   * {@link #tickAfter} when a quote left the post-swap tick to be computed from {@link
   * #sqrtPriceAfterX96} by {@code getTickAtSqrtRatio} (see {@code ExactPool.apply}).
   */
  public static final int TICK_AT_PRICE = Integer.MIN_VALUE;

  /**
   * Concentrated liquidity only: current tick after the swap, or {@link #TICK_AT_PRICE} when a
   * quote deferred it (the pool's {@code apply} resolves it).
   */
  public int tickAfter;

  /** Concentrated liquidity only: initialised ticks crossed by the swap (drives its gas cost). */
  public int ticksCrossed;

  private String failure;

  /** Clears amounts and failure before a new simulation. */
  public SwapResult reset() {
    amountIn.setZero();
    amountOut.setZero();
    failure = null;
    ticksCrossed = 0;
    return this;
  }

  /** Records why the swap cannot be done; returns {@code false} for {@code return r.fail(..)}. */
  public boolean fail(final String reason) {
    failure = reason;
    return false;
  }

  /** Whether the last simulation succeeded. */
  public boolean ok() {
    return failure == null;
  }

  /** Why the last simulation failed, or {@code null}. */
  public String failure() {
    return failure;
  }
}
