package io.sextant.bench.math;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.LiquidityCatalog;
import io.sextant.feeds.cow.LoadedPool;
import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.curve.CurveStableSwapPool;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ3.UniswapV3Pool;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One exact swap simulation per pool family, on real pools of the embedded mainnet auction 7400693:
 * the cost the router pays per exact leg. Run with {@code -prof gc} to see that a warm swap
 * allocates nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx1g"})
@State(Scope.Thread)
public class SwapBenchmark {
  static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
  static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";

  private final SwapResult result = new SwapResult();
  private ExactPool v2;
  private int v2In;
  private int v2Out;
  private UInt256 v2Amount;
  private UniswapV3Pool v3;
  private int v3In;
  private int v3Out;
  private UInt256 v3SmallIn;
  private UInt256 v3TenTicksIn;
  private ExactPool weighted;
  private UInt256 weightedIn;
  private ExactPool stable;
  private ExactPool curve;
  private UInt256 curveIn;
  private UInt256 stableIn;

  /** Loads the embedded auction and picks the pools and amounts. */
  @Setup
  public void setUp() throws IOException {
    final CowAuction a;
    try (InputStream in =
        SwapBenchmark.class.getResourceAsStream(
            "/io/sextant/solver/data/mainnet-auction-7400693.json")) {
      a = new CowAuctionParser().parse(in);
    }
    final LiquidityCatalog c = LiquidityCatalog.of(a);
    // Deepest WETH/USDC Uniswap V2 pair; 1 WETH in.
    final LoadedPool v2Loaded = c.find("714", WETH, USDC);
    v2 = v2Loaded.pool();
    v2In = v2Loaded.tokenIndex(WETH);
    v2Out = v2Loaded.tokenIndex(USDC);
    v2Amount = UInt256.parse("1000000000000000000");
    check(v2.exactIn(v2In, v2Out, v2Amount, result), "v2: " + result.failure());
    // Deepest WETH/USDC Uniswap V3 pool (0.05%, 1,213 initialised ticks).
    final LoadedPool v3Loaded = c.find("558", WETH, USDC);
    v3 = (UniswapV3Pool) v3Loaded.pool();
    v3In = v3Loaded.tokenIndex(WETH);
    v3Out = v3Loaded.tokenIndex(USDC);
    v3SmallIn = UInt256.parse("1000000000000000"); // 0.001 WETH stays within the current tick
    check(v3.exactIn(v3In, v3Out, v3SmallIn, result) && result.ticksCrossed == 0, "v3 small");
    v3TenTicksIn = amountCrossing(10);
    // A two-token Balancer weighted pool and a Balancer stable pool: 1% of the input balance.
    final LoadedPool w = c.withId("10").get(0);
    weighted = w.pool();
    weightedIn = onePercent(w, 0);
    final LoadedPool s = c.withId("93").get(0);
    stable = s.pool();
    stableIn = onePercent(s, 0);
    // Curve 3pool (DAI/USDC/USDT) as read on 2023-10-01 (data/curve-pools-2023-10-01.json, from
    // bancorprotocol/fastlane-bot, MIT); A had finished ramping to 2000. 10,000 DAI in.
    curve =
        CurveStableSwapPool.ofDecimals(
            new UInt256[] {
              UInt256.parse("71776928030379693245469454"),
              UInt256.parse("74015455475721"),
              UInt256.parse("70021009789023")
            },
            new int[] {18, 6, 6},
            UInt256.ofUnsignedLong(2000),
            UInt256.ofUnsignedLong(1_000_000),
            UInt256.ofUnsignedLong(5_000_000_000L),
            CurveStableSwapPool.Variant.LEGACY);
    curveIn = UInt256.parse("10000000000000000000000");
    check(curve.exactIn(0, 1, curveIn, result), "curve: " + result.failure());
    check(weighted.exactIn(0, 1, weightedIn, result), "weighted: " + result.failure());
    check(stable.exactIn(0, 1, stableIn, result), "stable: " + result.failure());
  }

  private UInt256 amountCrossing(final int ticks) {
    // Bisect on the WETH input for the smallest amount that crosses `ticks` ticks.
    BigInteger lo = BigInteger.ONE;
    BigInteger hi = BigInteger.TEN.pow(24);
    final UInt256 amt = new UInt256();
    while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
      final BigInteger mid = lo.add(hi).shiftRight(1);
      // A failure means the swap ran past the auction's tick data: too large.
      if (!v3.exactIn(v3In, v3Out, amt.set(mid), result) || result.ticksCrossed >= ticks) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    check(v3.exactIn(v3In, v3Out, amt.set(hi), result) && result.ticksCrossed == ticks, "v3 ticks");
    return UInt256.of(hi);
  }

  private static UInt256 onePercent(final LoadedPool p, final int token) {
    final io.sextant.feeds.cow.CowLiquidity src = p.source();
    final BigInteger bal =
        switch (src) {
          case io.sextant.feeds.cow.CowLiquidity.WeightedProduct w -> w.balances().get(token);
          case io.sextant.feeds.cow.CowLiquidity.Stable s -> s.balances().get(token);
          default -> throw new IllegalArgumentException(src.kind());
        };
    return UInt256.of(bal.divide(BigInteger.valueOf(100)));
  }

  private static void check(final boolean ok, final String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark setup failed: " + what);
    }
  }

  /** Uniswap V2 getAmountOut. */
  @Benchmark
  public SwapResult uniswapV2() {
    v2.exactIn(v2In, v2Out, v2Amount, result);
    return result;
  }

  /** Uniswap V3, a swap that stays within the current tick. */
  @Benchmark
  public SwapResult uniswapV3WithinTick() {
    v3.exactIn(v3In, v3Out, v3SmallIn, result);
    return result;
  }

  /** Uniswap V3, a swap that crosses 10 initialised ticks (and the bitmap words between). */
  @Benchmark
  public SwapResult uniswapV3TenTicks() {
    v3.exactIn(v3In, v3Out, v3TenTicksIn, result);
    return result;
  }

  /** Balancer V2 weighted calcOutGivenIn with fee and scaling. */
  @Benchmark
  public SwapResult balancerWeighted() {
    weighted.exactIn(0, 1, weightedIn, result);
    return result;
  }

  /** Curve StableSwap (3pool): get_D and get_y Newton loops. */
  @Benchmark
  public SwapResult curveStableSwap() {
    curve.exactIn(0, 1, curveIn, result);
    return result;
  }

  /** Balancer V2 stable: invariant and balance-given-invariant Newton loops. */
  @Benchmark
  public SwapResult balancerStable() {
    stable.exactIn(0, 1, stableIn, result);
    return result;
  }
}
