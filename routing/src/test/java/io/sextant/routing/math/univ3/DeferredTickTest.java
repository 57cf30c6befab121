package io.sextant.routing.math.univ3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Quotes defer the final getTickAtSqrtRatio to {@code apply}: a chain of quote-then-apply swaps
 * must leave a pool exactly where the contract's eager swaps leave its twin.
 */
class DeferredTickTest {
  @Test
  void shouldApplyDeferredQuotesToTheSameStateAsEagerSwaps() {
    final Map<Integer, BigInteger> net = new TreeMap<>();
    final BigInteger l = new BigInteger("2000000000000000000");
    for (int t = -6000; t < 6000; t += 600) {
      net.merge(t, l, BigInteger::add);
      net.merge(t + 1200, l.negate(), BigInteger::add);
    }
    net.merge(-6600, l.multiply(BigInteger.TWO), BigInteger::add);
    net.merge(7200, l.multiply(BigInteger.TWO).negate(), BigInteger::add);
    final UInt256 q96 = UInt256.of(BigInteger.ONE.shiftLeft(96));
    final UInt256 liq = UInt256.of(l.multiply(BigInteger.valueOf(4)));
    final UniswapV3Pool quoting = UniswapV3Pool.of(3000, q96, liq, 0, net);
    final UniswapV3Pool eager = UniswapV3Pool.of(3000, q96, liq, 0, net);
    final SwapResult q = new SwapResult();
    final SwapResult e = new SwapResult();
    final Random rnd = new Random(7);
    int deferred = 0;
    for (int i = 0; i < 2_000; i++) {
      final boolean zeroForOne = rnd.nextBoolean();
      final boolean exactInput = rnd.nextBoolean();
      final UInt256 amount = UInt256.of(BigInteger.valueOf(rnd.nextLong(1, 1L << 59)));
      final int in = zeroForOne ? 0 : 1;
      final boolean okQ =
          exactInput
              ? quoting.exactIn(in, 1 - in, amount, q)
              : quoting.exactOut(in, 1 - in, amount, q);
      final boolean okE = eager.swap(zeroForOne, exactInput, amount, null, e);
      assertEquals(okE, okQ, "swap " + i);
      if (!okQ) {
        continue;
      }
      assertTrue(e.tickAfter != SwapResult.TICK_AT_PRICE, "the public swap resolves the tick");
      deferred += q.tickAfter == SwapResult.TICK_AT_PRICE ? 1 : 0;
      assertEquals(e.amountIn, q.amountIn, "swap " + i);
      assertEquals(e.amountOut, q.amountOut, "swap " + i);
      quoting.apply(in, 1 - in, q);
      eager.apply(in, 1 - in, e);
      assertEquals(eager.tick(), quoting.tick(), "swap " + i);
      assertEquals(eager.sqrtPriceX96(), quoting.sqrtPriceX96(), "swap " + i);
      assertEquals(eager.liquidity(), quoting.liquidity(), "swap " + i);
    }
    assertTrue(deferred > 100, "quotes that deferred the tick: " + deferred);
  }
}
