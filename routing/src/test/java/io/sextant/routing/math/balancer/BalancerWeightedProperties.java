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

/** LogExpMath and the weighted pool against the independent BigInteger model, 0 mismatches. */
class BalancerWeightedProperties {
  private static final int[] DECIMALS = {6, 8, 18};

  /** A random but realistic weighted pool and one trade on it. */
  record Case(
      BigInteger[] balances,
      BigInteger[] scaling,
      BigInteger[] weights,
      BigInteger fee,
      boolean v3Plus,
      int in,
      int out,
      BigInteger amount) {
    @Override
    public String toString() {
      return "balances="
          + Arrays.toString(balances)
          + " scaling="
          + Arrays.toString(scaling)
          + " weights="
          + Arrays.toString(weights)
          + " fee="
          + fee
          + " v3Plus="
          + v3Plus
          + " "
          + in
          + "->"
          + out
          + " amount="
          + amount;
    }
  }

  static BigInteger randomBalance(final Random r, final int decimals) {
    // From a few base units to 10^(decimals + 11): dust pools up to whale pools.
    final int digits = 1 + r.nextInt(decimals + 11);
    final BigInteger lead = BigInteger.valueOf(1 + r.nextInt(9));
    return lead.multiply(BigInteger.TEN.pow(digits - 1))
        .add(new BigInteger(Math.max(1, (int) (digits * 3.3) - 1), r));
  }

  /** Amounts relative to the balance: dust, ordinary, near and past the 30% limit, or raw. */
  static BigInteger randomAmount(final Random r, final BigInteger balance) {
    return switch (r.nextInt(6)) {
      case 0 -> BigInteger.valueOf(r.nextInt(1000));
      case 1 -> U256Arbitraries.sample(r, 1 + r.nextInt(120));
      case 2 ->
          balance
              .multiply(BigInteger.valueOf(280 + r.nextInt(160)))
              .divide(BigInteger.valueOf(1000));
      default -> {
        final BigInteger m = balance.shiftRight(r.nextInt(60));
        yield m.signum() == 0 ? BigInteger.ONE : new BigInteger(m.bitLength(), r).mod(m);
      }
    };
  }

  static BigInteger[] randomWeights(final Random r, final int n) {
    // Normalised like the factory: each at least 1%, summing to exactly 1e18.
    final BigInteger one = BalancerModel.ONE;
    final long min = 10_000_000_000_000_000L;
    final long spare = 1_000_000_000_000_000_000L - n * min;
    final double[] raw = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      raw[i] = r.nextInt(4) == 0 ? 1.0 : r.nextDouble();
      total += raw[i];
    }
    final BigInteger[] w = new BigInteger[n];
    BigInteger sum = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      long part = (long) (spare * (raw[i] / total));
      if (r.nextBoolean()) {
        part = part / 10_000_000_000_000_000L * 10_000_000_000_000_000L; // round weights
      }
      w[i] = BigInteger.valueOf(min + part);
      sum = sum.add(w[i]);
    }
    w[n - 1] = w[n - 1].add(one.subtract(sum));
    return w;
  }

  static Case randomCase(final Random r) {
    final int n = 2 + r.nextInt(7);
    final BigInteger[] balances = new BigInteger[n];
    final BigInteger[] scaling = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      final int d = DECIMALS[r.nextInt(DECIMALS.length)];
      balances[i] = randomBalance(r, d);
      scaling[i] = BalancerModel.ONE.multiply(BigInteger.TEN.pow(18 - d));
    }
    final BigInteger[] weights =
        r.nextInt(4) == 0
            ? switch (n) {
              case 2 ->
                  r.nextBoolean()
                      ? new BigInteger[] {
                        BalancerModel.bi("500000000000000000"),
                        BalancerModel.bi("500000000000000000")
                      }
                      : new BigInteger[] {
                        BalancerModel.bi("800000000000000000"),
                        BalancerModel.bi("200000000000000000")
                      };
              default -> randomWeights(r, n);
            }
            : randomWeights(r, n);
    final BigInteger fee =
        switch (r.nextInt(4)) {
          case 0 -> BigInteger.valueOf(3_000_000_000_000_000L);
          case 1 -> BigInteger.ZERO;
          default -> BigInteger.valueOf(1_000_000_000_000L + (long) (r.nextDouble() * 1e17));
        };
    final int in = r.nextInt(n);
    int out = r.nextInt(n - 1);
    if (out >= in) {
      out++;
    }
    final BigInteger ref = r.nextBoolean() ? balances[in] : balances[out];
    return new Case(
        balances, scaling, weights, fee, r.nextBoolean(), in, out, randomAmount(r, ref));
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(BalancerWeightedProperties::randomCase);
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
      final BigInteger v = f.get();
      return v.compareTo(BalancerModel.MAX) > 0 ? "overflow" : v.toString();
    } catch (BalancerModel.Revert e) {
      return "revert " + e.getMessage();
    }
  }

  private static String actual(final boolean ok, final UInt256 value, final SwapResult r) {
    return ok ? value.toString() : "revert " + r.failure();
  }

  /** Per-thread pool, reused like the engine does. */
  private final BalancerWeightedPool pool = new BalancerWeightedPool();

  private final SwapResult result = new SwapResult();

  @Property(tries = 100_000)
  void weightedSwapsMatchModel(@ForAll("cases") final Case c) {
    pool.reset(
        holders(c.balances()),
        holders(c.scaling()),
        holders(c.weights()),
        UInt256.of(c.fee()),
        c.v3Plus() ? WeightedPoolVersion.V3_PLUS : WeightedPoolVersion.V0);
    final String expectedOut =
        model(
            () ->
                BalancerModel.weightedSwapGivenIn(
                    c.balances(),
                    c.scaling(),
                    c.weights(),
                    c.fee(),
                    c.v3Plus(),
                    c.in(),
                    c.out(),
                    c.amount()));
    final boolean okIn = pool.exactIn(c.in(), c.out(), UInt256.of(c.amount()), result);
    assertEquals(expectedOut, actual(okIn, result.amountOut, result), c::toString);

    final String expectedIn =
        model(
            () ->
                BalancerModel.weightedSwapGivenOut(
                    c.balances(),
                    c.scaling(),
                    c.weights(),
                    c.fee(),
                    c.v3Plus(),
                    c.in(),
                    c.out(),
                    c.amount()));
    final boolean okOut = pool.exactOut(c.in(), c.out(), UInt256.of(c.amount()), result);
    assertEquals(expectedIn, actual(okOut, result.amountIn, result), c::toString);
  }

  /** Bases and exponents of every width and sign region, including the reverting ones. */
  static BigInteger[] randomPowArgs(final Random r) {
    final BigInteger one = BalancerModel.ONE;
    final BigInteger x =
        switch (r.nextInt(5)) {
          case 0 -> one.add(BigInteger.valueOf((long) ((r.nextDouble() - 0.5) * 3e17)));
          case 1 -> U256Arbitraries.sample(r, 60);
          case 2 -> U256Arbitraries.sample(r, 256);
          default -> U256Arbitraries.sample(r, 100);
        };
    final BigInteger y =
        switch (r.nextInt(4)) {
          case 0 -> one.multiply(BigInteger.valueOf(r.nextInt(5)));
          case 1 -> U256Arbitraries.sample(r, 256);
          default -> U256Arbitraries.sample(r, 68);
        };
    return new BigInteger[] {x, y};
  }

  @Provide
  Arbitrary<BigInteger[]> powArgs() {
    return Arbitraries.randomValue(BalancerWeightedProperties::randomPowArgs);
  }

  private final LogExpMath logExp = new LogExpMath();
  private final UInt256 r1 = new UInt256();
  private final UInt256 scratch = new UInt256();

  @Property(tries = 50_000)
  void powAndPowUpDownMatchModel(@ForAll("powArgs") final BigInteger[] args) {
    final BigInteger x = args[0];
    final BigInteger y = args[1];
    final String desc = "x=" + x + " y=" + y;
    assertEquals(
        model(() -> BalancerModel.pow(x, y)),
        logExp.pow(r1, UInt256.of(x), UInt256.of(y)) ? r1.toString() : "revert " + logExp.failure(),
        desc);
    for (final boolean shortcuts : new boolean[] {false, true}) {
      assertEquals(
          model(() -> BalancerModel.powUp(x, y, shortcuts)),
          FixedPoint.powUp(r1, UInt256.of(x), UInt256.of(y), shortcuts, logExp, scratch)
              ? r1.toString()
              : "revert " + logExp.failure(),
          desc);
      assertEquals(
          model(() -> BalancerModel.powDown(x, y, shortcuts)),
          FixedPoint.powDown(r1, UInt256.of(x), UInt256.of(y), shortcuts, logExp, scratch)
              ? r1.toString()
              : "revert " + logExp.failure(),
          desc);
    }
    if (x.signum() > 0 && x.bitLength() < 256) {
      assertEquals(
          model(() -> BalancerModel.ln(x)),
          logExp.ln(r1, UInt256.of(x))
              ? r1.toSignedBigInteger().toString()
              : "revert " + logExp.failure(),
          desc);
    }
  }

  @Property(tries = 20_000)
  void expMatchesModel(@ForAll("powArgs") final BigInteger[] args) {
    // Signed arguments around the valid window [-41, 130].
    final BigInteger x =
        args[0]
            .mod(BigInteger.valueOf(180).multiply(BalancerModel.ONE))
            .subtract(BigInteger.valueOf(45).multiply(BalancerModel.ONE));
    final UInt256 in = new UInt256().set(x);
    assertEquals(
        model(() -> BalancerModel.exp(x)),
        logExp.exp(r1, in) ? r1.toString() : "revert " + logExp.failure(),
        () -> "x=" + x);
  }
}
