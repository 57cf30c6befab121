package io.sextant.routing.math.balancer;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;

/**
 * A Balancer V2 weighted pool (2 to 8 tokens) swapping exactly as {@code BaseMinimalSwapInfoPool}
 * and {@code WeightedMath} do on chain.
 *
 * <p>State, per token: the Vault balance in base units; the scaling factor in 18-decimal fixed
 * point ({@code 1e18 · 10^(18 − decimals)}, times the rate for rate-provider tokens); the
 * normalised weight in 1e18 (they sum to 1e18, within compression rounding). The swap fee is
 * 18-decimal fixed point in [0, 1).
 *
 * <p>Exact in: {@code amountIn − mulUp(amountIn, fee)}, then every amount is upscaled ({@code
 * mulDown} by its scaling factor), {@code calcOutGivenIn}, and the output downscaled rounding down.
 * Exact out: the output upscaled, {@code calcInGivenOut}, the input downscaled rounding up, then
 * the fee added as {@code divUp(amount, 1 − fee)}. Failures carry the contract's error ({@link
 * BalancerErrors}), e.g. {@code BAL#304 MAX_IN_RATIO}.
 *
 * <p>{@link #reset} is the cold path and validates; the swaps allocate nothing. Not thread-safe.
 */
public final class BalancerWeightedPool implements ExactPool {
  /** Fewest tokens of a weighted pool. */
  public static final int MIN_TOKENS = 2;

  /** Most tokens of a weighted pool. */
  public static final int MAX_TOKENS = 8;

  /** The contract's {@code _MIN_WEIGHT}: 0.01. */
  public static final UInt256 MIN_WEIGHT = UInt256.ofUnsignedLong(10_000_000_000_000_000L);

  /** Failure: a token index outside the pool. */
  public static final String TOKEN_OUT_OF_RANGE = "token index out of range";

  /** Failure: {@code in == out}. */
  public static final String SAME_TOKEN = "cannot swap a token for itself";

  private static final int MAX_BALANCE_BITS = 112;

  private final UInt256[] balances = holders(MAX_TOKENS);
  private final UInt256[] scalingFactors = holders(MAX_TOKENS);
  private final UInt256[] weights = holders(MAX_TOKENS);
  private final UInt256 swapFee = new UInt256();
  private final UInt256 feeComplement = new UInt256();
  private int tokenCount;
  private WeightedPoolVersion version = WeightedPoolVersion.V0;

  private final WeightedMath math = new WeightedMath();
  private final UInt256 balanceIn = new UInt256();
  private final UInt256 balanceOut = new UInt256();
  private final UInt256 amount = new UInt256();
  private final UInt256 tmp = new UInt256();

  /** An empty pool; call {@link #reset} before swapping. */
  public BalancerWeightedPool() {}

  /**
   * How far from 1 the weights may sum: 1e-4. Pools that store their normalised weights compressed
   * (as the auction's real pools with sums of 1 + 1/65535 do) report weights whose sum misses 1e18
   * by rounding; the contract swaps with each weight as reported, and so do we.
   */
  public static final UInt256 WEIGHT_SUM_TOLERANCE = UInt256.ofUnsignedLong(100_000_000_000_000L);

  /**
   * Cold path: a validated pool.
   *
   * @param balances Vault balances, base units of each token
   * @param scalingFactors 18-decimal fixed point, {@code 1e18 · 10^(18 − decimals)}
   * @param weights normalised weights in 1e18, summing to 1e18 within {@link #WEIGHT_SUM_TOLERANCE}
   * @param swapFee 18-decimal fixed point, e.g. 3e15 for 0.3%
   * @param version which {@code powUp} the pool uses
   */
  public static BalancerWeightedPool of(
      final UInt256[] balances,
      final UInt256[] scalingFactors,
      final UInt256[] weights,
      final UInt256 swapFee,
      final WeightedPoolVersion version) {
    final BalancerWeightedPool pool = new BalancerWeightedPool();
    pool.reset(balances, scalingFactors, weights, swapFee, version);
    return pool;
  }

  /**
   * Cold path: a pool from CoW {@code weightedProduct} liquidity strings: balances as integers,
   * scaling factors, weights and fee as decimals ({@code "1000000000000"}, {@code "0.5"}, {@code
   * "0.003"}), version {@code "v0"} or {@code "v3Plus"}.
   */
  public static BalancerWeightedPool fromDecimals(
      final String[] balances,
      final String[] scalingFactors,
      final String[] weights,
      final String fee,
      final String version) {
    final int n = balances.length;
    final UInt256[] b = new UInt256[n];
    for (int i = 0; i < n; i++) {
      b[i] = parseInteger("balances[" + i + "]", balances[i]);
    }
    final UInt256[] s = new UInt256[scalingFactors.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = FixedPoint.parse("scalingFactors[" + i + "]", scalingFactors[i]);
    }
    final UInt256[] w = new UInt256[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = FixedPoint.parse("weights[" + i + "]", weights[i]);
    }
    return of(b, s, w, FixedPoint.parse("fee", fee), WeightedPoolVersion.parse("version", version));
  }

  /**
   * Cold path: validates and takes a new state (see {@link #of} for units). Throws {@link
   * IllegalArgumentException} naming the offending field and leaves the pool unchanged.
   */
  public BalancerWeightedPool reset(
      final UInt256[] balances,
      final UInt256[] scalingFactors,
      final UInt256[] weights,
      final UInt256 swapFee,
      final WeightedPoolVersion version) {
    final int n = balances.length;
    if (n < MIN_TOKENS || n > MAX_TOKENS) {
      throw new IllegalArgumentException(
          "balances: " + n + " tokens given, a weighted pool has 2 to 8");
    }
    requireLength("scalingFactors", scalingFactors.length, n);
    requireLength("weights", weights.length, n);
    if (version == null) {
      throw new IllegalArgumentException("version is missing");
    }
    final UInt256 sum = new UInt256();
    final UInt256 check = new UInt256();
    for (int i = 0; i < n; i++) {
      final UInt256 b = balances[i];
      final UInt256 s = scalingFactors[i];
      final UInt256 w = weights[i];
      if (b.isZero()) {
        throw new IllegalArgumentException("balances[" + i + "] is zero");
      }
      if (!b.fitsBits(MAX_BALANCE_BITS)) {
        throw new IllegalArgumentException(
            "balances[" + i + "] = " + b + " exceeds the Vault's 112-bit balance");
      }
      if (s.isZero()) {
        throw new IllegalArgumentException("scalingFactors[" + i + "] is zero");
      }
      if (!FixedPoint.mulDown(check, b, s) || check.isZero()) {
        throw new IllegalArgumentException(
            "scalingFactors["
                + i
                + "] = "
                + FixedPoint.toDecimalString(s)
                + " upscales balances["
                + i
                + "] to "
                + (check.isZero() ? "zero" : "more than 256 bits"));
      }
      if (w.compareTo(MIN_WEIGHT) < 0) {
        throw new IllegalArgumentException(
            "weights[" + i + "] = " + FixedPoint.toDecimalString(w) + " is below the minimum 0.01");
      }
      if (!sum.add(sum, w)) {
        throw new IllegalArgumentException("weights overflow uint256");
      }
    }
    if (!check.sub(sum, FixedPoint.ONE)) {
      check.sub(FixedPoint.ONE, sum);
    }
    if (check.compareTo(WEIGHT_SUM_TOLERANCE) > 0) {
      throw new IllegalArgumentException(
          "weights sum to " + FixedPoint.toDecimalString(sum) + ", not 1");
    }
    if (swapFee.compareTo(FixedPoint.ONE) >= 0) {
      throw new IllegalArgumentException(
          "swapFee " + FixedPoint.toDecimalString(swapFee) + " is outside [0, 1)");
    }
    for (int i = 0; i < n; i++) {
      this.balances[i].set(balances[i]);
      this.scalingFactors[i].set(scalingFactors[i]);
      this.weights[i].set(weights[i]);
    }
    this.tokenCount = n;
    this.swapFee.set(swapFee);
    FixedPoint.complement(feeComplement, swapFee);
    this.version = version;
    return this;
  }

  @Override
  public int tokenCount() {
    return tokenCount;
  }

  /** Vault balance of token {@code i}, base units. Read-only view. */
  public UInt256 balance(final int i) {
    return balances[i];
  }

  /** The pool's {@code powUp} variant. */
  public WeightedPoolVersion version() {
    return version;
  }

  @Override
  public boolean exactIn(
      final int in, final int out, final UInt256 amountIn, final SwapResult result) {
    result.reset();
    if (!validPair(in, out, result)) {
      return false;
    }
    // Fee subtracted before scaling, rounding the fee up.
    if (!FixedPoint.mulUp(tmp, amountIn, swapFee)) {
      return result.fail(BalancerErrors.MUL_OVERFLOW);
    }
    if (!FixedPoint.sub(amount, amountIn, tmp)) {
      return result.fail(BalancerErrors.SUB_OVERFLOW);
    }
    if (!upscale(amount, amount, in)
        || !upscale(balanceIn, balances[in], in)
        || !upscale(balanceOut, balances[out], out)) {
      return result.fail(BalancerErrors.MUL_OVERFLOW);
    }
    final UInt256 calculated = tmp;
    if (!math.calcOutGivenIn(
        calculated, balanceIn, weights[in], balanceOut, weights[out], amount, version)) {
      return result.fail(math.failure());
    }
    // Output leaves the pool: downscale rounding down.
    if (!FixedPoint.divDown(result.amountOut, calculated, scalingFactors[out])) {
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
    if (!upscale(amount, amountOut, out)
        || !upscale(balanceIn, balances[in], in)
        || !upscale(balanceOut, balances[out], out)) {
      return result.fail(BalancerErrors.MUL_OVERFLOW);
    }
    final UInt256 calculated = tmp;
    if (!math.calcInGivenOut(
        calculated, balanceIn, weights[in], balanceOut, weights[out], amount, version)) {
      return result.fail(math.failure());
    }
    // Input enters the pool: downscale rounding up, then add the fee after scaling.
    if (!FixedPoint.divUp(calculated, calculated, scalingFactors[in])) {
      return result.fail(FixedPoint.divFailure(scalingFactors[in]));
    }
    if (!FixedPoint.divUp(result.amountIn, calculated, feeComplement)) {
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

  /** Normalised weight of token {@code i}, 1e18 = 100%. Read-only view. */
  public UInt256 weight(final int i) {
    return weights[i];
  }

  /** Scaling factor of token {@code i}, 18-decimal fixed point. Read-only view. */
  public UInt256 scalingFactor(final int i) {
    return scalingFactors[i];
  }

  /** Swap fee, 18-decimal fixed point. Read-only view. */
  public UInt256 swapFee() {
    return swapFee;
  }

  private boolean upscale(final UInt256 r, final UInt256 amount, final int token) {
    return FixedPoint.mulDown(r, amount, scalingFactors[token]);
  }

  private boolean validPair(final int in, final int out, final SwapResult result) {
    if (in < 0 || out < 0 || in >= tokenCount || out >= tokenCount) {
      return result.fail(TOKEN_OUT_OF_RANGE);
    }
    if (in == out) {
      return result.fail(SAME_TOKEN);
    }
    return true;
  }

  static UInt256[] holders(final int n) {
    final UInt256[] a = new UInt256[n];
    for (int i = 0; i < n; i++) {
      a[i] = new UInt256();
    }
    return a;
  }

  static void requireLength(final String field, final int length, final int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(
          field + " has " + length + " entries, balances has " + expected);
    }
  }

  static UInt256 parseInteger(final String field, final String text) {
    final UInt256 v = new UInt256();
    if (text == null || !v.parseDecimal(text)) {
      throw new IllegalArgumentException(field + " is not a uint256: \"" + text + "\"");
    }
    return v;
  }
}
