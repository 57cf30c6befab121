package io.sextant.routing.math.univ3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.routing.math.AllocationMeter;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** amm-test-vectors.md §E, partial fills, the boundary tick, validation and allocation. */
class UniswapV3PoolTest {
  private static final String Q96 = "79228162514264337593543950336";
  private static final BigInteger L2E18 = new BigInteger("2000000000000000000");
  private final SwapResult r = new SwapResult();

  private static UInt256 u(final String s) {
    return UInt256.parse(s);
  }

  /** The v3-core swaps spec pool: price 1, one full-range position of L = 2e18. */
  static UniswapV3Pool fullRange(final int fee) {
    final int spacing = UniswapV3Pool.tickSpacingForFee(fee);
    final int max = (TickMath.MAX_TICK / spacing) * spacing;
    final Map<Integer, BigInteger> net = new TreeMap<>();
    net.put(-max, L2E18);
    net.put(max, L2E18.negate());
    return UniswapV3Pool.of(fee, u(Q96), UInt256.of(L2E18), 0, net);
  }

  @ParameterizedTest(name = "fee {0}: zeroForOne={1} exactIn={2} -> in {3}, out {4}, tick {5}")
  @CsvSource({
    "500, true, true, 1000000000000000000, 666444407401233536, -8107",
    "500, false, true, 1000000000000000000, 666444407401233536, 8106",
    "3000, true, true, 1000000000000000000, 665331998665331998, -8090",
    "3000, false, true, 1000000000000000000, 665331998665331998, 8089",
    "3000, true, false, 2006018054162487463, 1000000000000000000, -13864",
    "3000, false, false, 2006018054162487463, 1000000000000000000, 13863",
    "10000, true, true, 1000000000000000000, 662207357859531772, -8043"
  })
  void shouldMatchPublishedVectorOfPoolSwap(
      final int fee,
      final boolean zeroForOne,
      final boolean exactIn,
      final String in,
      final String out,
      final int tickAfter) {
    final UniswapV3Pool pool = fullRange(fee);
    final UInt256 amount = u("1000000000000000000");
    assertTrue(
        exactIn
            ? pool.exactIn(zeroForOne ? 0 : 1, zeroForOne ? 1 : 0, amount, r)
            : pool.exactOut(zeroForOne ? 0 : 1, zeroForOne ? 1 : 0, amount, r),
        r::failure);
    assertEquals(in, r.amountIn.toString());
    assertEquals(out, r.amountOut.toString());
    assertEquals(0, r.ticksCrossed);
    assertEquals(L2E18, r.liquidityAfter.toBigInteger());
    // A quote may leave the final tick to apply(); the pool then holds the contract's tick.
    pool.apply(zeroForOne ? 0 : 1, zeroForOne ? 1 : 0, r);
    assertEquals(tickAfter, pool.tick());
    // The contract-shaped swap() reports it directly.
    assertTrue(fullRange(fee).swap(zeroForOne, exactIn, amount, null, r));
    assertEquals(tickAfter, r.tickAfter);
  }

  @Test
  void shouldStepAtEveryBitmapWordBecauseOneStepIsTwoWeiOff() {
    final SwapMath sm = new SwapMath();
    final UInt256 limit = u("4295128740");
    assertTrue(sm.computeSwapStep(u(Q96), limit, UInt256.of(L2E18), u("1000000000000000000"), 500));
    assertEquals("666444407401233538", sm.amountOut.toString());
    final UniswapV3Pool pool = fullRange(500);
    assertTrue(pool.swap(true, true, u("1000000000000000000"), null, r));
    assertEquals("666444407401233536", r.amountOut.toString());
  }

  @Test
  void shouldStopAtThePriceLimitWithPartialAmounts() {
    final UniswapV3Pool pool = fullRange(3000);
    final TickMath tm = new TickMath();
    final UInt256 limit = new UInt256();
    tm.getSqrtRatioAtTick(-1000, limit);
    assertTrue(pool.swap(true, true, u("1000000000000000000"), limit, r));
    assertEquals(limit, r.sqrtPriceAfterX96);
    assertTrue(r.amountIn.compareTo(u("1000000000000000000")) < 0);
    assertEquals(-1000, r.tickAfter);
    // Exact output stopped by the limit pays out less than asked, as on chain.
    assertTrue(pool.swap(true, false, u("1000000000000000000"), limit, r));
    assertTrue(r.amountOut.compareTo(u("1000000000000000000")) < 0);
    assertEquals(limit, r.sqrtPriceAfterX96);
  }

  @Test
  void shouldReportPartialFillWhenLiquidityRunsOut() {
    final Map<Integer, BigInteger> net = new TreeMap<>();
    net.put(-600, L2E18);
    net.put(600, L2E18.negate());
    final UniswapV3Pool pool = UniswapV3Pool.of(3000, u(Q96), UInt256.of(L2E18), 0, net);
    final UInt256 huge = u("1000000000000000000000000");
    assertTrue(pool.exactIn(0, 1, huge, r));
    assertTrue(r.amountIn.compareTo(huge) < 0);
    assertEquals(1, r.ticksCrossed);
    assertEquals(BigInteger.ZERO, r.liquidityAfter.toBigInteger());
    assertEquals(
        BigInteger.valueOf(TickMath.MIN_SQRT_RATIO + 1), r.sqrtPriceAfterX96.toBigInteger());
    final SqrtPriceMath m = new SqrtPriceMath();
    final UInt256 lower = new UInt256();
    new TickMath().getSqrtRatioAtTick(-600, lower);
    final UInt256 all = new UInt256();
    m.getAmount1Delta(lower, u(Q96), UInt256.of(L2E18), false, all);
    assertEquals(all, r.amountOut);
    assertTrue(pool.exactOut(1, 0, huge, r));
    assertTrue(r.amountOut.compareTo(huge) < 0);
    assertEquals(1, r.ticksCrossed);
  }

  @Test
  void shouldContinueIdenticallyFromTheContractsBoundaryTickState() {
    final Map<Integer, BigInteger> net = new TreeMap<>();
    net.put(-600, L2E18);
    net.put(-120, BigInteger.valueOf(5_000_000_000_000L));
    net.put(600, L2E18.negate().subtract(BigInteger.valueOf(5_000_000_000_000L)));
    final UniswapV3Pool pool = UniswapV3Pool.of(3000, u(Q96), UInt256.of(L2E18), 0, net);
    final UInt256 atTick = new UInt256();
    new TickMath().getSqrtRatioAtTick(-120, atTick);
    assertTrue(pool.swap(true, true, u("1000000000000000000"), atTick, r));
    assertEquals(-121, r.tickAfter);
    assertEquals(atTick, r.sqrtPriceAfterX96);
    pool.apply(0, 1, r);
    final UniswapV3Pool rebuilt =
        UniswapV3Pool.of(3000, r.sqrtPriceAfterX96, r.liquidityAfter, -121, net);
    final SwapResult a = new SwapResult();
    final SwapResult b = new SwapResult();
    for (final boolean zeroForOne : new boolean[] {true, false}) {
      assertTrue(pool.swap(zeroForOne, true, u("3000000000000000"), null, a));
      assertTrue(rebuilt.swap(zeroForOne, true, u("3000000000000000"), null, b));
      assertEquals(a.amountOut, b.amountOut);
      assertEquals(a.tickAfter, b.tickAfter);
      assertEquals(a.liquidityAfter, b.liquidityAfter);
    }
    // Recomputing the tick from the price (−120) would cross −120 twice going down.
    assertThrows(
        IllegalArgumentException.class,
        () -> UniswapV3Pool.of(3000, r.sqrtPriceAfterX96, r.liquidityAfter, -122, net));
  }

  @Test
  void shouldRefuseBadRequestsWithTheContractsReasons() {
    final UniswapV3Pool pool = fullRange(3000);
    assertFalse(pool.swap(true, true, new UInt256(), null, r));
    assertEquals(UniswapV3Pool.AS, r.failure());
    assertFalse(pool.swap(true, true, u("1"), u(Q96), r));
    assertEquals(UniswapV3Pool.SPL, r.failure());
    assertFalse(pool.swap(false, true, u("1"), u(Q96), r));
    assertEquals(UniswapV3Pool.SPL, r.failure());
    assertFalse(pool.swap(true, true, u("1"), u("4295128739"), r));
    assertEquals(UniswapV3Pool.SPL, r.failure());
    assertFalse(pool.swap(false, true, u("1"), TickMath.maxSqrtRatio(new UInt256()), r));
    assertEquals(UniswapV3Pool.SPL, r.failure());
    assertFalse(pool.swap(true, true, new UInt256().setPowerOfTwo(255), null, r));
    assertEquals(UniswapV3Pool.AMOUNT_TOO_LARGE, r.failure());
    assertTrue(pool.swap(true, false, new UInt256().setPowerOfTwo(255), null, r));
    assertFalse(pool.exactIn(0, 0, u("1"), r));
    assertEquals(UniswapV3Pool.BAD_TOKEN_INDEX, r.failure());
  }

  @Test
  void shouldApplyTheSwapItComputed() {
    final UniswapV3Pool pool = fullRange(500);
    assertTrue(pool.exactIn(0, 1, u("1000000000000000000"), r));
    pool.apply(0, 1, r);
    assertEquals(-8107, pool.tick());
    assertEquals(r.sqrtPriceAfterX96, pool.sqrtPriceX96());
    assertTrue(pool.exactIn(1, 0, u("666444407401233536"), r));
    assertTrue(r.amountOut.compareTo(u("1000000000000000000")) < 0);
  }

  private static String message(final Runnable task) {
    return assertThrows(IllegalArgumentException.class, task::run).getMessage();
  }

  @Test
  void shouldRejectBadStateNamingTheField() {
    final Map<Integer, BigInteger> none = Map.of();
    final UInt256 p = u(Q96);
    final UInt256 l = u("1");
    assertEquals(
        "fee: no standard tick spacing for 2500 pips; give tickSpacing",
        message(() -> UniswapV3Pool.of(2500, p, l, 0, none)));
    assertEquals(
        "fee: 1000000 pips outside [0, 1000000)",
        message(() -> UniswapV3Pool.of(1_000_000, 1, p, l, 0, none)));
    assertEquals(
        "tickSpacing: 0 outside [1, 16384]",
        message(() -> UniswapV3Pool.of(3000, 0, p, l, 0, none)));
    assertEquals(
        "sqrtPriceX96: 4295128738 outside [MIN_SQRT_RATIO, MAX_SQRT_RATIO)",
        message(() -> UniswapV3Pool.of(3000, u("4295128738"), l, 0, none)));
    assertEquals(
        "sqrtPriceX96: 1461446703485210103287273052203988822378723970342 outside"
            + " [MIN_SQRT_RATIO, MAX_SQRT_RATIO)",
        message(() -> UniswapV3Pool.of(3000, TickMath.maxSqrtRatio(new UInt256()), l, 0, none)));
    assertEquals(
        "liquidity: 340282366920938463463374607431768211456 exceeds uint128",
        message(() -> UniswapV3Pool.of(3000, p, new UInt256().setPowerOfTwo(128), 0, none)));
    assertEquals(
        "tick: 887273 outside [-887272, 887272]",
        message(() -> UniswapV3Pool.of(3000, p, l, 887273, none)));
    assertEquals(
        "tick: 1 inconsistent with sqrtPriceX96 79228162514264337593543950336"
            + " (getTickAtSqrtRatio = 0)",
        message(() -> UniswapV3Pool.of(3000, p, l, 1, none)));
    assertEquals(
        "liquidityNet: tick 887280 outside [-887272, 887272]",
        message(() -> UniswapV3Pool.of(3000, 60, p, l, 0, Map.of(887280, BigInteger.ONE))));
    assertEquals(
        "liquidityNet: tick 30 not a multiple of tickSpacing 60",
        message(() -> UniswapV3Pool.of(3000, p, l, 0, Map.of(30, BigInteger.ONE))));
    assertEquals(
        "liquidityNet: value 170141183460469231731687303715884105728 at tick 60 outside int128",
        message(() -> UniswapV3Pool.of(3000, p, l, 0, Map.of(60, BigInteger.ONE.shiftLeft(127)))));
    assertEquals(
        "liquidityNet: ticks not strictly ascending at 60",
        message(
            () ->
                new UniswapV3Pool(2)
                    .reset(
                        3000, 60, p, l, 0, new int[] {60, 60}, new UInt256[] {u("1"), u("1")}, 2)));
    assertEquals("liquidityNet: missing", message(() -> UniswapV3Pool.of(3000, p, l, 0, null)));
    assertEquals(
        "fee: 0.0000025 is not a whole number of pips",
        message(() -> UniswapV3Pool.feePips("0.0000025")));
    assertEquals(3000, UniswapV3Pool.feePips("0.003"));
    assertEquals(100, UniswapV3Pool.feePips("0.0001"));
    assertEquals(10000, UniswapV3Pool.feePips("0.01"));
  }

  @Test
  void shouldNotAllocateWhenWarm() {
    final Map<Integer, BigInteger> net = new TreeMap<>();
    for (int t = -60_000; t <= 60_000; t += 600) {
      net.merge(t, BigInteger.valueOf(1_000_000_000_000L), BigInteger::add);
      net.merge(t + 300, BigInteger.valueOf(-1_000_000_000_000L), BigInteger::add);
    }
    net.put(-887220, L2E18);
    net.put(887220, L2E18.negate());
    final UniswapV3Pool pool = UniswapV3Pool.of(3000, u(Q96), UInt256.of(L2E18), 0, net);
    final SwapResult res = new SwapResult();
    final UInt256 amount = u("300000000000000000");
    final Runnable swaps =
        () -> {
          pool.exactIn(0, 1, amount, res);
          pool.exactOut(1, 0, amount, res);
          pool.exactIn(1, 0, amount, res);
        };
    assertEquals(0, AllocationMeter.minBytes(swaps, 10_000, 2_000, 3));
  }
}
