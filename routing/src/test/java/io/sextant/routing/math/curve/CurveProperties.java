package io.sextant.routing.math.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.curve.CurveStableSwapPool.Variant;
import io.sextant.routing.math.u256.U256Arbitraries;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Curve get_dy (both variants) and the exact-out search against the BigInteger model. */
class CurveProperties {
  private static final int[] DECIMALS = {6, 8, 18};

  /** A random realistic plain pool and one trade on it. */
  record Case(
      BigInteger[] balances,
      BigInteger[] rates,
      BigInteger amp,
      BigInteger fee,
      boolean factory,
      int in,
      int out,
      BigInteger amount) {
    @Override
    public String toString() {
      return "balances="
          + Arrays.toString(balances)
          + " rates="
          + Arrays.toString(rates)
          + " amp="
          + amp
          + " fee="
          + fee
          + " factory="
          + factory
          + " "
          + in
          + "->"
          + out
          + " amount="
          + amount;
    }
  }

  static Case randomCase(final Random r) {
    final int n = 2 + r.nextInt(3);
    final boolean factory = r.nextBoolean();
    final BigInteger[] balances = new BigInteger[n];
    final BigInteger[] rates = new BigInteger[n];
    final double poolSize = Math.pow(10, -1 + r.nextDouble() * 11);
    final double spread = r.nextInt(5) == 0 ? 5 : 1;
    for (int i = 0; i < n; i++) {
      final int d = DECIMALS[r.nextInt(DECIMALS.length)];
      final double tokens = poolSize * Math.pow(10, (r.nextDouble() - 0.5) * 2 * spread);
      final BigInteger b = new BigDecimal(tokens).movePointRight(d).toBigInteger();
      balances[i] = b.signum() == 0 ? BigInteger.ONE : b;
      rates[i] = BigInteger.TEN.pow(36 - d);
    }
    final long a = new long[] {1, 10, 50, 100, 200, 1000, 2000, 5000}[r.nextInt(8)];
    final BigInteger amp =
        BigInteger.valueOf(r.nextBoolean() ? a : 1 + r.nextInt(10_000))
            .multiply(BigInteger.valueOf(factory ? 100 : 1));
    final BigInteger fee =
        r.nextInt(4) == 0
            ? BigInteger.ZERO
            : BigInteger.valueOf(new long[] {1_000_000, 4_000_000, 30_000_000}[r.nextInt(3)]);
    final int in = r.nextInt(n);
    int out = r.nextInt(n - 1);
    if (out >= in) {
      out++;
    }
    final BigInteger ref = r.nextBoolean() ? balances[in] : balances[out];
    final BigInteger amount =
        switch (r.nextInt(6)) {
          case 0 -> BigInteger.valueOf(r.nextInt(1000));
          case 1 -> U256Arbitraries.sample(r, 1 + r.nextInt(100));
          case 2 ->
              ref.multiply(BigInteger.valueOf(800 + r.nextInt(400)))
                  .divide(BigInteger.valueOf(1000));
          default -> {
            final BigInteger lim = ref.shiftRight(r.nextInt(40));
            yield lim.signum() == 0 ? BigInteger.ONE : new BigInteger(lim.bitLength(), r).mod(lim);
          }
        };
    return new Case(balances, rates, amp, fee, factory, in, out, amount);
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(CurveProperties::randomCase);
  }

  private static UInt256[] holders(final BigInteger[] v) {
    final UInt256[] h = new UInt256[v.length];
    for (int i = 0; i < v.length; i++) {
      h[i] = UInt256.of(v[i]);
    }
    return h;
  }

  private static BigInteger modelDy(final Case c, final BigInteger dx) {
    return modelDy(c, dx, false);
  }

  private static BigInteger modelDy(final Case c, final BigInteger dx, final boolean view) {
    try {
      return CurveModel.getDy(
          c.balances(), c.rates(), c.amp(), c.fee(), c.factory(), c.in(), c.out(), dx, view);
    } catch (CurveModel.Revert e) {
      return null;
    }
  }

  private final CurveStableSwapPool pool = new CurveStableSwapPool();
  private final SwapResult result = new SwapResult();
  private static final UInt256 ADMIN_FEE = UInt256.ofUnsignedLong(5_000_000_000L);

  @Property(tries = 100_000)
  void getDyAndExactOutMatchModel(@ForAll("cases") final Case c) {
    pool.reset(
        holders(c.balances()),
        holders(c.rates()),
        UInt256.of(c.amp()),
        UInt256.of(c.fee()),
        ADMIN_FEE,
        c.factory() ? Variant.FACTORY : Variant.LEGACY);
    final BigInteger expected = modelDy(c, c.amount());
    final boolean ok = pool.exactIn(c.in(), c.out(), UInt256.of(c.amount()), result);
    assertEquals(
        expected == null ? "revert" : expected.toString(),
        ok ? result.amountOut.toString() : "revert",
        c::toString);
    final BigInteger view = modelDy(c, c.amount(), true);
    final boolean viewOk = pool.viewGetDy(c.in(), c.out(), UInt256.of(c.amount()), result);
    assertEquals(
        view == null ? "revert" : view.toString(),
        viewOk ? result.amountOut.toString() : "revert",
        c::toString);

    // Exact out: the answer buys enough, one wei less does not (per the model).
    if (pool.exactOut(c.in(), c.out(), UInt256.of(c.amount()), result)) {
      final BigInteger dx = result.amountIn.toBigInteger();
      final BigInteger got = modelDy(c, dx);
      assertTrue(got != null && got.compareTo(c.amount()) >= 0, () -> "dx=" + dx + " " + c);
      if (dx.signum() > 0) {
        final BigInteger less = modelDy(c, dx.subtract(BigInteger.ONE));
        assertTrue(less == null || less.compareTo(c.amount()) < 0, () -> "dx=" + dx + " " + c);
      }
    } else if (c.amount().compareTo(c.balances()[c.out()]) < 0) {
      // Unreachable only if even a huge input does not pay that much.
      final BigInteger huge = modelDy(c, c.balances()[c.in()].shiftLeft(40));
      assertTrue(huge == null || huge.compareTo(c.amount()) < 0, () -> result.failure() + " " + c);
    }
  }
}
