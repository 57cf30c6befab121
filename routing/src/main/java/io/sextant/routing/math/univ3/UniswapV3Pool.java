package io.sextant.routing.math.univ3;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Uniswap V3 pool as an {@link ExactPool}: the loop of {@code UniswapV3Pool.swap()} over
 * preallocated state, integer for integer. Token 0 and token 1 are the pool's {@code token0} and
 * {@code token1}; selling token 0 is {@code zeroForOne}.
 *
 * <p>State: fee in pips, tick spacing, Q64.96 square-root price (uint160), in-range liquidity
 * (uint128), the current tick, and the initialised ticks (ascending {@code int}s) with their {@code
 * liquidityNet} (int128, as two {@code long}s). Each step of a swap targets the next initialised
 * tick <em>within one bitmap word</em> ({@link TickBitmap}), clamped to [MIN_TICK, MAX_TICK], or
 * the price limit if nearer; crossing an initialised tick applies its liquidityNet (negated going
 * down). Those word-boundary steps change the rounding, so they are replicated, not merged.
 *
 * <p><b>Partial fills.</b> Like the contract, a swap stops at the price limit (by default {@code
 * MIN_SQRT_RATIO + 1} or {@code MAX_SQRT_RATIO − 1}) even if the amount is not used up: {@code
 * exactIn} may then take less than asked and {@code exactOut} pay out less than asked. Both still
 * return {@code true}; callers compare {@code result.amountIn}/{@code amountOut} with the request.
 *
 * <p><b>The tick.</b> The pool keeps the tick it is given, as the contract does: after a swap that
 * ends exactly on an initialised tick going down, the contract stores {@code tick = T − 1} with the
 * price of {@code T} (one of 353 pools in CoW auction 7400693 is in this state). Validation
 * therefore accepts {@code tick = getTickAtSqrtRatio(sqrtPrice)} and that boundary case, and
 * nothing else. Initialised ticks are those in the {@code liquidityNet} map, including any whose
 * net is zero (the chain steps at every tick with liquidity referencing it).
 *
 * <p>The builders ({@link #reset}, {@link #of}) are cold path and throw {@link
 * IllegalArgumentException} whose message starts with the offending field. Swaps are hot path: no
 * allocation after warm-up (the scratch arrays grow only in {@code reset}). Not thread-safe: a pool
 * and its scratch belong to one thread at a time.
 */
public final class UniswapV3Pool implements ExactPool {
  /** Revert 'AS': amount specified is zero. The contract's code leads the message. */
  public static final String AS = "AS: the amount specified is zero";

  /**
   * Revert 'SPL': the price limit is on the wrong side of the price or outside the price domain.
   */
  public static final String SPL =
      "SPL: price limit is not between the current price and the limit of the swap's direction";

  /** The amount does not fit {@code int256} (exact input below 2^255, exact output at most). */
  public static final String AMOUNT_TOO_LARGE = "UniswapV3Pool: amount exceeds int256";

  /** A math library reverted inside a step (overflow or a failed require). */
  public static final String MATH = "UniswapV3Pool: arithmetic revert in swap step";

  /** A token index other than 0 or 1, or equal indices. */
  public static final String BAD_TOKEN_INDEX = "UniswapV3Pool: token index";

  /** Largest tick spacing the factory allows. */
  public static final int MAX_TICK_SPACING = 16384;

  private static final double Q96 = 0x1p96;

  // ---- state
  private int feePips;
  private int tickSpacing;
  private final UInt256 sqrtPriceX96 = new UInt256();
  private final UInt256 liquidity = new UInt256();
  private int tick;
  private int tickCount;
  private int[] ticks;
  private long[] netLo;
  private long[] netHi;

  /** getSqrtRatioAtTick of each initialised tick, three limbs per tick: the swap's step targets. */
  private long[] tickPrice;

  // ---- double companions (for the optimiser)
  private double[] tickSqrtPrice;
  private double[] netDouble;
  private double sqrtPriceDouble;
  private double liquidityDouble;

  /**
   * {@link #indexAtOrBelow} of the current tick, kept with the state: the curves start every walk
   * there, and the binary search was an eighth of the router's time on the embedded auction.
   */
  private int currentIndex = -1;

  // ---- scratch
  private final TickMath tickMath;
  private final SwapMath swapMath;
  private final UInt256 limit = new UInt256();
  private final UInt256 remaining = new UInt256();
  private final UInt256 calculated = new UInt256();
  private final UInt256 price = new UInt256();
  private final UInt256 priceStart = new UInt256();
  private final UInt256 priceNext = new UInt256();
  private final UInt256 liq = new UInt256();
  private final UInt256 net = new UInt256();
  private final UInt256 spent = new UInt256();
  private final UInt256 bound = new UInt256();

  /** An empty pool with room for {@code capacity} initialised ticks; call {@link #reset}. */
  public UniswapV3Pool(final int capacity) {
    this(capacity, new TickMath(), new SwapMath());
  }

  /**
   * An empty pool sharing math scratch owned by the same thread as every pool using it (a solver
   * thread can keep one {@link TickMath} and one {@link SwapMath} for all its pools).
   */
  public UniswapV3Pool(final int capacity, final TickMath tickMath, final SwapMath swapMath) {
    this.tickMath = tickMath;
    this.swapMath = swapMath;
    allocate(Math.max(capacity, 1));
  }

  private void allocate(final int capacity) {
    ticks = new int[capacity];
    netLo = new long[capacity];
    netHi = new long[capacity];
    tickPrice = new long[3 * capacity];
    tickSqrtPrice = new double[capacity];
    netDouble = new double[capacity];
  }

  // ---------------------------------------------------------------- cold path: building

  /**
   * The tick spacing the Uniswap V3 factory enables for a fee: 100 → 1, 500 → 10, 3000 → 60, 10000
   * → 200. CoW auctions carry only the fee.
   *
   * @throws IllegalArgumentException naming {@code fee} for any other fee
   */
  public static int tickSpacingForFee(final int feePips) {
    return switch (feePips) {
      case 100 -> 1;
      case 500 -> 10;
      case 3000 -> 60;
      case 10000 -> 200;
      default ->
          throw new IllegalArgumentException(
              "fee: no standard tick spacing for " + feePips + " pips; give tickSpacing");
    };
  }

  /**
   * A decimal fee as pips: {@code "0.003"} → 3000.
   *
   * @throws IllegalArgumentException naming {@code fee} if it is not a whole number of pips in [0,
   *     1)
   */
  public static int feePips(final String fee) {
    final BigDecimal f;
    try {
      f = new BigDecimal(fee.trim());
    } catch (final NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("fee: not a decimal: " + fee, e);
    }
    if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("fee: " + fee + " outside [0, 1)");
    }
    final BigDecimal pips = f.movePointRight(6);
    if (pips.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("fee: " + fee + " is not a whole number of pips");
    }
    return pips.intValueExact();
  }

  /**
   * Cold path: a pool from a CoW {@code concentratedLiquidity} entry, tick spacing derived from the
   * fee. {@code liquidityNet} maps each initialised tick to its int128 net liquidity.
   */
  public static UniswapV3Pool of(
      final int feePips,
      final UInt256 sqrtPriceX96,
      final UInt256 liquidity,
      final int tick,
      final Map<Integer, BigInteger> liquidityNet) {
    return of(feePips, tickSpacingForFee(feePips), sqrtPriceX96, liquidity, tick, liquidityNet);
  }

  /** Cold path: as {@link #of(int, UInt256, UInt256, int, Map)} with an explicit tick spacing. */
  public static UniswapV3Pool of(
      final int feePips,
      final int tickSpacing,
      final UInt256 sqrtPriceX96,
      final UInt256 liquidity,
      final int tick,
      final Map<Integer, BigInteger> liquidityNet) {
    return new UniswapV3Pool(liquidityNet == null ? 0 : liquidityNet.size())
        .reset(feePips, tickSpacing, sqrtPriceX96, liquidity, tick, liquidityNet);
  }

  /**
   * Cold path: {@link #reset(int, int, UInt256, UInt256, int, int[], UInt256[], int)} from a map.
   */
  public UniswapV3Pool reset(
      final int feePips,
      final int tickSpacing,
      final UInt256 sqrtPriceX96,
      final UInt256 liquidity,
      final int tick,
      final Map<Integer, BigInteger> liquidityNet) {
    if (liquidityNet == null) {
      throw new IllegalArgumentException("liquidityNet: missing");
    }
    final TreeMap<Integer, BigInteger> sorted = new TreeMap<>(liquidityNet);
    final int[] t = new int[sorted.size()];
    final UInt256[] n = new UInt256[sorted.size()];
    int i = 0;
    for (final Map.Entry<Integer, BigInteger> e : sorted.entrySet()) {
      t[i] = e.getKey();
      final BigInteger v = e.getValue();
      if (v == null || v.bitLength() > 127) {
        throw new IllegalArgumentException(
            "liquidityNet: value " + v + " at tick " + t[i] + " outside int128");
      }
      n[i++] = new UInt256().set(v);
    }
    return reset(feePips, tickSpacing, sqrtPriceX96, liquidity, tick, t, n, t.length);
  }

  /**
   * Cold path: validates and takes the whole state. {@code ticks[0..count)} must be strictly
   * ascending; {@code liquidityNet[i]} is the int128 net of {@code ticks[i]}, sign-extended in a
   * holder (read as int256). The arrays are copied; the tick storage grows if needed.
   *
   * @throws IllegalArgumentException naming the field ({@code fee}, {@code tickSpacing}, {@code
   *     sqrtPriceX96}, {@code liquidity}, {@code tick}, {@code liquidityNet}); the pool is then
   *     unchanged
   */
  public UniswapV3Pool reset(
      final int feePips,
      final int tickSpacing,
      final UInt256 sqrtPriceX96,
      final UInt256 liquidity,
      final int tick,
      final int[] ticks,
      final UInt256[] liquidityNet,
      final int count) {
    validate(feePips, tickSpacing, sqrtPriceX96, liquidity, tick, ticks, liquidityNet, count);
    if (count > this.ticks.length) {
      allocate(count);
    }
    this.feePips = feePips;
    this.tickSpacing = tickSpacing;
    this.sqrtPriceX96.set(sqrtPriceX96);
    this.liquidity.set(liquidity);
    this.tick = tick;
    this.tickCount = count;
    for (int i = 0; i < count; i++) {
      this.ticks[i] = ticks[i];
      netLo[i] = liquidityNet[i].limb(0);
      netHi[i] = liquidityNet[i].limb(1);
      tickMath.getSqrtRatioAtTick(ticks[i], priceNext);
      tickPrice[3 * i] = priceNext.limb(0);
      tickPrice[3 * i + 1] = priceNext.limb(1);
      tickPrice[3 * i + 2] = priceNext.limb(2);
      tickSqrtPrice[i] = priceNext.toDouble() / Q96;
      netDouble[i] = liquidityNet[i].toSignedBigInteger().doubleValue();
    }
    refreshDoubles();
    return this;
  }

  private void validate(
      final int feePips,
      final int tickSpacing,
      final UInt256 sqrtPriceX96,
      final UInt256 liquidity,
      final int tick,
      final int[] ticks,
      final UInt256[] liquidityNet,
      final int count) {
    if (feePips < 0 || feePips >= SwapMath.PIPS) {
      throw new IllegalArgumentException("fee: " + feePips + " pips outside [0, 1000000)");
    }
    if (tickSpacing < 1 || tickSpacing > MAX_TICK_SPACING) {
      throw new IllegalArgumentException(
          "tickSpacing: " + tickSpacing + " outside [1, " + MAX_TICK_SPACING + "]");
    }
    if (sqrtPriceX96 == null) {
      throw new IllegalArgumentException("sqrtPriceX96: missing");
    }
    if (!TickMath.isValidSqrtRatio(sqrtPriceX96)) {
      throw new IllegalArgumentException(
          "sqrtPriceX96: " + sqrtPriceX96 + " outside [MIN_SQRT_RATIO, MAX_SQRT_RATIO)");
    }
    if (liquidity == null) {
      throw new IllegalArgumentException("liquidity: missing");
    }
    if (!liquidity.fitsBits(128)) {
      throw new IllegalArgumentException("liquidity: " + liquidity + " exceeds uint128");
    }
    if (tick < TickMath.MIN_TICK || tick > TickMath.MAX_TICK) {
      throw new IllegalArgumentException(
          "tick: " + tick + " outside [" + TickMath.MIN_TICK + ", " + TickMath.MAX_TICK + "]");
    }
    final TickMath tm = new TickMath();
    final int expected = tm.getTickAtSqrtRatio(sqrtPriceX96);
    if (tick != expected) {
      // The one state the contract itself produces: a downward swap that ended exactly on tick
      // T stores T − 1 with the price of T.
      final UInt256 atBoundary = new UInt256();
      final boolean boundary =
          tick == expected - 1
              && tm.getSqrtRatioAtTick(expected, atBoundary)
              && atBoundary.eq(sqrtPriceX96);
      if (!boundary) {
        throw new IllegalArgumentException(
            "tick: "
                + tick
                + " inconsistent with sqrtPriceX96 "
                + sqrtPriceX96
                + " (getTickAtSqrtRatio = "
                + expected
                + ")");
      }
    }
    if (count < 0 || (count > 0 && (ticks == null || liquidityNet == null))) {
      throw new IllegalArgumentException("liquidityNet: missing");
    }
    if (count > ticks.length || count > liquidityNet.length) {
      throw new IllegalArgumentException("liquidityNet: count " + count + " exceeds the arrays");
    }
    for (int i = 0; i < count; i++) {
      final int t = ticks[i];
      if (t < TickMath.MIN_TICK || t > TickMath.MAX_TICK) {
        throw new IllegalArgumentException(
            "liquidityNet: tick "
                + t
                + " outside ["
                + TickMath.MIN_TICK
                + ", "
                + TickMath.MAX_TICK
                + "]");
      }
      if (t % tickSpacing != 0) {
        throw new IllegalArgumentException(
            "liquidityNet: tick " + t + " not a multiple of tickSpacing " + tickSpacing);
      }
      if (i > 0 && t <= ticks[i - 1]) {
        throw new IllegalArgumentException("liquidityNet: ticks not strictly ascending at " + t);
      }
      final UInt256 v = liquidityNet[i];
      if (v == null) {
        throw new IllegalArgumentException("liquidityNet: missing value at tick " + t);
      }
      final BigInteger s = v.toSignedBigInteger();
      if (s.bitLength() > 127) {
        throw new IllegalArgumentException(
            "liquidityNet: value " + s + " at tick " + t + " outside int128");
      }
    }
  }

  private void refreshDoubles() {
    sqrtPriceDouble = sqrtPriceX96.toDouble() / Q96;
    liquidityDouble = liquidity.toDouble();
    currentIndex = TickBitmap.lastAtOrBelow(ticks, tickCount, tick);
  }

  // ---------------------------------------------------------------- hot path: swapping

  @Override
  public int tokenCount() {
    return 2;
  }

  /** Sells exactly {@code amountIn} with no price limit; see the class note on partial fills. */
  @Override
  public boolean exactIn(final int in, final int out, final UInt256 amountIn, final SwapResult r) {
    if (!validPair(in, out)) {
      r.reset();
      return r.fail(BAD_TOKEN_INDEX);
    }
    return swap(in == 0, true, amountIn, null, r, false);
  }

  /** Buys exactly {@code amountOut} with no price limit; see the class note on partial fills. */
  @Override
  public boolean exactOut(
      final int in, final int out, final UInt256 amountOut, final SwapResult r) {
    if (!validPair(in, out)) {
      r.reset();
      return r.fail(BAD_TOKEN_INDEX);
    }
    return swap(in == 0, false, amountOut, null, r, false);
  }

  @Override
  public void apply(final int in, final int out, final SwapResult r) {
    sqrtPriceX96.set(r.sqrtPriceAfterX96);
    liquidity.set(r.liquidityAfter);
    tick =
        r.tickAfter == SwapResult.TICK_AT_PRICE
            ? tickMath.getTickAtSqrtRatio(r.sqrtPriceAfterX96)
            : r.tickAfter;
    refreshDoubles();
  }

  private static boolean validPair(final int in, final int out) {
    return (in == 0 && out == 1) || (in == 1 && out == 0);
  }

  /**
   * The contract's {@code swap(zeroForOne, amountSpecified, sqrtPriceLimitX96)} without moving the
   * pool. {@code amount} is the magnitude of {@code amountSpecified}: the input to sell when {@code
   * exactInput}, else the output to buy. {@code sqrtPriceLimitX96} may be {@code null} for no limit
   * ({@code MIN_SQRT_RATIO + 1} or {@code MAX_SQRT_RATIO − 1}); otherwise it must lie strictly
   * between the current price and the extreme in the swap's direction ('SPL').
   *
   * <p>On success {@code r.amountIn} is the token taken (including the fee), {@code r.amountOut}
   * the token paid, {@code r.sqrtPriceAfterX96}, {@code r.tickAfter} and {@code r.liquidityAfter}
   * the pool's state after the swap and {@code r.ticksCrossed} the initialised ticks crossed — what
   * the contract's {@code Swap} event reports. Amounts may fall short of the request when the limit
   * stops the swap. On failure {@code r.failure()} is the revert reason.
   */
  public boolean swap(
      final boolean zeroForOne,
      final boolean exactInput,
      final UInt256 amount,
      final UInt256 sqrtPriceLimitX96,
      final SwapResult r) {
    return swap(zeroForOne, exactInput, amount, sqrtPriceLimitX96, r, true);
  }

  /**
   * The swap loop. Without {@code resolveTick} (quotes through {@link #exactIn} / {@link
   * #exactOut}) a swap that ends inside a tick range leaves {@code r.tickAfter} as {@link
   * SwapResult#TICK_AT_PRICE}: the contract's final {@code getTickAtSqrtRatio} is only state for
   * the next swap, so {@link #apply} computes it, with the same function, when it is needed. That
   * saves a fifth of a within-tick quote.
   */
  private boolean swap(
      final boolean zeroForOne,
      final boolean exactInput,
      final UInt256 amount,
      final UInt256 sqrtPriceLimitX96,
      final SwapResult r,
      final boolean resolveTick) {
    r.reset();
    if (amount.isZero()) {
      return r.fail(AS);
    }
    if (exactInput ? amount.isNegative() : !amount.fitsBits(255) && !isMinInt256(amount)) {
      return r.fail(AMOUNT_TOO_LARGE);
    }
    if (sqrtPriceLimitX96 == null) {
      if (zeroForOne) {
        limit.setUnsignedLong(TickMath.MIN_SQRT_RATIO + 1);
      } else {
        TickMath.maxSqrtRatio(limit).subUnsignedLong(limit, 1);
      }
    } else {
      limit.set(sqrtPriceLimitX96);
    }
    if (zeroForOne) {
      if (limit.compareTo(sqrtPriceX96) >= 0
          || limit.compareToUnsignedLong(TickMath.MIN_SQRT_RATIO) <= 0) {
        return r.fail(SPL);
      }
    } else {
      if (limit.compareTo(sqrtPriceX96) <= 0
          || limit.compareTo(TickMath.maxSqrtRatio(bound)) >= 0) {
        return r.fail(SPL);
      }
    }

    final int fee = feePips;
    final SwapMath sm = swapMath;
    remaining.set(amount);
    calculated.setZero();
    price.set(sqrtPriceX96);
    liq.set(liquidity);
    int stateTick = tick;
    int crossed = 0;

    while (!remaining.isZero() && !price.eq(limit)) {
      priceStart.set(price);
      final long next =
          TickBitmap.nextInitializedTickWithinOneWord(
              ticks, tickCount, stateTick, tickSpacing, zeroForOne);
      int tickNext = TickBitmap.tick(next);
      final int index = TickBitmap.index(next);
      if (tickNext < TickMath.MIN_TICK) {
        tickNext = TickMath.MIN_TICK;
      } else if (tickNext > TickMath.MAX_TICK) {
        tickNext = TickMath.MAX_TICK;
      }
      if (index >= 0) {
        // An initialised tick (never clamped: validated within [MIN_TICK, MAX_TICK]): its price
        // was computed by the same getSqrtRatioAtTick in reset.
        final int at = 3 * index;
        priceNext.setLimbs(tickPrice[at], tickPrice[at + 1], tickPrice[at + 2], 0);
      } else {
        tickMath.getSqrtRatioAtTick(tickNext, priceNext);
      }
      final boolean limitFirst =
          zeroForOne ? priceNext.compareTo(limit) < 0 : priceNext.compareTo(limit) > 0;
      if (!sm.step(price, limitFirst ? limit : priceNext, liq, remaining, exactInput, fee)) {
        return r.fail(MATH);
      }
      price.set(sm.sqrtRatioNextX96);
      if (exactInput) {
        spent.add(sm.amountIn, sm.feeAmount);
        remaining.sub(remaining, spent);
        calculated.add(calculated, sm.amountOut);
      } else {
        remaining.sub(remaining, sm.amountOut);
        calculated.add(calculated, sm.amountIn);
        calculated.add(calculated, sm.feeAmount);
      }
      if (price.eq(priceNext)) {
        if (index >= 0) {
          final long hi = netHi[index];
          final long ext = hi >> 63;
          net.setLimbs(netLo[index], hi, ext, ext);
          if (zeroForOne) {
            net.negate(net);
          }
          if (!LiquidityMath.addDelta(liq, net, liq)) {
            return r.fail(
                net.isNegative() ? LiquidityMath.LIQUIDITY_SUB : LiquidityMath.LIQUIDITY_ADD);
          }
          crossed++;
        }
        stateTick = zeroForOne ? tickNext - 1 : tickNext;
      } else if (!price.eq(priceStart)) {
        // The next step needs the tick; after the last step it is only the pool's new state.
        stateTick =
            resolveTick || (!remaining.isZero() && !price.eq(limit))
                ? tickMath.getTickAtSqrtRatio(price)
                : SwapResult.TICK_AT_PRICE;
      }
    }

    if (exactInput) {
      r.amountIn.sub(amount, remaining);
      r.amountOut.set(calculated);
    } else {
      r.amountOut.sub(amount, remaining);
      r.amountIn.set(calculated);
    }
    r.sqrtPriceAfterX96.set(price);
    r.liquidityAfter.set(liq);
    r.tickAfter = stateTick;
    r.ticksCrossed = crossed;
    return true;
  }

  private static boolean isMinInt256(final UInt256 v) {
    return v.limb(3) == Long.MIN_VALUE && (v.limb(0) | v.limb(1) | v.limb(2)) == 0;
  }

  // ---------------------------------------------------------------- accessors

  /** Fee in pips (3000 = 0.3%). */
  public int feePips() {
    return feePips;
  }

  /** Tick spacing. */
  public int tickSpacing() {
    return tickSpacing;
  }

  /** Current Q64.96 square-root price; a live view, do not modify. */
  public UInt256 sqrtPriceX96() {
    return sqrtPriceX96;
  }

  /** In-range liquidity; a live view, do not modify. */
  public UInt256 liquidity() {
    return liquidity;
  }

  /** Current tick (see the class note on the boundary case). */
  public int tick() {
    return tick;
  }

  /** Number of initialised ticks. */
  public int tickCount() {
    return tickCount;
  }

  /** The {@code i}-th initialised tick, ascending. */
  public int tickAt(final int i) {
    return ticks[i];
  }

  /** Sets {@code dst} to the int128 liquidityNet of the {@code i}-th tick, sign-extended. */
  public UInt256 liquidityNetAt(final int i, final UInt256 dst) {
    final long hi = netHi[i];
    final long ext = hi >> 63;
    return dst.setLimbs(netLo[i], hi, ext, ext);
  }

  /** Fee multiplier γ = 1 − fee as a double. */
  public double gamma() {
    return 1.0 - feePips / (double) SwapMath.PIPS;
  }

  /** Current square-root price as a real number √(token1/token0), not Q96; approximate. */
  public double sqrtPriceDouble() {
    return sqrtPriceDouble;
  }

  /** Current liquidity as a double; approximate. */
  public double liquidityDouble() {
    return liquidityDouble;
  }

  /** Square-root price of the {@code i}-th initialised tick as a real number; approximate. */
  public double tickSqrtPriceDouble(final int i) {
    return tickSqrtPrice[i];
  }

  /** liquidityNet of the {@code i}-th initialised tick as a double; approximate. */
  public double liquidityNetDouble(final int i) {
    return netDouble[i];
  }

  /** Index of the greatest initialised tick at or below the current tick, or −1. */
  public int currentIndex() {
    return currentIndex;
  }

  /** Index of the greatest initialised tick at or below {@code t}, or −1. */
  public int indexAtOrBelow(final int t) {
    return TickBitmap.lastAtOrBelow(ticks, tickCount, t);
  }
}
