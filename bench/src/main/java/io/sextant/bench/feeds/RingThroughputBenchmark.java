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
 * producer (synthetic V2/V3 trades over 1,000 pools, 80 % V2), the {@code StateApplier} applies
 * them on its own thread. One operation = one event published and applied (each invocation
 * publishes {@value #EVENTS} events and waits until the applier has finished them). With {@code
 * -prof gc}, {@code gc.alloc.rate.norm} is the allocation per event over all threads.
 *
 * <p>Parameters: {@code batch} events claimed and published at once ({@code next(n)} / {@code
 * publish(lo, hi)}; 1 = one {@code next}/{@code publish} per event); {@code ringSize} slots (a slot
 * with its holders is about 600 bytes, so 65,536 slots are 40 MB and every event misses the cache;
 * 4,096 stay in L2/L3); {@code wait} the consumer's wait strategy: {@code busyspin} never yields
 * the core (the low-latency configuration, but it needs a core per consumer plus one for the
 * producer), {@code yielding} spins 100 times then {@code Thread.yield()}s (the default: on a
 * 2-core machine a third spinning thread would starve); {@code journal} adds the journal slot as a
 * parallel consumer (a third thread).
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
  private static final int EVENTS = 16_384;

  /** Consumer wait strategy: {@code yielding} or {@code busyspin}. */
  @Param({"yielding"})
  public String wait;

  /** Whether the journal slot consumes beside the applier (a third thread on this machine). */
  @Param({"false", "true"})
  public boolean journal;

  /** Events per claim/publish. */
  @Param({"64"})
  public int batch;

  /** Ring slots (a power of two, at least {@code batch}). */
  @Param({"4096"})
  public int ringSize;

  private InboundRing ring;
  private SyntheticMarket market;

  @Setup(Level.Trial)
  public void setUp() {
    final PoolStateStore store = PoolStateStore.withCapacity(1024, 0, 0);
    market = new SyntheticMarket(store, 800, 200, 1);
    final WaitStrategy ws =
        "busyspin".equals(wait) ? new BusySpinWaitStrategy() : new YieldingWaitStrategy();
    ring = new InboundRing(store, ringSize, ws, journal, Executors.defaultThreadFactory()).start();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    ring.close();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long publishAndApply() {
    final int n = batch;
    long hi = -1;
    for (int done = 0; done < EVENTS; done += n) {
      hi = ring.next(n);
      final long lo = hi - n + 1;
      for (long seq = lo; seq <= hi; seq++) {
        market.next(ring.event(seq));
      }
      ring.publish(lo, hi);
    }
    // Spin, then yield: on a 2-core machine a producer spinning here takes the core the applier
    // needs to finish the batch.
    int spins = 0;
    while (ring.appliedSequence() < hi) {
      if (++spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    return hi;
  }
}
