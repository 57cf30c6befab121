package io.sextant.routing.math.univ3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.U256Arbitraries;
import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The V3 math and the pool loop against {@link UniswapV3Model}, the BigInteger port of the
 * contracts: 100,000 cases in all, zero mismatches allowed, reverts included.
 */
class UniswapV3Properties {
  private static final int[] FEES = {100, 500, 3000, 10000};
  private static final int[] SPACINGS = {1, 10, 60, 200};

  private final TickMath tickMath = new TickMath();
  private final SwapMath swapMath = new SwapMath();
  private final SqrtPriceMath sqrtPriceMath = new SqrtPriceMath();
  private final UInt256 dst = new UInt256();

  private static UInt256 u(final BigInteger v) {
    return new UInt256().set(v);
  }

  // ---------------------------------------------------------------- TickMath

  @Provide
  Arbitrary<Integer> ticks() {
    return Arbitraries.randomValue(
        r ->
            switch (r.nextInt(6)) {
              case 0 -> r.nextInt(2000) - 1000;
              case 1 -> (r.nextBoolean() ? 1 : -1) * (887272 - r.nextInt(5));
              case 2 -> (r.nextBoolean() ? 1 : -1) * (887273 + r.nextInt(100));
              default -> r.nextInt(2 * 887272 + 1) - 887272;
            });
  }

  @Property(tries = 20_000)
  void getSqrtRatioAtTickMatchesModel(@ForAll("ticks") final int tick) {
    final boolean ok = tickMath.getSqrtRatioAtTick(tick, dst);
    Object expected;
    try {
      expected = UniswapV3Model.getSqrtRatioAtTick(tick);
    } catch (final UniswapV3Model.Revert e) {
      expected = "revert";
    }
    assertEquals(expected, ok ? dst.toBigInteger() : "revert", () -> "tick " + tick);
  }

  @Provide
  Arbitrary<BigInteger> sqrtPrices() {
    return Arbitraries.randomValue(
        r -> {
          if (r.nextInt(3) == 0) {
            final int t = r.nextInt(2 * 887272 + 1) - 887272;
            return UniswapV3Model.getSqrtRatioAtTick(t).add(BigInteger.valueOf(r.nextInt(3) - 1));
          }
          return U256Arbitraries.sample(r, 161);
        });
  }

  @Property(tries = 30_000)
  void getTickAtSqrtRatioMatchesModelAndItsPostcondition(
      @ForAll("sqrtPrices") final BigInteger price) {
    final int tick = tickMath.getTickAtSqrtRatio(u(price));
    int expected;
    try {
      expected = UniswapV3Model.getTickAtSqrtRatio(price);
      // The stated post-condition, independent of the log2 routine.
      assertEquals(true, UniswapV3Model.getSqrtRatioAtTick(expected).compareTo(price) <= 0);
      if (expected < UniswapV3Model.MAX_TICK) {
        assertEquals(true, UniswapV3Model.getSqrtRatioAtTick(expected + 1).compareTo(price) > 0);
      }
    } catch (final UniswapV3Model.Revert e) {
      expected = TickMath.INVALID_TICK;
    }
    assertEquals(expected, tick, () -> "price " + price);
  }

  // ---------------------------------------------------------------- SqrtPriceMath, SwapMath

  /** current, target, liquidity, amountRemaining (signed), fee. */
  record Step(BigInteger current, BigInteger target, BigInteger l, BigInteger amount, int fee) {}

  static BigInteger price(final Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> U256Arbitraries.sample(r, 160);
      default ->
          UniswapV3Model.getSqrtRatioAtTick(r.nextInt(2 * 887272 + 1) - 887272)
              .add(BigInteger.valueOf(r.nextInt(1000)));
    };
  }

  @Provide
  Arbitrary<Step> steps() {
    return Arbitraries.randomValue(
        r -> {
          final BigInteger current = price(r);
          final BigInteger target =
              r.nextInt(8) == 0
                  ? current
                  : r.nextBoolean()
                      ? price(r)
                      : current.add(BigInteger.valueOf(r.nextInt(1 << 20) - (1 << 19))).abs();
          final BigInteger l = U256Arbitraries.sample(r, 128);
          BigInteger amount = U256Arbitraries.sample(r, 1 + r.nextInt(255));
          if (r.nextBoolean()) {
            amount = amount.negate();
          }
          final int fee = r.nextInt(3) == 0 ? r.nextInt(1_000_000) : FEES[r.nextInt(4)];
          return new Step(current, target, l, amount, fee);
        });
  }

  @Property(tries = 30_000)
  void computeSwapStepMatchesModel(@ForAll("steps") final Step s) {
    final boolean ok =
        swapMath.computeSwapStep(u(s.current), u(s.target), u(s.l), u(s.amount), s.fee);
    String expected;
    try {
      final BigInteger[] m =
          UniswapV3Model.computeSwapStep(s.current, s.target, s.l, s.amount, s.fee);
      expected = m[0] + " " + m[1] + " " + m[2] + " " + m[3];
    } catch (final UniswapV3Model.Revert e) {
      expected = "revert";
    }
    final String actual =
        ok
            ? swapMath.sqrtRatioNextX96
                + " "
                + swapMath.amountIn
                + " "
                + swapMath.amountOut
                + " "
                + swapMath.feeAmount
            : "revert";
    assertEquals(expected, actual, s::toString);
  }

  @Property(tries = 5_000)
  void sqrtPriceMathMatchesModel(@ForAll("steps") final Step s) {
    final BigInteger amount = s.amount.abs();
    for (final boolean flag : new boolean[] {true, false}) {
      check(
          sqrtPriceMath.getNextSqrtPriceFromInput(u(s.current), u(s.l), u(amount), flag, dst),
          () -> UniswapV3Model.nextFromInput(s.current, s.l, amount, flag),
          s);
      check(
          sqrtPriceMath.getNextSqrtPriceFromOutput(u(s.current), u(s.l), u(amount), flag, dst),
          () -> UniswapV3Model.nextFromOutput(s.current, s.l, amount, flag),
          s);
      check(
          sqrtPriceMath.getAmount0Delta(u(s.current), u(s.target), u(s.l), flag, dst),
          () -> UniswapV3Model.amount0Delta(s.current, s.target, s.l, flag),
          s);
      check(
          sqrtPriceMath.getAmount1Delta(u(s.current), u(s.target), u(s.l), flag, dst),
          () -> UniswapV3Model.amount1Delta(s.current, s.target, s.l, flag),
          s);
    }
  }

  private void check(
      final boolean ok, final java.util.function.Supplier<BigInteger> model, final Step s) {
    Object expected;
    try {
      expected = model.get();
    } catch (final UniswapV3Model.Revert e) {
      expected = "revert";
    }
    assertEquals(expected, ok ? dst.toBigInteger() : "revert", s::toString);
  }

  // ---------------------------------------------------------------- whole swaps

  /** A random pool built from positions, and one swap request against it. */
  record SwapCase(
      int fee,
      int spacing,
      BigInteger sqrtPrice,
      BigInteger liquidity,
      int tick,
      TreeMap<Integer, BigInteger> net,
      boolean zeroForOne,
      BigInteger amountSpecified,
      BigInteger limit) {
    @Override
    public String toString() {
      return "fee="
          + fee
          + " spacing="
          + spacing
          + " sqrtPrice="
          + sqrtPrice
          + " L="
          + liquidity
          + " tick="
          + tick
          + " net="
          + net
          + " zeroForOne="
          + zeroForOne
          + " amount="
          + amountSpecified
          + " limit="
          + limit;
    }
  }

  static SwapCase sampleSwap(final Random r) {
    final int k = r.nextInt(4);
    final int fee = r.nextInt(6) == 0 ? r.nextInt(100_000) : FEES[k];
    final int spacing = r.nextInt(6) == 0 ? 1 + r.nextInt(300) : SPACINGS[k];
    final int maxUsable = (UniswapV3Model.MAX_TICK / spacing) * spacing;
    final int word = 256 * spacing;
    final int center =
        r.nextInt(4) == 0 ? r.nextInt(1_600_001) - 800_000 : r.nextInt(400_001) - 200_000;
    final int halfWidth = word * (1 + r.nextInt(5));
    final TreeMap<Integer, BigInteger> net = new TreeMap<>();
    final int positions = 1 + r.nextInt(25);
    final int[][] ranges = new int[positions + 1][];
    final BigInteger[] liquidities = new BigInteger[positions + 1];
    int n = 0;
    final boolean fullRange = spacing < 60 || r.nextInt(3) > 0;
    if (fullRange) {
      ranges[n] = new int[] {-maxUsable, maxUsable};
      liquidities[n++] =
          BigInteger.ONE.shiftLeft(20 + r.nextInt(80)).add(BigInteger.valueOf(r.nextInt(1000)));
    }
    for (int i = 0; i < positions; i++) {
      final int a =
          clampToGrid(center + r.nextInt(2 * halfWidth + 1) - halfWidth, spacing, maxUsable);
      final int b =
          clampToGrid(center + r.nextInt(2 * halfWidth + 1) - halfWidth, spacing, maxUsable);
      if (a == b) {
        continue;
      }
      ranges[n] = new int[] {Math.min(a, b), Math.max(a, b)};
      liquidities[n++] = new BigInteger(1 + r.nextInt(100), r).add(BigInteger.ONE);
    }
    for (int i = 0; i < n; i++) {
      net.merge(ranges[i][0], liquidities[i], BigInteger::add);
      net.merge(ranges[i][1], liquidities[i].negate(), BigInteger::add);
    }
    // Price: inside some tick near the centre, or exactly on an initialised tick with the
    // contract's boundary state (tick = T − 1) when the last swap crossed it going down.
    BigInteger sqrtPrice;
    int tick;
    final Integer[] keys =
        net.keySet().stream().filter(t -> Math.abs(t) < 887272).toArray(Integer[]::new);
    if (keys.length > 0 && r.nextInt(8) == 0) {
      final int t = keys[r.nextInt(keys.length)];
      sqrtPrice = UniswapV3Model.getSqrtRatioAtTick(t);
      tick = r.nextBoolean() ? t - 1 : t;
    } else {
      final int t =
          Math.max(-887271, Math.min(887270, center + r.nextInt(2 * halfWidth + 1) - halfWidth));
      final BigInteger lo = UniswapV3Model.getSqrtRatioAtTick(t);
      final BigInteger hi = UniswapV3Model.getSqrtRatioAtTick(t + 1);
      sqrtPrice = lo.add(new BigInteger(hi.subtract(lo).bitLength(), r).mod(hi.subtract(lo)));
      tick = UniswapV3Model.getTickAtSqrtRatio(sqrtPrice);
    }
    BigInteger liquidity = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      if (ranges[i][0] <= tick && tick < ranges[i][1]) {
        liquidity = liquidity.add(liquidities[i]);
      }
    }
    final boolean zeroForOne = r.nextBoolean();
    final boolean exactIn = r.nextBoolean();
    // Amount: up to about the virtual reserve of the token it is counted in.
    final boolean inToken0 = zeroForOne == exactIn;
    final BigInteger l = liquidity.max(BigInteger.ONE);
    final BigInteger reserve =
        inToken0 ? l.shiftLeft(96).divide(sqrtPrice) : l.multiply(sqrtPrice).shiftRight(96);
    final int reserveBits = Math.max(reserve.bitLength(), 1);
    BigInteger amount =
        r.nextInt(30) == 0 && spacing >= 60
            ? U256Arbitraries.sample(r, 200)
            : r.nextBoolean()
                ? new BigInteger(1 + r.nextInt(reserveBits + 1), r)
                : new BigInteger(Math.max(1, reserveBits - 6 + r.nextInt(8)), r);
    if (amount.signum() == 0) {
      amount = BigInteger.ONE;
    }
    BigInteger limit = null;
    if (r.nextInt(3) == 0) {
      final int limitTick =
          zeroForOne
              ? Math.max(-887271, tick - r.nextInt(3 * word))
              : Math.min(887271, tick + r.nextInt(3 * word));
      limit =
          UniswapV3Model.getSqrtRatioAtTick(limitTick).add(BigInteger.valueOf(r.nextInt(3) - 1));
    } else if (r.nextInt(50) == 0) {
      limit = sqrtPrice; // 'SPL'
    }
    return new SwapCase(
        fee,
        spacing,
        sqrtPrice,
        liquidity,
        tick,
        net,
        zeroForOne,
        exactIn ? amount : amount.negate(),
        limit);
  }

  private static int clampToGrid(final int t, final int spacing, final int maxUsable) {
    final int g = Math.floorDiv(t, spacing) * spacing;
    return Math.max(-maxUsable, Math.min(maxUsable, g));
  }

  @Provide
  Arbitrary<SwapCase> swaps() {
    return Arbitraries.randomValue(UniswapV3Properties::sampleSwap);
  }

  private final SwapResult result = new SwapResult();

  @Property(tries = 15_000)
  void poolSwapMatchesModel(@ForAll("swaps") final SwapCase c) {
    final UniswapV3Pool pool =
        UniswapV3Pool.of(c.fee, c.spacing, u(c.sqrtPrice), u(c.liquidity), c.tick, c.net);
    final UniswapV3Model.Pool model =
        new UniswapV3Model.Pool(c.fee, c.spacing, c.sqrtPrice, c.liquidity, c.tick, c.net);
    final boolean exactIn = c.amountSpecified.signum() > 0;
    final boolean ok =
        pool.swap(
            c.zeroForOne,
            exactIn,
            u(c.amountSpecified.abs()),
            c.limit == null ? null : u(c.limit),
            result);
    final BigInteger limit =
        c.limit != null
            ? c.limit
            : c.zeroForOne
                ? UniswapV3Model.MIN_SQRT_RATIO.add(BigInteger.ONE)
                : UniswapV3Model.MAX_SQRT_RATIO.subtract(BigInteger.ONE);
    String expected;
    try {
      final BigInteger[] m = model.swap(c.zeroForOne, c.amountSpecified, limit);
      final BigInteger in = c.zeroForOne ? m[0] : m[1];
      final BigInteger out = (c.zeroForOne ? m[1] : m[0]).negate();
      expected = in + " " + out + " " + m[2] + " " + m[3] + " " + m[4] + " " + m[5];
    } catch (final UniswapV3Model.Revert e) {
      expected = "revert " + e.getMessage();
    }
    final String actual =
        ok
            ? result.amountIn
                + " "
                + result.amountOut
                + " "
                + result.sqrtPriceAfterX96
                + " "
                + result.liquidityAfter
                + " "
                + result.tickAfter
                + " "
                + result.ticksCrossed
            : "revert " + result.failure();
    if (!ok && expected.startsWith("revert")) {
      return; // both revert; reason strings differ between model layers
    }
    assertEquals(expected, actual, c::toString);
  }
}
