package io.sextant.routing.math.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.U256Arbitraries;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The stable pool against the independent BigInteger model of StableMath, 0 mismatches. */
class BalancerStableProperties {
  private static final int[] DECIMALS = {6, 8, 18};

  /** A random realistic stable pool (BPT possibly registered) and one trade on it. */
  record Case(
      BigInteger[] balances,
      BigInteger[] scaling,
      BigInteger amp,
      BigInteger fee,
      int bpt,
      int in,
      int out,
      BigInteger amount) {
    @Override
    public String toString() {
      return "balances="
          + Arrays.toString(balances)
          + " scaling="
          + Arrays.toString(scaling)
          + " amp="
          + amp
          + " fee="
          + fee
          + " bpt="
          + bpt
          + " "
          + in
          + "->"
          + out
          + " amount="
          + amount;
    }
  }

  static Case randomCase(final Random r) {
    final int n = 2 + r.nextInt(4);
    final int bpt = r.nextInt(3) == 0 ? r.nextInt(n + 1) : -1;
    final int m = bpt < 0 ? n : n + 1;
    final BigInteger[] balances = new BigInteger[m];
    final BigInteger[] scaling = new BigInteger[m];
    // Whole-token size of the pool: 1e-2 .. 1e10, each token within ~1e±3 of it (or wilder).
    final double poolSize = Math.pow(10, -2 + r.nextDouble() * 12);
    final double spread = r.nextInt(5) == 0 ? 6 : 1;
    for (int i = 0; i < m; i++) {
      if (i == bpt) {
        balances[i] = BigInteger.ONE.shiftLeft(111).subtract(BigInteger.valueOf(r.nextInt(1000)));
        scaling[i] = BalancerModel.ONE;
        continue;
      }
      final int d = DECIMALS[r.nextInt(DECIMALS.length)];
      final double tokens = poolSize * Math.pow(10, (r.nextDouble() - 0.5) * 2 * spread);
      BigInteger b = new java.math.BigDecimal(tokens).movePointRight(d).toBigInteger();
      balances[i] =
          b.signum() == 0
              ? BigInteger.ONE
              : b.min(BigInteger.ONE.shiftLeft(112).subtract(BigInteger.ONE));
      BigInteger s = BalancerModel.ONE.multiply(BigInteger.TEN.pow(18 - d));
      if (r.nextInt(4) == 0) {
        // A rate provider: scale by a rate in [1, 1.2).
        s =
            s.multiply(BalancerModel.ONE.add(BigInteger.valueOf((long) (r.nextDouble() * 2e17))))
                .divide(BalancerModel.ONE);
      }
      scaling[i] = s;
    }
    final BigInteger amp =
        switch (r.nextInt(4)) {
          case 0 -> BigInteger.valueOf(1000L * (1 + r.nextInt(5000)));
          case 1 ->
              BigInteger.valueOf(
                  new long[] {50_000, 100_000, 200_000, 570_000, 5_000_000}[r.nextInt(5)]);
          default -> BigInteger.valueOf(1000 + r.nextInt(4_999_001));
        };
    final BigInteger fee =
        r.nextInt(3) == 0
            ? BigInteger.valueOf(100_000_000_000_000L)
            : BigInteger.valueOf(1_000_000_000_000L + (long) (r.nextDouble() * 1e17));
    int in;
    int out;
    do {
      in = r.nextInt(m);
      out = r.nextInt(m);
    } while (in == out || in == bpt || out == bpt);
    final BigInteger ref = r.nextBoolean() ? balances[in] : balances[out];
    final BigInteger amount =
        switch (r.nextInt(6)) {
          case 0 -> BigInteger.valueOf(r.nextInt(1000));
          case 1 -> U256Arbitraries.sample(r, 1 + r.nextInt(100));
          case 2 ->
              ref.multiply(BigInteger.valueOf(900 + r.nextInt(200)))
                  .divide(BigInteger.valueOf(1000));
          default -> {
            final BigInteger lim = ref.shiftRight(r.nextInt(50));
            yield lim.signum() == 0 ? BigInteger.ONE : new BigInteger(lim.bitLength(), r).mod(lim);
          }
        };
    return new Case(balances, scaling, amp, fee, bpt, in, out, amount);
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(BalancerStableProperties::randomCase);
  }

  private static UInt256[] holders(final BigInteger[] v) {
    final UInt256[] h = new UInt256[v.length];
    for (int i = 0; i < v.length; i++) {
      h[i] = UInt256.of(v[i]);
    }
    return h;
  }

  private static String model(final java.util.function.Supplier<BigInteger> f) {
    try {
      return f.get().toString();
    } catch (BalancerModel.Revert e) {
      return "revert " + e.getMessage();
    }
  }

  private static BigInteger[] withoutBpt(final BigInteger[] v, final int bpt) {
    if (bpt < 0) {
      return v;
    }
    final BigInteger[] r = new BigInteger[v.length - 1];
    for (int i = 0, k = 0; i < v.length; i++) {
      if (i != bpt) {
        r[k++] = v[i];
      }
    }
    return r;
  }

  private final BalancerStablePool pool = new BalancerStablePool();
  private final SwapResult result = new SwapResult();

  @Property(tries = 100_000)
  void stableSwapsMatchModel(@ForAll("cases") final Case c) {
    pool.reset(
        holders(c.balances()),
        holders(c.scaling()),
        UInt256.of(c.amp()),
        UInt256.of(c.fee()),
        c.bpt());
    final BigInteger[] b = withoutBpt(c.balances(), c.bpt());
    final BigInteger[] s = withoutBpt(c.scaling(), c.bpt());
    final int i = c.bpt() >= 0 && c.in() > c.bpt() ? c.in() - 1 : c.in();
    final int j = c.bpt() >= 0 && c.out() > c.bpt() ? c.out() - 1 : c.out();

    final String expectedOut =
        model(() -> BalancerModel.stableSwapGivenIn(c.amp(), b, s, c.fee(), i, j, c.amount()));
    final boolean okIn = pool.exactIn(c.in(), c.out(), UInt256.of(c.amount()), result);
    assertEquals(
        expectedOut,
        okIn ? result.amountOut.toString() : "revert " + result.failure(),
        c::toString);

    final String expectedIn =
        model(() -> BalancerModel.stableSwapGivenOut(c.amp(), b, s, c.fee(), i, j, c.amount()));
    final boolean okOut = pool.exactOut(c.in(), c.out(), UInt256.of(c.amount()), result);
    assertEquals(
        expectedIn, okOut ? result.amountIn.toString() : "revert " + result.failure(), c::toString);
  }
}
