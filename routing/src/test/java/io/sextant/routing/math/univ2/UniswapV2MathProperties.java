package io.sextant.routing.math.univ2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.U256Arbitraries;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * UniswapV2Math against a BigInteger port of UniswapV2Library and the pair's checks, with the
 * Solidity order of reverts.
 */
class UniswapV2MathProperties {
  private static final BigInteger MAX112 = BigInteger.ONE.shiftLeft(112).subtract(BigInteger.ONE);

  /** One random case: amount, reserveIn, reserveOut, fee n, fee d. */
  record Case(BigInteger amount, BigInteger rin, BigInteger rout, long n, long d) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.randomValue(UniswapV2MathProperties::sample);
  }

  static Case sample(final Random r) {
    final long[][] fees = {{3, 1000}, {25, 10000}, {0, 1}, {1, 10000}, {1, 100}, {997, 1000}};
    final long[] fee =
        r.nextInt(5) == 0
            ? new long[] {r.nextInt(1_000_000), 1_000_000}
            : fees[r.nextInt(fees.length)];
    final BigInteger rin = U256Arbitraries.sample(r, 1 + r.nextInt(112));
    final BigInteger rout = U256Arbitraries.sample(r, 1 + r.nextInt(112));
    final BigInteger amount =
        switch (r.nextInt(4)) {
          case 0 -> U256Arbitraries.sample(r, 256);
          case 1 -> rout.subtract(BigInteger.valueOf(r.nextInt(3))).max(BigInteger.ZERO);
          default -> U256Arbitraries.sample(r, 1 + r.nextInt(112));
        };
    return new Case(amount, rin, rout, fee[0], fee[1]);
  }

  /** The library then the pair, as BigInteger; returns the amount or the revert reason. */
  static Object modelOut(final Case c) {
    if (c.amount.signum() == 0) {
      return UniswapV2Math.INSUFFICIENT_INPUT_AMOUNT;
    }
    if (c.rin.signum() == 0 || c.rout.signum() == 0) {
      return UniswapV2Math.INSUFFICIENT_LIQUIDITY;
    }
    if (c.rin.add(c.amount).compareTo(MAX112) > 0) {
      return UniswapV2Math.OVERFLOW;
    }
    final BigInteger withFee = c.amount.multiply(BigInteger.valueOf(c.d - c.n));
    final BigInteger out =
        withFee.multiply(c.rout).divide(c.rin.multiply(BigInteger.valueOf(c.d)).add(withFee));
    return out.signum() == 0 ? UniswapV2Math.INSUFFICIENT_OUTPUT_AMOUNT : out;
  }

  static Object modelIn(final Case c) {
    if (c.amount.signum() == 0) {
      return UniswapV2Math.INSUFFICIENT_OUTPUT_AMOUNT;
    }
    if (c.rin.signum() == 0 || c.rout.signum() == 0) {
      return UniswapV2Math.INSUFFICIENT_LIQUIDITY;
    }
    if (c.amount.compareTo(c.rout) >= 0) {
      return UniswapV2Math.PAIR_INSUFFICIENT_LIQUIDITY;
    }
    final BigInteger in =
        c.rin
            .multiply(c.amount)
            .multiply(BigInteger.valueOf(c.d))
            .divide(c.rout.subtract(c.amount).multiply(BigInteger.valueOf(c.d - c.n)))
            .add(BigInteger.ONE);
    return c.rin.add(in).compareTo(MAX112) > 0 ? UniswapV2Math.OVERFLOW : in;
  }

  private final SwapResult result = new SwapResult();

  @Property(tries = 60_000)
  void getAmountOutMatchesModel(@ForAll("cases") final Case c) {
    final boolean ok =
        UniswapV2Math.getAmountOut(
            UInt256.of(c.amount), UInt256.of(c.rin), UInt256.of(c.rout), c.n, c.d, result.reset());
    final Object expected = modelOut(c);
    assertEquals(expected, ok ? result.amountOut.toBigInteger() : result.failure(), c::toString);
    if (ok) {
      assertEquals(c.amount, result.amountIn.toBigInteger());
    }
  }

  @Property(tries = 60_000)
  void getAmountInMatchesModel(@ForAll("cases") final Case c) {
    final boolean ok =
        UniswapV2Math.getAmountIn(
            UInt256.of(c.amount), UInt256.of(c.rin), UInt256.of(c.rout), c.n, c.d, result.reset());
    final Object expected = modelIn(c);
    assertEquals(expected, ok ? result.amountIn.toBigInteger() : result.failure(), c::toString);
    if (ok) {
      assertEquals(c.amount, result.amountOut.toBigInteger());
    }
  }
}
