package io.sextant.routing.math.univ2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.AllocationMeter;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import org.junit.jupiter.api.Test;

class UniswapV2PoolTest {
  private static UInt256 u(final String decimal) {
    return UInt256.parse(decimal);
  }

  private static String message(final Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void shouldQuoteBothDirectionsAndApply() {
    final UniswapV2Pool pool =
        UniswapV2Pool.of(u("5000000000000000000"), u("10000000000000000000"), "0.003");
    final SwapResult r = new SwapResult();
    assertTrue(pool.exactIn(0, 1, u("1000000000000000000"), r));
    assertEquals("1662497915624478906", r.amountOut.toString());
    pool.apply(0, 1, r);
    assertEquals("6000000000000000000", pool.reserve0().toString());
    assertEquals("8337502084375521094", pool.reserve1().toString());
    assertTrue(pool.exactOut(1, 0, u("1000000000000000000"), r));
    assertTrue(r.amountIn.compareTo(u("1")) > 0);
    assertEquals("1000000000000000000", r.amountOut.toString());
    assertFalse(pool.exactIn(1, 1, u("1"), r));
    assertEquals(UniswapV2Pool.BAD_TOKEN_INDEX, r.failure());
    assertFalse(pool.exactIn(0, 2, u("1"), r));
    assertEquals(2, pool.tokenCount());
  }

  @Test
  void shouldParseCowDecimalFees() {
    assertArrayEquals(new long[] {3, 1000}, UniswapV2Pool.parseFee("0.003"));
    assertArrayEquals(new long[] {25, 10000}, UniswapV2Pool.parseFee("0.0025"));
    assertArrayEquals(new long[] {0, 1}, UniswapV2Pool.parseFee("0"));
    assertArrayEquals(new long[] {3, 1000}, UniswapV2Pool.parseFee("0.0030"));
  }

  @Test
  void shouldRejectBadStateNamingTheField() {
    final UInt256 one = u("1");
    final UInt256 big = new UInt256().setPowerOfTwo(112);
    assertEquals("reserve0: zero", message(() -> UniswapV2Pool.of(u("0"), one, "0.003")));
    assertEquals("reserve1: zero", message(() -> UniswapV2Pool.of(one, u("0"), "0.003")));
    assertEquals("reserve1: missing", message(() -> UniswapV2Pool.of(one, null, "0.003")));
    assertEquals(
        "reserve0: 5192296858534827628530496329220096 exceeds uint112",
        message(() -> UniswapV2Pool.of(big, one, "0.003")));
    assertEquals("fee: 1 outside [0, 1)", message(() -> UniswapV2Pool.of(one, one, "1")));
    assertEquals("fee: -0.1 outside [0, 1)", message(() -> UniswapV2Pool.of(one, one, "-0.1")));
    assertEquals("fee: not a decimal: abc", message(() -> UniswapV2Pool.of(one, one, "abc")));
    assertEquals("fee: 5/5 outside [0, 1)", message(() -> UniswapV2Pool.of(one, one, 5, 5)));
    assertEquals(
        "fee: denominator 0 outside (0, 1e18]", message(() -> UniswapV2Pool.of(one, one, 0, 0)));
    assertEquals(
        "fee: 0.0000000000000000001 has more than 18 decimals",
        message(() -> UniswapV2Pool.of(one, one, "0.0000000000000000001")));
    final UInt256 max = new UInt256().setPowerOfTwo(112);
    max.subUnsignedLong(max, 1);
    assertEquals(max, UniswapV2Pool.of(max, max, 0, 1).reserve0());
  }

  @Test
  void shouldNotAllocateWhenWarm() {
    final UniswapV2Pool pool =
        UniswapV2Pool.of(u("5000000000000000000000"), u("10000000000000"), "0.003");
    final SwapResult r = new SwapResult();
    final UInt256 amount = u("1000000000000000");
    assertEquals(0, AllocationMeter.minBytes(() -> run(pool, r, amount), 20_000, 10_000, 5));
  }

  private static void run(final UniswapV2Pool pool, final SwapResult r, final UInt256 amount) {
    pool.exactIn(0, 1, amount, r);
    pool.exactOut(1, 0, amount, r);
  }
}
