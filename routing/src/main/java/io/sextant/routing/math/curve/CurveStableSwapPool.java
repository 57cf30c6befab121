package io.sextant.routing.math.curve;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;

/**
 * A Curve StableSwap plain pool, integer for integer: {@code get_D}, {@code get_y} and {@code
 * get_dy} of the Vyper contracts, with Vyper's checked arithmetic (every overflow, underflow and
 * division by zero fails the swap). Quotes are what {@code exchange()} pays; the {@code get_dy}
 * view of 3pool-era pools, which rounds its fee differently, is {@link #viewGetDy}.
 *
 * <p>Per coin: the pool's internal balance in base units and the rate {@code 10^(36 − decimals)}
 * (so {@code xp = balance · rate / 1e18} has 18 decimals). The amplification is the stored value:
 * plain A for {@link Variant#LEGACY}, A · 100 for {@link Variant#FACTORY}. Fees are over 1e10
 * ({@code 4000000} = 0.04%); the admin fee (also over 1e10) only affects {@link #apply}.
 *
 * <p>Exact out: plain pools have no {@code get_dx}, so it is an exact search: the result is the
 * smallest {@code dx} whose executed output is at least {@code amountOut} while that of {@code dx −
 * 1} is not, started from the inverse formula and bracketed by doubling; {@code result.amountOut}
 * is the requested amount (the contract may pay a few wei more).
 *
 * <p>{@link #reset} is the cold path and validates; swaps allocate nothing. Not thread-safe.
 */
public final class CurveStableSwapPool implements ExactPool {
  /** Which contract generation's math. */
  public enum Variant {
    /**
     * 3pool-era pools ({@code StableSwap3Pool.vy}): A not scaled, {@code get_dy} takes the fee
     * after dividing by the rate, loops end silently after 255 rounds.
     */
    LEGACY(1, false),
    /**
     * Factory and NG plain pools: {@code A_PRECISION = 100}, the fee taken in xp units before
     * dividing by the rate, loops that do not converge revert.
     */
    FACTORY(100, true);

    final long aPrecision;
    final boolean strict;

    Variant(final long aPrecision, final boolean strict) {
      this.aPrecision = aPrecision;
      this.strict = strict;
    }

    /** {@code A_PRECISION}: 1 or 100. */
    public long aPrecision() {
      return aPrecision;
    }
  }

  /** Most coins. */
  public static final int MAX_COINS = 8;

  /** {@code FEE_DENOMINATOR}. */
  public static final long FEE_DENOMINATOR = 10_000_000_000L;

  /** {@code MAX_FEE} of the contracts: 50%. */
  public static final long MAX_FEE = 5_000_000_000L;

  /** Failure: a checked operation overflowed. */
  public static final String OVERFLOW = "curve: uint256 overflow";

  /** Failure: a checked subtraction underflowed (e.g. asking more than the pool holds). */
  public static final String UNDERFLOW = "curve: uint256 underflow";

  /** Failure: a division by zero. */
  public static final String DIVISION_BY_ZERO = "curve: division by zero";

  /** Failure: {@code get_D} did not converge in 255 rounds (factory pools revert). */
  public static final String D_DID_NOT_CONVERGE = "curve: get_D did not converge";

  /** Failure: {@code get_y} did not converge in 255 rounds (factory pools revert). */
  public static final String Y_DID_NOT_CONVERGE = "curve: get_y did not converge";

  /** Failure: no input buys the requested output. */
  public static final String OUTPUT_UNREACHABLE = "curve: no input buys that much output";

  /** Failure: token index outside the pool. */
  public static final String TOKEN_OUT_OF_RANGE = "token index out of range";

  /** Failure: {@code in == out}. */
  public static final String SAME_TOKEN = "cannot swap a token for itself";

  private static final UInt256 PRECISION = UInt256.ofUnsignedLong(1_000_000_000_000_000_000L);
  private static final UInt256 FEE_DENOMINATOR_U = UInt256.ofUnsignedLong(FEE_DENOMINATOR);
  private static final int SEARCH_LIMIT_BITS = 250;

  private final UInt256[] balances = holders(MAX_COINS);
  private final UInt256[] rates = holders(MAX_COINS);
  private final UInt256[] xp = holders(MAX_COINS);
  private final UInt256 amp = new UInt256();
  private final UInt256 fee = new UInt256();
  private final UInt256 adminFee = new UInt256();
  private final UInt256 aPrecision = new UInt256();
  private Variant variant = Variant.FACTORY;
  private int n;

  private final UInt256 d = new UInt256();
  private final UInt256 s = new UInt256();
  private final UInt256 dP = new UInt256();
  private final UInt256 prev = new UInt256();
  private final UInt256 ann = new UInt256();
  private final UInt256 nU = new UInt256();
  private final UInt256 num = new UInt256();
  private final UInt256 den = new UInt256();
  private final UInt256 t = new UInt256();
  private final UInt256 c = new UInt256();
  private final UInt256 b = new UInt256();
  private final UInt256 y = new UInt256();
  private final UInt256 x = new UInt256();
  private final UInt256 dy = new UInt256();
  private final UInt256 dyFee = new UInt256();
  private final UInt256 lo = new UInt256();
  private final UInt256 hi = new UInt256();
  private final UInt256 mid = new UInt256();
  private final UInt256 step = new UInt256();
  private final UInt256 target = new UInt256();
  private final UInt256 probe = new UInt256();
  private String failure;

  /** An empty pool; call {@link #reset} before swapping. */
  public CurveStableSwapPool() {}

  /**
   * Cold path: a validated pool.
   *
   * @param balances internal balances, base units
   * @param rates per coin, {@code 10^(36 − decimals)} for plain coins
   * @param amp stored amplification: A for LEGACY, A · 100 for FACTORY
   * @param fee over 1e10
   * @param adminFee over 1e10 (3pool and factory pools: 5e9)
   */
  public static CurveStableSwapPool of(
      final UInt256[] balances,
      final UInt256[] rates,
      final UInt256 amp,
      final UInt256 fee,
      final UInt256 adminFee,
      final Variant variant) {
    return new CurveStableSwapPool().reset(balances, rates, amp, fee, adminFee, variant);
  }

  /** Cold path: the plain-coin rate {@code 10^(36 − decimals)}; decimals in [0, 36]. */
  public static UInt256 rateForDecimals(final String field, final int decimals) {
    if (decimals < 0 || decimals > 36) {
      throw new IllegalArgumentException(field + " = " + decimals + " is outside [0, 36]");
    }
    final UInt256 r = UInt256.ofUnsignedLong(1);
    final UInt256 ten = UInt256.ofUnsignedLong(10);
    for (int i = 0; i < 36 - decimals; i++) {
      r.mul(r, ten);
    }
    return r;
  }

  /** Cold path: a pool of plain coins given their decimals (see {@link #of}). */
  public static CurveStableSwapPool ofDecimals(
      final UInt256[] balances,
      final int[] decimals,
      final UInt256 amp,
      final UInt256 fee,
      final UInt256 adminFee,
      final Variant variant) {
    final UInt256[] r = new UInt256[decimals.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = rateForDecimals("decimals[" + i + "]", decimals[i]);
    }
    return of(balances, r, amp, fee, adminFee, variant);
  }

  /**
   * Cold path: validates and takes a new state. Throws {@link IllegalArgumentException} naming the
   * offending field and leaves the pool unchanged.
   */
  public CurveStableSwapPool reset(
      final UInt256[] balances,
      final UInt256[] rates,
      final UInt256 amp,
      final UInt256 fee,
      final UInt256 adminFee,
      final Variant variant) {
    final int count = balances.length;
    if (count < 2 || count > MAX_COINS) {
      throw new IllegalArgumentException(
          "balances: " + count + " coins given, a pool has 2 to " + MAX_COINS);
    }
    if (rates.length != count) {
      throw new IllegalArgumentException(
          "rates has " + rates.length + " entries, balances has " + count);
    }
    if (variant == null) {
      throw new IllegalArgumentException("variant is missing");
    }
    final UInt256 check = new UInt256();
    for (int i = 0; i < count; i++) {
      if (balances[i].isZero()) {
        throw new IllegalArgumentException("balances[" + i + "] is zero");
      }
      if (rates[i].isZero()) {
        throw new IllegalArgumentException("rates[" + i + "] is zero");
      }
      if (!check.mul(balances[i], rates[i])) {
        throw new IllegalArgumentException(
            "balances[" + i + "] × rates[" + i + "] overflows uint256");
      }
      check.div(check, PRECISION);
      if (check.isZero()) {
        throw new IllegalArgumentException("balances[" + i + "] × rates[" + i + "] / 1e18 is zero");
      }
      if (!check.fitsBits(128)) {
        throw new IllegalArgumentException(
            "balances[" + i + "] is absurd: " + check + " in 18-decimal units");
      }
    }
    if (amp.isZero() || amp.compareToUnsignedLong(1_000_000L * variant.aPrecision) > 0) {
      throw new IllegalArgumentException(
          "amp " + amp + " is outside [1, " + 1_000_000L * variant.aPrecision + "] for " + variant);
    }
    check.mul(amp, UInt256.ofUnsignedLong(count)); // Ann; amp is at most 1e8 here
    if (check.compareToUnsignedLong(variant.aPrecision) <= 0) {
      throw new IllegalArgumentException(
          "amp " + amp + " is too small: A·n must exceed A_PRECISION = " + variant.aPrecision);
    }
    if (fee.compareToUnsignedLong(MAX_FEE) > 0) {
      throw new IllegalArgumentException("fee " + fee + " is outside [0, 5e9] (over 1e10)");
    }
    if (adminFee.compareToUnsignedLong(FEE_DENOMINATOR) > 0) {
      throw new IllegalArgumentException("adminFee " + adminFee + " is outside [0, 1e10]");
    }
    for (int i = 0; i < count; i++) {
      this.balances[i].set(balances[i]);
      this.rates[i].set(rates[i]);
    }
    this.n = count;
    this.amp.set(amp);
    this.fee.set(fee);
    this.adminFee.set(adminFee);
    this.variant = variant;
    this.aPrecision.setUnsignedLong(variant.aPrecision);
    return this;
  }

  @Override
  public int tokenCount() {
    return n;
  }

  /** Internal balance of coin {@code i}, base units. Read-only view. */
  public UInt256 balance(final int i) {
    return balances[i];
  }

  /** Rate of coin {@code i}. Read-only view. */
  public UInt256 rate(final int i) {
    return rates[i];
  }

  /** Stored amplification. Read-only view. */
  public UInt256 amp() {
    return amp;
  }

  /** Fee over 1e10. Read-only view. */
  public UInt256 fee() {
    return fee;
  }

  /** The math variant. */
  public Variant variant() {
    return variant;
  }

  /**
   * {@code r = get_D(xp, amp)} of the current balances; {@code false} (see {@link #failure}) if it
   * reverts.
   */
  public boolean invariant(final UInt256 r) {
    failure = null;
    if (!prepare()) {
      return false;
    }
    r.set(d);
    return true;
  }

  /** Why the last exact simulation failed (also in the result). */
  public String failure() {
    return failure;
  }

  @Override
  public boolean exactIn(
      final int in, final int out, final UInt256 amountIn, final SwapResult result) {
    result.reset();
    if (!validPair(in, out, result) || !prepare()) {
      return failed(result);
    }
    if (!getDy(result.amountOut, in, out, amountIn, true)) {
      return failed(result);
    }
    result.amountIn.set(amountIn);
    return true;
  }

  /**
   * The contract's {@code get_dy(in, out, dx)} view. For {@link Variant#LEGACY} pools it takes the
   * fee after the rate division and may differ by a wei from what {@code exchange()} pays, which
   * {@link #exactIn} reports; for {@link Variant#FACTORY} pools the two agree.
   */
  public boolean viewGetDy(final int in, final int out, final UInt256 dx, final SwapResult result) {
    result.reset();
    if (!validPair(in, out, result) || !prepare()) {
      return failed(result);
    }
    if (!getDy(result.amountOut, in, out, dx, false)) {
      return failed(result);
    }
    result.amountIn.set(dx);
    return true;
  }

  @Override
  public boolean exactOut(
      final int in, final int out, final UInt256 amountOut, final SwapResult result) {
    result.reset();
    if (!validPair(in, out, result) || !prepare()) {
      return failed(result);
    }
    if (amountOut.compareTo(balances[out]) >= 0) {
      failure = OUTPUT_UNREACHABLE;
      return failed(result);
    }
    target.set(amountOut);
    // First guess: the inverse formula (NG pools' get_dx), else 1.
    if (!estimateDx(hi, in, out)) {
      hi.setUnsignedLong(1);
    }
    if (reaches(hi, in, out)) {
      // Walk down by doubling steps to a dx that falls short (or zero).
      step.setUnsignedLong(1);
      while (true) {
        if (hi.compareTo(step) <= 0) {
          lo.setZero();
          if (reaches(lo, in, out)) {
            result.amountIn.setZero();
            result.amountOut.set(amountOut);
            return true;
          }
          break;
        }
        lo.sub(hi, step);
        if (!reaches(lo, in, out)) {
          break;
        }
        hi.set(lo);
        step.add(step, step);
      }
    } else {
      // Walk up by doubling steps to a dx that reaches the target.
      step.setUnsignedLong(1);
      lo.set(hi);
      while (true) {
        if (!hi.add(lo, step) || hi.bitLength() > SEARCH_LIMIT_BITS) {
          failure = OUTPUT_UNREACHABLE;
          return failed(result);
        }
        if (reaches(hi, in, out)) {
          break;
        }
        if (failure == OVERFLOW) {
          failure = OUTPUT_UNREACHABLE;
          return failed(result);
        }
        lo.set(hi);
        step.add(step, step);
      }
    }
    // Invariant: lo falls short, hi reaches; bisect to adjacent integers.
    while (true) {
      mid.sub(hi, lo);
      if (mid.compareToUnsignedLong(1) <= 0) {
        break;
      }
      mid.shr(mid, 1);
      mid.add(lo, mid);
      if (reaches(mid, in, out)) {
        hi.set(mid);
      } else {
        lo.set(mid);
      }
    }
    result.amountIn.set(hi);
    result.amountOut.set(amountOut);
    return true;
  }

  /**
   * Moves the balances as {@code exchange(in, out, result.amountIn)} does: the input is credited in
   * full, the output and the admin share of the fee ({@code dy_fee · admin_fee}, converted to coin
   * units) leave the pool.
   */
  @Override
  public void apply(final int in, final int out, final SwapResult result) {
    if (!prepare() || !solveOutput(in, out, result.amountIn)) {
      return;
    }
    // exchange(): dy_fee in xp units, dy = (dy − dy_fee) · 1e18 / rate_j.
    if (!dyFee.mul(dy, fee)) {
      return;
    }
    dyFee.div(dyFee, FEE_DENOMINATOR_U);
    num.sub(dy, dyFee);
    num.mul(num, PRECISION);
    num.div(num, rates[out]);
    den.mul(dyFee, adminFee);
    den.div(den, FEE_DENOMINATOR_U);
    den.mul(den, PRECISION);
    den.div(den, rates[out]);
    balances[in].add(balances[in], result.amountIn);
    balances[out].sub(balances[out], num);
    balances[out].sub(balances[out], den);
  }

  /**
   * Sets coin {@code i}'s internal balance back to {@code value}, a balance this pool held before
   * (read from {@link #balance} and saved by the caller): how a route simulation undoes {@link
   * #apply}, since the fee and its admin share make trading back inexact. Not a way to load new
   * state ({@link #reset} validates that); this checks only what keeps the pool usable: the index,
   * a nonzero balance and {@code balance · rate} within uint256. Allocates nothing.
   *
   * @throws IllegalArgumentException naming the coin if the value would break those
   */
  public void restoreBalance(final int i, final UInt256 value) {
    if (i < 0 || i >= n) {
      throw new IllegalArgumentException("restoreBalance: coin " + i + " outside [0, " + n + ")");
    }
    if (value.isZero() || !t.mul(value, rates[i])) {
      throw new IllegalArgumentException(
          "restoreBalance: balances[" + i + "] = " + value + " is zero or overflows with its rate");
    }
    balances[i].set(value);
  }

  // ---------------------------------------------------------------- contract functions

  /** xp and D for the current balances. */
  private boolean prepare() {
    for (int i = 0; i < n; i++) {
      if (!xp[i].mul(rates[i], balances[i])) {
        return fail(OVERFLOW);
      }
      xp[i].div(xp[i], PRECISION);
    }
    return getD();
  }

  /** {@code get_D(xp, amp)} into {@code d}. */
  private boolean getD() {
    s.setZero();
    for (int i = 0; i < n; i++) {
      if (!s.add(s, xp[i])) {
        return fail(OVERFLOW);
      }
    }
    if (s.isZero()) {
      d.setZero();
      return true;
    }
    nU.setUnsignedLong(n);
    if (!ann.mul(amp, nU)) {
      return fail(OVERFLOW);
    }
    d.set(s);
    for (int round = 0; round < 255; round++) {
      dP.set(d);
      for (int i = 0; i < n; i++) {
        if (!dP.mul(dP, d) || !t.mul(xp[i], nU)) {
          return fail(OVERFLOW);
        }
        if (!dP.div(dP, t)) {
          return fail(DIVISION_BY_ZERO);
        }
      }
      prev.set(d);
      // (Ann·S/A_P + D_P·N)·D / ((Ann − A_P)·D/A_P + (N+1)·D_P)
      if (!num.mul(ann, s)) {
        return fail(OVERFLOW);
      }
      num.div(num, aPrecision);
      if (!t.mul(dP, nU)) {
        return fail(OVERFLOW);
      }
      if (!num.add(num, t)) {
        return fail(OVERFLOW);
      }
      if (!num.mul(num, d)) {
        return fail(OVERFLOW);
      }
      if (!den.sub(ann, aPrecision)) {
        return fail(UNDERFLOW);
      }
      if (!den.mul(den, d)) {
        return fail(OVERFLOW);
      }
      den.div(den, aPrecision);
      t.setUnsignedLong(n + 1);
      if (!t.mul(t, dP)) {
        return fail(OVERFLOW);
      }
      if (!den.add(den, t)) {
        return fail(OVERFLOW);
      }
      if (!d.div(num, den)) {
        return fail(DIVISION_BY_ZERO);
      }
      if (withinOne(d, prev)) {
        return true;
      }
    }
    return !variant.strict || fail(D_DID_NOT_CONVERGE);
  }

  /** {@code get_y(i, j, xNew, xp)} into {@code y}, with {@code d} already computed. */
  private boolean getY(final int i, final int j, final UInt256 xNew) {
    c.set(d);
    s.setZero();
    nU.setUnsignedLong(n);
    if (!ann.mul(amp, nU)) {
      return fail(OVERFLOW);
    }
    for (int k = 0; k < n; k++) {
      final UInt256 xk;
      if (k == i) {
        xk = xNew;
      } else if (k != j) {
        xk = xp[k];
      } else {
        continue;
      }
      if (!s.add(s, xk)) {
        return fail(OVERFLOW);
      }
      if (!c.mul(c, d) || !t.mul(xk, nU)) {
        return fail(OVERFLOW);
      }
      if (!c.div(c, t)) {
        return fail(DIVISION_BY_ZERO);
      }
    }
    // c = c·D·A_P / (Ann·N); b = S + D·A_P/Ann
    if (!c.mul(c, d) || !c.mul(c, aPrecision) || !t.mul(ann, nU)) {
      return fail(OVERFLOW);
    }
    if (!c.div(c, t)) {
      return fail(DIVISION_BY_ZERO);
    }
    if (!b.mul(d, aPrecision)) {
      return fail(OVERFLOW);
    }
    if (!b.div(b, ann)) {
      return fail(DIVISION_BY_ZERO);
    }
    if (!b.add(s, b)) {
      return fail(OVERFLOW);
    }
    y.set(d);
    for (int round = 0; round < 255; round++) {
      prev.set(y);
      // y = (y² + c) / (2y + b − D)
      if (!num.mul(y, y)) {
        return fail(OVERFLOW);
      }
      if (!num.add(num, c)) {
        return fail(OVERFLOW);
      }
      if (!den.add(y, y) || !den.add(den, b)) {
        return fail(OVERFLOW);
      }
      if (!den.sub(den, d)) {
        return fail(UNDERFLOW);
      }
      if (!y.div(num, den)) {
        return fail(DIVISION_BY_ZERO);
      }
      if (withinOne(y, prev)) {
        return true;
      }
    }
    return !variant.strict || fail(Y_DID_NOT_CONVERGE);
  }

  /** {@code dy = xp[j] − get_y(..) − 1} in xp units for an input of {@code dx}. */
  private boolean solveOutput(final int i, final int j, final UInt256 dx) {
    if (!x.mul(dx, rates[i])) {
      return fail(OVERFLOW);
    }
    x.div(x, PRECISION);
    if (!x.add(xp[i], x)) {
      return fail(OVERFLOW);
    }
    if (!getY(i, j, x)) {
      return false;
    }
    if (!dy.sub(xp[j], y) || !dy.subUnsignedLong(dy, 1)) {
      return fail(UNDERFLOW);
    }
    return true;
  }

  /**
   * The output of {@code dx} into {@code r}. {@code executed} gives what {@code exchange()} pays:
   * the fee taken in xp units before dividing by the rate, in every variant. Otherwise the
   * variant's {@code get_dy} view, which for {@link Variant#LEGACY} takes the fee after the rate
   * division and can differ from the executed amount by a wei.
   */
  private boolean getDy(
      final UInt256 r, final int i, final int j, final UInt256 dx, final boolean executed) {
    if (!solveOutput(i, j, dx)) {
      return false;
    }
    if (executed || variant == Variant.FACTORY) {
      if (!dyFee.mul(fee, dy)) {
        return fail(OVERFLOW);
      }
      dyFee.div(dyFee, FEE_DENOMINATOR_U);
      dy.sub(dy, dyFee);
      if (!r.mul(dy, PRECISION)) {
        return fail(OVERFLOW);
      }
      r.div(r, rates[j]);
      return true;
    }
    if (!r.mul(dy, PRECISION)) {
      return fail(OVERFLOW);
    }
    r.div(r, rates[j]);
    if (!dyFee.mul(fee, r)) {
      return fail(OVERFLOW);
    }
    dyFee.div(dyFee, FEE_DENOMINATOR_U);
    r.sub(r, dyFee);
    return true;
  }

  /** Whether {@code get_dy(dx)} succeeds and pays at least {@code target}. */
  private boolean reaches(final UInt256 dx, final int i, final int j) {
    failure = null;
    return getDy(probe, i, j, dx, true) && probe.compareTo(target) >= 0;
  }

  /**
   * NG {@code get_dx}: {@code y = xp_j − (dy·rate_j/1e18 + 1)·1e10/(1e10 − fee)}, {@code dx =
   * (get_y(j, i, y) − xp_i)·1e18/rate_i}; only a starting point for the search.
   */
  private boolean estimateDx(final UInt256 r, final int i, final int j) {
    if (!r.mul(target, rates[j])) {
      return false;
    }
    r.div(r, PRECISION);
    r.addUnsignedLong(r, 1);
    if (!r.mul(r, FEE_DENOMINATOR_U)) {
      return false;
    }
    t.setUnsignedLong(FEE_DENOMINATOR);
    t.sub(t, fee);
    r.div(r, t);
    if (!x.sub(xp[j], r) || x.isZero()) {
      return false;
    }
    if (!getY(j, i, x) || !r.sub(y, xp[i])) {
      return false;
    }
    if (!r.mul(r, PRECISION)) {
      return false;
    }
    r.div(r, rates[i]);
    return true;
  }

  private boolean withinOne(final UInt256 a, final UInt256 previous) {
    if (a.compareTo(previous) > 0) {
      t.sub(a, previous);
    } else {
      t.sub(previous, a);
    }
    return t.compareToUnsignedLong(1) <= 0;
  }

  private boolean fail(final String reason) {
    failure = reason;
    return false;
  }

  private boolean failed(final SwapResult result) {
    return result.fail(failure);
  }

  private boolean validPair(final int in, final int out, final SwapResult result) {
    failure = null;
    if (in < 0 || out < 0 || in >= n || out >= n) {
      return fail(TOKEN_OUT_OF_RANGE);
    }
    if (in == out) {
      return fail(SAME_TOKEN);
    }
    return true;
  }

  private static UInt256[] holders(final int count) {
    final UInt256[] a = new UInt256[count];
    for (int i = 0; i < count; i++) {
      a[i] = new UInt256();
    }
    return a;
  }
}
