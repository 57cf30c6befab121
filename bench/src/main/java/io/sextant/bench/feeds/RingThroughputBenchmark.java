package io.sextant.bench.feeds;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.sextant.feeds.ring.InboundRing;
import io.sextant.feeds.ring.SyntheticMarket;
import io.sextant.routing.state.PoolStateStore;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pool updates per second through the inbound ring into the store: the benchmark thread is the
 * producer (synthetic V2/V3 trades over 1,000 pools), the {@code StateApplier} applies them on its
 * own thread. One operation = one event published and applied (each invocation publishes a batch
 * and waits until the applier has finished it). With {@code -prof gc}, {@code gc.alloc.rate.norm}
 * is the allocation per event over all threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RingThroughputBenchmark {
  private static final int BATCH = 16_384;

  /** Consumer wait strategy: {@code yielding} or {@code busyspin}. */
  @Param({"yielding"})
  public String wait;

  /** Whether the journal slot consumes beside the applier (a third thread on this machine). */
  @Param({"false", "true"})
  public boolean journal;

  private InboundRing ring;
  private SyntheticMarket market;

  @Setup(Level.Trial)
  public void setUp() {
    final PoolStateStore store = PoolStateStore.withCapacity(1024, 0, 0);
    market = new SyntheticMarket(store, 800, 200, 1);
    final WaitStrategy ws =
        "busyspin".equals(wait) ? new BusySpinWaitStrategy() : new YieldingWaitStrategy();
    ring = new InboundRing(store, 65_536, ws, journal, Executors.defaultThreadFactory()).start();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    ring.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long publishAndApply() {
    long seq = -1;
    for (int i = 0; i < BATCH; i++) {
      seq = ring.next();
      market.next(ring.event(seq));
      ring.publish(seq);
    }
    while (ring.appliedSequence() < seq) {
      Thread.onSpinWait();
    }
    return seq;
  }
}
