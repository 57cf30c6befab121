package io.sextant.routing.math.balancer;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;

/**
 * A Balancer V2 stable or composable stable pool swapping exactly as {@code BaseGeneralPool} and
 * {@code ComposableStablePool._onRegularSwap} do on chain, with {@link StableMath}.
 *
 * <p>Tokens are the pool's registered tokens, by index. A composable pool registers its own BPT
 * (the token at the pool's address) among them; mark its index with {@code bptIndex}: it is left
 * out of the invariant, and swaps that touch it (which the contract treats as single-token joins
 * and exits) fail with {@link #BPT_SWAP}. Pass {@code -1} when there is none.
 *
 * <p>State, per token: the Vault balance in base units and the 18-decimal scaling factor ({@code
 * 1e18 · 10^(18 − decimals)}, times the token rate where there is a rate provider). The
 * amplification is stored as {@code A · 1000} (A = 100 is 100000, within [1, 5000]), the swap fee
 * as 18-decimal fixed point in [0, 1).
 *
 * <p>Exact in: {@code amountIn − mulUp(amountIn, fee)}, every balance and the amount upscaled
 * ({@code mulDown}), invariant, {@code calcOutGivenIn}, output downscaled rounding down. Exact out:
 * output upscaled, {@code calcInGivenOut}, input downscaled rounding up, fee added as {@code
 * divUp(amount, 1 − fee)}. The invariant is recomputed per swap from the current balances, as the
 * contract does.
 *
 * <p>{@link #reset} is the cold path and validates; swaps allocate nothing. Not thread-safe.
 */
public final class BalancerStablePool implements ExactPool {
  /** Most registered tokens: five stable tokens plus the BPT. */
  public static final int MAX_REGISTERED = StableMath.MAX_TOKENS + 1;

  /** Failure: a swap into or out of the pool's own BPT (a join or exit, not simulated). */
  public static final String BPT_SWAP =
      "swaps with the pool's own BPT (joins/exits) are not supported";

  private final UInt256[] balances = BalancerWeightedPool.holders(MAX_REGISTERED);
  private final UInt256[] scalingFactors = BalancerWeightedPool.holders(MAX_REGISTERED);
  private final UInt256[] upscaled = BalancerWeightedPool.holders(StableMath.MAX_TOKENS);
  private final UInt256 amp = new UInt256();
  private final UInt256 swapFee = new UInt256();
  private final UInt256 feeComplement = new UInt256();
  private int registered;
  private int bptIndex = -1;

  private final StableMath math = new StableMath();
  private final UInt256 invariant = new UInt256();
  private final UInt256 amount = new UInt256();
  private final UInt256 tmp = new UInt256();

  /** An empty pool; call {@link #reset} before swapping. */
  public BalancerStablePool() {}

  /**
   * Cold path: a validated pool.
   *
   * @param balances Vault balances of every registered token, base units (the BPT's included)
   * @param scalingFactors 18-decimal fixed point per registered token
   * @param ampTimesPrecision A · 1000
   * @param swapFee 18-decimal fixed point, e.g. 1e14 for 0.01%
   * @param bptIndex index of the pool's own BPT among the tokens, or -1
   */
  public static BalancerStablePool of(
      final UInt256[] balances,
      final UInt256[] scalingFactors,
      final UInt256 ampTimesPrecision,
      final UInt256 swapFee,
      final int bptIndex) {
    return new BalancerStablePool()
        .reset(balances, scalingFactors, ampTimesPrecision, swapFee, bptIndex);
  }

  /**
   * Cold path: a pool from CoW {@code stable} liquidity strings: integer balances, decimal scaling
   * factors ({@code "1000000000000"}), decimal amplification ({@code "100.0"}) and fee ({@code
   * "0.0004"}).
   */
  public static BalancerStablePool fromDecimals(
      final String[] balances,
      final String[] scalingFactors,
      final String amplificationParameter,
      final String fee,
      final int bptIndex) {
    final UInt256[] b = new UInt256[balances.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = BalancerWeightedPool.parseInteger("balances[" + i + "]", balances[i]);
    }
    final UInt256[] s = new UInt256[scalingFactors.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = FixedPoint.parse("scalingFactors[" + i + "]", scalingFactors[i]);
    }
    return of(
        b, s, parseAmplification(amplificationParameter), FixedPoint.parse("fee", fee), bptIndex);
  }

  /**
   * Cold path: a decimal amplification such as {@code "100.0"} as {@code A · 1000}; throws naming
   * {@code amplificationParameter} unless it is a multiple of 0.001.
   */
  public static UInt256 parseAmplification(final String text) {
    final UInt256 fixed = FixedPoint.parse("amplificationParameter", text);
    final UInt256 unit = UInt256.ofUnsignedLong(FixedPoint.ONE_LONG / StableMath.AMP_PRECISION);
    final UInt256 rem = new UInt256();
    rem.mod(fixed, unit);
    if (!rem.isZero()) {
      throw new IllegalArgumentException(
          "amplificationParameter " + text + " is not a multiple of 0.001");
    }
    fixed.div(fixed, unit);
    return fixed;
  }

  /**
   * Cold path: validates and takes a new state (units as in {@link #of}). Throws {@link
   * IllegalArgumentException} naming the offending field and leaves the pool unchanged.
   */
  public BalancerStablePool reset(
      final UInt256[] balances,
      final UInt256[] scalingFactors,
      final UInt256 ampTimesPrecision,
      final UInt256 swapFee,
      final int bptIndex) {
    final int m = balances.length;
    if (bptIndex < -1 || bptIndex >= m) {
      throw new IllegalArgumentException(
          "bptIndex " + bptIndex + " is not -1 or a token index below " + m);
    }
    final int n = bptIndex < 0 ? m : m - 1;
    if (n < 2 || n > StableMath.MAX_TOKENS) {
      throw new IllegalArgumentException(
          "balances: " + n + " tokens besides the BPT, a stable pool has 2 to 5");
    }
    BalancerWeightedPool.requireLength("scalingFactors", scalingFactors.length, m);
    final UInt256 check = new UInt256();
    for (int i = 0; i < m; i++) {
      if (scalingFactors[i].isZero()) {
        throw new IllegalArgumentException("scalingFactors[" + i + "] is zero");
      }
      if (i == bptIndex) {
        continue;
      }
      if (balances[i].isZero()) {
        throw new IllegalArgumentException("balances[" + i + "] is zero");
      }
      if (!balances[i].fitsBits(112)) {
        throw new IllegalArgumentException(
            "balances[" + i + "] = " + balances[i] + " exceeds the Vault's 112-bit balance");
      }
      if (!FixedPoint.mulDown(check, balances[i], scalingFactors[i]) || check.isZero()) {
        throw new IllegalArgumentException(
            "scalingFactors["
                + i
                + "] = "
                + FixedPoint.toDecimalString(scalingFactors[i])
                + " upscales balances["
                + i
                + "] to "
                + (check.isZero() ? "zero" : "more than 256 bits"));
      }
    }
    if (ampTimesPrecision.compareToUnsignedLong(StableMath.MIN_AMP) < 0
        || ampTimesPrecision.compareToUnsignedLong(StableMath.MAX_AMP) > 0) {
      throw new IllegalArgumentException(
          "amplificationParameter "
              + ampTimesPrecision
              + "/1000 is outside the contract's [1, 5000]");
    }
    if (swapFee.compareTo(FixedPoint.ONE) >= 0) {
      throw new IllegalArgumentException(
          "swapFee " + FixedPoint.toDecimalString(swapFee) + " is outside [0, 1)");
    }
    for (int i = 0; i < m; i++) {
      this.balances[i].set(balances[i]);
      this.scalingFactors[i].set(scalingFactors[i]);
    }
    this.registered = m;
    this.bptIndex = bptIndex;
    this.amp.set(ampTimesPrecision);
    this.swapFee.set(swapFee);
    FixedPoint.complement(feeComplement, swapFee);
    return this;
  }

  /** Registered tokens, the BPT included. */
  @Override
  public int tokenCount() {
    return registered;
  }

  /** Index of the pool's own BPT, or -1. */
  public int bptIndex() {
    return bptIndex;
  }

  /** Vault balance of token {@code i}, base units. Read-only view. */
  public UInt256 balance(final int i) {
    return balances[i];
  }

  /** Scaling factor of token {@code i}, 18-decimal fixed point. Read-only view. */
  public UInt256 scalingFactor(final int i) {
    return scalingFactors[i];
  }

  /** Amplification {@code A · 1000}. Read-only view. */
  public UInt256 amplification() {
    return amp;
  }

  /** Swap fee, 18-decimal fixed point. Read-only view. */
  public UInt256 swapFee() {
    return swapFee;
  }

  @Override
  public boolean exactIn(
      final int in, final int out, final UInt256 amountIn, final SwapResult result) {
    result.reset();
    if (!validPair(in, out, result)) {
      return false;
    }
    if (!FixedPoint.mulUp(tmp, amountIn, swapFee)) {
      return result.fail(BalancerErrors.MUL_OVERFLOW);
    }
    if (!FixedPoint.sub(amount, amountIn, tmp)) {
      return result.fail(BalancerErrors.SUB_OVERFLOW);
    }
    if (!upscaleBalances() || !FixedPoint.mulDown(amount, amount, scalingFactors[in])) {
      return result.fail(BalancerErrors.MUL_OVERFLOW);
    }
    final int n = registered - (bptIndex < 0 ? 0 : 1);
    if (!math.calculateInvariant(invariant, amp, upscaled, n)
        || !math.calcOutGivenIn(
            tmp, amp, upscaled, n, skipBpt(in), skipBpt(out), amount, invariant)) {
      return result.fail(math.failure());
    }
    if (!FixedPoint.divDown(result.amountOut, tmp, scalingFactors[out])) {
      return result.fail(FixedPoint.divFailure(scalingFactors[out]));
    }
    result.amountIn.set(amountIn);
    return true;
  }

  @Override
  public boolean exactOut(
      final int in, final int out, final UInt256 amountOut, final SwapResult result) {
    result.reset();
    if (!validPair(in, out, result)) {
      return false;
    }
    if (!upscaleBalances() || !FixedPoint.mulDown(amount, amountOut, scalingFactors[out])) {
      return result.fail(BalancerErrors.MUL_OVERFLOW);
    }
    final int n = registered - (bptIndex < 0 ? 0 : 1);
    if (!math.calculateInvariant(invariant, amp, upscaled, n)
        || !math.calcInGivenOut(
            tmp, amp, upscaled, n, skipBpt(in), skipBpt(out), amount, invariant)) {
      return result.fail(math.failure());
    }
    if (!FixedPoint.divUp(tmp, tmp, scalingFactors[in])) {
      return result.fail(FixedPoint.divFailure(scalingFactors[in]));
    }
    if (!FixedPoint.divUp(result.amountIn, tmp, feeComplement)) {
      return result.fail(FixedPoint.divFailure(feeComplement));
    }
    result.amountOut.set(amountOut);
    return true;
  }

  /** The Vault credits the whole input (fee included) and debits the output. */
  @Override
  public void apply(final int in, final int out, final SwapResult result) {
    balances[in].add(balances[in], result.amountIn);
    balances[out].sub(balances[out], result.amountOut);
  }

  private boolean upscaleBalances() {
    int k = 0;
    for (int i = 0; i < registered; i++) {
      if (i == bptIndex) {
        continue;
      }
      if (!FixedPoint.mulDown(upscaled[k++], balances[i], scalingFactors[i])) {
        return false;
      }
    }
    return true;
  }

  private int skipBpt(final int index) {
    return bptIndex >= 0 && index > bptIndex ? index - 1 : index;
  }

  private boolean validPair(final int in, final int out, final SwapResult result) {
    if (in < 0 || out < 0 || in >= registered || out >= registered) {
      return result.fail(BalancerWeightedPool.TOKEN_OUT_OF_RANGE);
    }
    if (in == out) {
      return result.fail(BalancerWeightedPool.SAME_TOKEN);
    }
    if (in == bptIndex || out == bptIndex) {
      return result.fail(BPT_SWAP);
    }
    return true;
  }
}
