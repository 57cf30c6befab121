package io.sextant.bench.feeds;

import io.sextant.feeds.ring.MarketEvent;
import io.sextant.feeds.ring.StateApplier;
import io.sextant.feeds.ring.SyntheticMarket;
import io.sextant.routing.state.PoolStateStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The applier's own cost per event, on one thread, without the ring: a pre-generated sequence of
 * synthetic events ({@code v2} V2 pairs, {@code v3} V3 pools) applied to the store in order. The
 * ring benchmark's consumer can go no faster than this; the gap between the two is the ring.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class StateApplierBenchmark {
  private static final int EVENTS = 1 << 12;

  /** Pool mix: "v2" (1,000 V2 pairs), "v3" (1,000 V3 pools) or "mixed" (800 + 200). */
  @Param({"v2", "v3", "mixed"})
  public String mix;

  private MarketEvent[] events;
  private StateApplier applier;
  private long span;
  private long shift;

  @Setup(Level.Trial)
  public void setUp() {
    final PoolStateStore store = PoolStateStore.withCapacity(1024, 0, 0);
    final int v2 =
        switch (mix) {
          case "v2" -> 1000;
          case "v3" -> 0;
          default -> 800;
        };
    final SyntheticMarket market = new SyntheticMarket(store, v2, 1000 - v2, 1);
    events = new MarketEvent[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      events[i] = new MarketEvent();
      market.next(events[i]);
    }
    span = events[EVENTS - 1].block - events[0].block + 1;
    applier = new StateApplier(store);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int apply() {
    // Replays the same walk; shifting the block numbers keeps every event in chain order.
    int status = 0;
    final long d = shift;
    for (final MarketEvent e : events) {
      e.block += d;
      status |= applier.apply(e);
    }
    shift = span;
    return status;
  }
}
