package io.sextant.bench.route;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowOrder;
import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.split.SplitRouter;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The split router on the real orders of the embedded mainnet auction 7400693, all liquidity,
 * {@code maxHops} 3, the auction's {@code effectiveGasPrice}, one thread. Each invocation routes
 * the next order in auction order (wrapping around), so with {@code SampleTime} the sample
 * distribution is the per-order distribution: read p50 and p99 off the percentiles. Run with {@code
 * -prof gc} for {@code gc.alloc.rate.norm} (B/op) in steady state:
 *
 * <pre>
 * bin/bench RouterBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx1g"})
@State(Scope.Thread)
public class RouterBenchmark {
  /** Longest path, in pools. */
  @Param({"3"})
  public int maxHops;

  private SplitRouter router;
  private final RoutePlan plan = new RoutePlan();
  private int[] sell;
  private int[] buy;
  private boolean[] exactIn;
  private UInt256[] amount;
  private double gasPrice;
  private int next;

  /** Loads the auction, builds the market and the orders. */
  @Setup
  public void setUp() throws IOException {
    final CowAuction auction;
    try (InputStream in =
        RouterBenchmark.class.getResourceAsStream(
            "/io/sextant/solver/data/mainnet-auction-7400693.json")) {
      auction = new CowAuctionParser().parse(in);
    }
    final CowMarket market = CowMarket.of(auction);
    router = new SplitRouter(market.market());
    gasPrice = auction.effectiveGasPrice().doubleValue();
    final List<CowOrder> orders = auction.orders();
    final int n = orders.size();
    sell = new int[n];
    buy = new int[n];
    exactIn = new boolean[n];
    amount = new UInt256[n];
    for (int i = 0; i < n; i++) {
      final CowOrder o = orders.get(i);
      exactIn[i] = o.kind() == CowOrder.Kind.SELL;
      sell[i] = market.token(o.sellToken());
      buy[i] = market.token(o.buyToken());
      amount[i] = UInt256.of(exactIn[i] ? o.sellAmount() : o.buyAmount());
    }
  }

  /** Routes the next order; returns the plan (consumed by JMH). */
  @Benchmark
  public RoutePlan routeNextOrder() {
    final int i = next;
    next = i + 1 == sell.length ? 0 : i + 1;
    return router.route(sell[i], buy[i], exactIn[i], amount[i], maxHops, gasPrice, plan);
  }
}
