package io.sextant.routing.math.balancer;

import io.sextant.routing.math.u256.UInt256;

/**
 * Balancer V2 {@code StableMath.sol} (the version of the composable stable pools, which the CoW
 * reference solver also uses for every {@code stable} pool): the StableSwap invariant and the
 * balance of one token given the invariant and the others, both by Newton iteration with the
 * contract's roundings and its 255-round limits, on upscaled 18-decimal balances.
 *
 * <p>The amplification parameter is {@code A · AMP_PRECISION} (A = 100 is 100000). The invariant
 * rounds down; a balance given the invariant rounds up; {@code calcOutGivenIn} subtracts one more
 * wei and {@code calcInGivenOut} adds one, both in the pool's favour.
 *
 * <p>Checked operations ({@code Math.mul}, {@code add}, {@code sub}, divisions) fail with the
 * contract's error; the few the contract leaves unchecked wrap here too. An instance holds its
 * temporaries: allocation-free after warm-up, not thread-safe.
 */
public final class StableMath {
  /** {@code _AMP_PRECISION}. */
  public static final long AMP_PRECISION = 1000;

  /** {@code _MIN_AMP} · precision. */
  public static final long MIN_AMP = 1 * AMP_PRECISION;

  /** {@code _MAX_AMP} · precision. */
  public static final long MAX_AMP = 5000 * AMP_PRECISION;

  /** {@code _MAX_STABLE_TOKENS}. */
  public static final int MAX_TOKENS = 5;

  private static final UInt256 AMP_PRECISION_U = UInt256.ofUnsignedLong(AMP_PRECISION);
  private static final UInt256 TWO = UInt256.ofUnsignedLong(2);

  private final UInt256 sum = new UInt256();
  private final UInt256 prev = new UInt256();
  private final UInt256 dP = new UInt256();
  private final UInt256 ampTimesTotal = new UInt256();
  private final UInt256 numTokens = new UInt256();
  private final UInt256 numTokensPlusOne = new UInt256();
  private final UInt256 num = new UInt256();
  private final UInt256 den = new UInt256();
  private final UInt256 t = new UInt256();
  private final UInt256 inv2 = new UInt256();
  private final UInt256 c = new UInt256();
  private final UInt256 b = new UInt256();
  private final UInt256 y = new UInt256();
  private final UInt256 finalBalance = new UInt256();
  private final UInt256 diff = new UInt256();
  private String failure;

  /** Why the last call returned {@code false}. */
  public String failure() {
    return failure;
  }

  private boolean fail(final String reason) {
    failure = reason;
    return false;
  }

  private boolean mulFail() {
    return fail(BalancerErrors.MUL_OVERFLOW);
  }

  /**
   * {@code r = D}, the invariant of {@code balances[0..n)} (zero if they sum to zero), rounded
   * down. Fails on overflow, a zero balance ({@code ZERO_DIVISION}) or after 255 rounds.
   */
  public boolean calculateInvariant(
      final UInt256 r, final UInt256 amp, final UInt256[] balances, final int n) {
    sum.setZero();
    for (int i = 0; i < n; i++) {
      if (!sum.add(sum, balances[i])) {
        return fail(BalancerErrors.ADD_OVERFLOW);
      }
    }
    if (sum.isZero()) {
      r.setZero();
      return true;
    }
    numTokens.setUnsignedLong(n);
    numTokensPlusOne.setUnsignedLong(n + 1);
    ampTimesTotal.mul(amp, numTokens); // unchecked in the contract
    final UInt256 invariant = y;
    invariant.set(sum);
    for (int round = 0; round < 255; round++) {
      dP.set(invariant);
      for (int j = 0; j < n; j++) {
        if (!dP.mul(dP, invariant) || !t.mul(balances[j], numTokens)) {
          return mulFail();
        }
        if (!dP.div(dP, t)) {
          return fail(BalancerErrors.ZERO_DIVISION);
        }
      }
      prev.set(invariant);
      // ((ampTimesTotal · sum) / AMP_PRECISION + D_P · n) · D
      if (!num.mul(ampTimesTotal, sum) || !t.mul(dP, numTokens)) {
        return mulFail();
      }
      num.div(num, AMP_PRECISION_U);
      if (!num.add(num, t)) {
        return fail(BalancerErrors.ADD_OVERFLOW);
      }
      if (!num.mul(num, invariant)) {
        return mulFail();
      }
      // ((ampTimesTotal − AMP_PRECISION) · D) / AMP_PRECISION + (n + 1) · D_P
      den.sub(ampTimesTotal, AMP_PRECISION_U); // unchecked in the contract
      if (!den.mul(den, invariant) || !t.mul(numTokensPlusOne, dP)) {
        return mulFail();
      }
      den.div(den, AMP_PRECISION_U);
      if (!den.add(den, t)) {
        return fail(BalancerErrors.ADD_OVERFLOW);
      }
      if (!invariant.div(num, den)) {
        return fail(BalancerErrors.ZERO_DIVISION);
      }
      if (withinOne(invariant, prev)) {
        r.set(invariant);
        return true;
      }
    }
    return fail(BalancerErrors.STABLE_INVARIANT_DIDNT_CONVERGE);
  }

  /**
   * {@code r} = the balance of {@code token} that keeps {@code invariant} given the other balances,
   * rounded up; 255 Newton rounds at most ({@code STABLE_GET_BALANCE_DIDNT_CONVERGE}).
   */
  public boolean balanceGivenInvariant(
      final UInt256 r,
      final UInt256 amp,
      final UInt256[] balances,
      final int n,
      final UInt256 invariant,
      final int token) {
    numTokens.setUnsignedLong(n);
    ampTimesTotal.mul(amp, numTokens);
    sum.set(balances[0]);
    dP.mul(balances[0], numTokens); // unchecked in the contract
    for (int j = 1; j < n; j++) {
      if (!dP.mul(dP, balances[j]) || !dP.mul(dP, numTokens)) {
        return mulFail();
      }
      if (!dP.div(dP, invariant)) {
        return fail(BalancerErrors.ZERO_DIVISION);
      }
      if (!sum.add(sum, balances[j])) {
        return fail(BalancerErrors.ADD_OVERFLOW);
      }
    }
    sum.sub(sum, balances[token]); // unchecked: sum includes it
    if (!inv2.mul(invariant, invariant)) {
      return mulFail();
    }
    // c = divUp(D², ampTimesTotal · P_D) · AMP_PRECISION · balances[token]
    if (!t.mul(ampTimesTotal, dP)) {
      return mulFail();
    }
    if (!divUp(c, inv2, t)) {
      return fail(BalancerErrors.ZERO_DIVISION);
    }
    if (!c.mul(c, AMP_PRECISION_U) || !c.mul(c, balances[token])) {
      return mulFail();
    }
    // b = sum + (D / ampTimesTotal) · AMP_PRECISION
    if (!b.div(invariant, ampTimesTotal)) {
      return fail(BalancerErrors.ZERO_DIVISION);
    }
    if (!b.mul(b, AMP_PRECISION_U)) {
      return mulFail();
    }
    if (!b.add(sum, b)) {
      return fail(BalancerErrors.ADD_OVERFLOW);
    }
    // y0 = divUp(D² + c, D + b)
    if (!num.add(inv2, c) || !den.add(invariant, b)) {
      return fail(BalancerErrors.ADD_OVERFLOW);
    }
    if (!divUp(y, num, den)) {
      return fail(BalancerErrors.ZERO_DIVISION);
    }
    for (int round = 0; round < 255; round++) {
      prev.set(y);
      // y = divUp(y² + c, 2y + b − D)
      if (!num.mul(y, y)) {
        return mulFail();
      }
      if (!num.add(num, c)) {
        return fail(BalancerErrors.ADD_OVERFLOW);
      }
      if (!den.mul(y, TWO)) {
        return mulFail();
      }
      if (!den.add(den, b)) {
        return fail(BalancerErrors.ADD_OVERFLOW);
      }
      if (!den.sub(den, invariant)) {
        return fail(BalancerErrors.SUB_OVERFLOW);
      }
      if (!divUp(y, num, den)) {
        return fail(BalancerErrors.ZERO_DIVISION);
      }
      if (withinOne(y, prev)) {
        r.set(y);
        return true;
      }
    }
    return fail(BalancerErrors.STABLE_GET_BALANCE_DIDNT_CONVERGE);
  }

  /**
   * {@code r} = amount of {@code out} paid for {@code amountIn} of {@code in} (upscaled, fee
   * already off): {@code balances[out] − newBalance − 1}. {@code balances} is restored.
   */
  public boolean calcOutGivenIn(
      final UInt256 r,
      final UInt256 amp,
      final UInt256[] balances,
      final int n,
      final int in,
      final int out,
      final UInt256 amountIn,
      final UInt256 invariant) {
    final UInt256 balanceIn = balances[in];
    if (!balanceIn.add(balanceIn, amountIn)) {
      balanceIn.sub(balanceIn, amountIn);
      return fail(BalancerErrors.ADD_OVERFLOW);
    }
    final boolean ok = balanceGivenInvariant(finalBalance, amp, balances, n, invariant, out);
    balanceIn.sub(balanceIn, amountIn);
    if (!ok) {
      return false;
    }
    if (!r.sub(balances[out], finalBalance) || !r.subUnsignedLong(r, 1)) {
      return fail(BalancerErrors.SUB_OVERFLOW);
    }
    return true;
  }

  /**
   * {@code r} = amount of {@code in} needed for {@code amountOut} of {@code out} (upscaled, before
   * the fee): {@code newBalance − balances[in] + 1}. {@code balances} is restored.
   */
  public boolean calcInGivenOut(
      final UInt256 r,
      final UInt256 amp,
      final UInt256[] balances,
      final int n,
      final int in,
      final int out,
      final UInt256 amountOut,
      final UInt256 invariant) {
    final UInt256 balanceOut = balances[out];
    if (!balanceOut.sub(balanceOut, amountOut)) {
      balanceOut.add(balanceOut, amountOut);
      return fail(BalancerErrors.SUB_OVERFLOW);
    }
    final boolean ok = balanceGivenInvariant(finalBalance, amp, balances, n, invariant, in);
    balanceOut.add(balanceOut, amountOut);
    if (!ok) {
      return false;
    }
    if (!r.sub(finalBalance, balances[in])) {
      return fail(BalancerErrors.SUB_OVERFLOW);
    }
    if (!r.addUnsignedLong(r, 1)) {
      return fail(BalancerErrors.ADD_OVERFLOW);
    }
    return true;
  }

  /** Solidity-utils {@code Math.divUp}: zero for {@code a = 0}, else {@code 1 + (a − 1) / b}. */
  private static boolean divUp(final UInt256 r, final UInt256 a, final UInt256 d) {
    if (d.isZero()) {
      return false;
    }
    return r.divRoundingUp(a, d);
  }

  /** The loops' stop rule: |x − previous| ≤ 1. */
  private boolean withinOne(final UInt256 x, final UInt256 previous) {
    if (x.compareTo(previous) > 0) {
      diff.sub(x, previous);
    } else {
      diff.sub(previous, x);
    }
    return diff.compareToUnsignedLong(1) <= 0;
  }
}
