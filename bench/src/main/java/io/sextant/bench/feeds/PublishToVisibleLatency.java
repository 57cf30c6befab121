package io.sextant.bench.feeds;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.sextant.feeds.ring.InboundRing;
import io.sextant.feeds.ring.StateApplier;
import io.sextant.feeds.ring.SyntheticMarket;
import io.sextant.routing.state.PoolStateStore;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Fixed-rate latency harness: event i has the intended send time {@code start + i / rate}; the
 * producer publishes it no earlier than that, and a reader (the same thread, between sends, so that
 * the harness needs two cores, not three) polls {@link PoolStateStore#globalVersion()} and, when it
 * sees event i visible in the store, records {@code now − intended(i)}. Measuring from the intended
 * time corrects for coordinated omission: if the producer falls behind, the delay is counted.
 *
 * <p>Also reports bytes allocated per event by the consumer threads (ThreadMXBean), i.e. the B/op
 * of ring + applier in steady state.
 *
 * <p>Usage: {@code java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp
 * bench/target/benchmarks.jar io.sextant.bench.feeds.PublishToVisibleLatency [rate/s] [seconds]
 * [warmup seconds] [yielding|busyspin] [journal|nojournal] [runs]}
 */
public final class PublishToVisibleLatency {
  private PublishToVisibleLatency() {}

  public static void main(final String[] args) {
    final long rate = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    final int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    final String wait = args.length > 3 ? args[3] : "yielding";
    final boolean journal = args.length > 4 && "journal".equals(args[4]);
    final int runs = args.length > 5 ? Integer.parseInt(args[5]) : 3;
    System.out.printf(
        "rate %,d/s, %d s measured after %d s warm-up, %s, %s, %d runs%n",
        rate, seconds, warmup, wait, journal ? "with journal" : "no journal", runs);
    for (int r = 0; r < runs; r++) {
      run(rate, seconds, warmup, wait, journal);
    }
  }

  private static void run(
      final long rate,
      final int seconds,
      final int warmup,
      final String wait,
      final boolean journal) {
    final PoolStateStore store = PoolStateStore.withCapacity(1024, 0, 0);
    final SyntheticMarket market = new SyntheticMarket(store, 800, 200, 1);
    final long base = store.globalVersion();
    final WaitStrategy ws =
        "busyspin".equals(wait) ? new BusySpinWaitStrategy() : new YieldingWaitStrategy();
    final List<Thread> consumers = new ArrayList<>();
    final InboundRing ring =
        new InboundRing(
            store,
            65_536,
            ws,
            journal,
            task -> {
              final Thread t = new Thread(task, "ring-consumer-" + consumers.size());
              t.setDaemon(true);
              consumers.add(t);
              return t;
            });
    ring.start();
    final com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    final Histogram h = new Histogram(10_000_000_000L, 3);
    final long interval = 1_000_000_000L / rate;
    final long warmEvents = warmup * rate;
    final long total = (warmup + seconds) * rate;
    final long start = System.nanoTime() + 1_000_000;
    long seen = 0; // events visible so far
    long allocBefore = -1;
    for (long i = 0; i < total; i++) {
      final long intended = start + i * interval;
      long now;
      while ((now = System.nanoTime()) < intended) {
        seen = observe(store, base, seen, start, interval, warmEvents, h);
      }
      if (i == warmEvents) {
        allocBefore = allocated(mx, consumers);
      }
      final long seq = ring.next();
      market.next(ring.event(seq));
      ring.publish(seq);
      seen = observe(store, base, seen, start, interval, warmEvents, h);
    }
    while (seen < total) {
      seen = observe(store, base, seen, start, interval, warmEvents, h);
    }
    final long allocAfter = allocated(mx, consumers);
    final StateApplier a = ring.applier();
    ring.close();
    System.out.printf(
        Locale.ROOT,
        "publish->visible µs (CO-corrected, %,d events): p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f"
            + " p99.99 %.2f max %.1f | consumer alloc %.3f B/event | %s%n",
        h.getTotalCount(),
        h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(90) / 1e3,
        h.getValueAtPercentile(99) / 1e3,
        h.getValueAtPercentile(99.9) / 1e3,
        h.getValueAtPercentile(99.99) / 1e3,
        h.getMaxValue() / 1e3,
        (double) (allocAfter - allocBefore) / (total - warmEvents),
        a.report());
  }

  private static long observe(
      final PoolStateStore store,
      final long base,
      final long seen,
      final long start,
      final long interval,
      final long warmEvents,
      final Histogram h) {
    // Every synthetic event is one accepted write, so global version − base = events visible.
    final long visible = store.globalVersion() - base;
    if (visible == seen) {
      return seen;
    }
    final long now = System.nanoTime();
    for (long j = Math.max(seen, warmEvents); j < visible; j++) {
      h.recordValue(Math.max(0, now - (start + j * interval)));
    }
    return visible;
  }

  private static long allocated(
      final com.sun.management.ThreadMXBean mx, final List<Thread> threads) {
    long sum = 0;
    for (Thread t : threads) {
      sum += mx.getThreadAllocatedBytes(t.threadId());
    }
    return sum;
  }
}
