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
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * Fixed-rate latency harness: event i has the intended send time {@code start + i / rate}; the
 * producer publishes it no earlier than that, and a reader (the same thread, between sends, so that
 * the harness needs two cores, not three) polls {@link PoolStateStore#globalVersion()} and, when it
 * sees event i visible in the store, records {@code now − intended(i)}. Measuring from the intended
 * time corrects for coordinated omission: if the producer falls behind (ring full, descheduled),
 * every late event counts its whole delay.
 *
 * <p>Nothing on the measured path allocates or parks: the producer spins on {@link System#nanoTime}
 * until the intended time, the histogram is pre-sized (values up to 10 s), the consumer waits with
 * the chosen strategy ({@code busyspin}: never leaves the core; {@code yielding}: spins, then
 * {@code Thread.yield()}, never parks). Also reports bytes allocated per event by the consumer
 * threads (ThreadMXBean), i.e. the B/op of ring + applier in steady state.
 *
 * <p>Usage ({@code bin/bench latency} runs it): {@code [--rate N] [--seconds N] [--warmup N]
 * [--wait busyspin|yielding] [--journal] [--runs N]}; defaults 1,000,000/s, 5 s measured after 3 s
 * warm-up, busyspin, no journal, 3 runs. The last line sums the runs up as a README table row.
 */
public final class PublishToVisibleLatency {
  private PublishToVisibleLatency() {}

  /** One run's figures, microseconds. */
  private record Run(double p50, double p99, double p999, double max, double allocPerEvent) {}

  public static void main(final String[] args) {
    long rate = 1_000_000;
    int seconds = 5;
    int warmup = 3;
    String wait = "busyspin";
    boolean journal = false;
    int runs = 3;
    for (int i = 0; i < args.length; i++) {
      final String a = args[i];
      try {
        switch (a) {
          case "--rate" -> rate = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
          case "--seconds" -> seconds = Integer.parseInt(args[++i]);
          case "--warmup" -> warmup = Integer.parseInt(args[++i]);
          case "--wait" -> wait = args[++i];
          case "--journal" -> journal = true;
          case "--runs" -> runs = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      } catch (final ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
        System.err.println(
            "latency: "
                + (e instanceof ArrayIndexOutOfBoundsException
                    ? a + " needs a value"
                    : e.getMessage())
                + "\nusage: [--rate N] [--seconds N] [--warmup N] [--wait busyspin|yielding]"
                + " [--journal] [--runs N]");
        System.exit(2);
      }
    }
    if (rate < 1 || rate > 1_000_000_000 || seconds < 1 || warmup < 0 || runs < 1) {
      System.err.println("latency: rate 1..1e9, seconds >= 1, warmup >= 0, runs >= 1");
      System.exit(2);
    }
    if (!"busyspin".equals(wait) && !"yielding".equals(wait)) {
      System.err.println("latency: --wait must be busyspin or yielding, not " + wait);
      System.exit(2);
    }
    System.out.printf(
        Locale.ROOT,
        "rate %,d/s, %d s measured after %d s warm-up, %s, %s, %d runs, %d CPUs%n",
        rate,
        seconds,
        warmup,
        wait,
        journal ? "with journal" : "no journal",
        runs,
        Runtime.getRuntime().availableProcessors());
    final List<Run> results = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      results.add(run(rate, seconds, warmup, wait, journal));
    }
    System.out.printf(
        Locale.ROOT,
        "| publish-to-visible, %,d events/s, %s, %s, %d × %d s | p50 %s µs | p99 %s µs | p99.9 %s µs"
            + " | max %s µs | %.3f B/event |%n",
        rate,
        wait,
        journal ? "journal" : "no journal",
        runs,
        seconds,
        range(results, Run::p50),
        range(results, Run::p99),
        range(results, Run::p999),
        range(results, Run::max),
        results.stream().mapToDouble(Run::allocPerEvent).max().orElse(0));
  }

  private static String range(final List<Run> runs, final ToDoubleFunction<Run> f) {
    final double lo = runs.stream().mapToDouble(f).min().orElse(0);
    final double hi = runs.stream().mapToDouble(f).max().orElse(0);
    return lo == hi ? fmt(lo) : fmt(lo) + "–" + fmt(hi);
  }

  private static String fmt(final double us) {
    return us >= 100
        ? String.format(Locale.ROOT, "%,.0f", us)
        : String.format(Locale.ROOT, "%.2f", us);
  }

  private static Run run(
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
            4096,
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
    // Intended times in exact nanoseconds: i * 1e9 / rate, without truncating the interval.
    final long warmEvents = warmup * rate;
    final long total = (warmup + seconds) * rate;
    final long start = System.nanoTime() + 1_000_000;
    long seen = 0; // events visible so far
    long allocBefore = -1;
    for (long i = 0; i < total; i++) {
      final long intended = start + intended(i, rate);
      while (System.nanoTime() < intended) {
        seen = observe(store, base, seen, start, rate, warmEvents, h);
      }
      if (i == warmEvents) {
        allocBefore = allocated(mx, consumers);
      }
      final long seq = ring.next();
      market.next(ring.event(seq));
      ring.publish(seq);
      seen = observe(store, base, seen, start, rate, warmEvents, h);
    }
    while (seen < total) {
      seen = observe(store, base, seen, start, rate, warmEvents, h);
    }
    final long allocAfter = allocated(mx, consumers);
    final StateApplier a = ring.applier();
    ring.close();
    final Run r =
        new Run(
            h.getValueAtPercentile(50) / 1e3,
            h.getValueAtPercentile(99) / 1e3,
            h.getValueAtPercentile(99.9) / 1e3,
            h.getMaxValue() / 1e3,
            (double) (allocAfter - allocBefore) / (total - warmEvents));
    System.out.printf(
        Locale.ROOT,
        "publish->visible µs (CO-corrected, %,d events): p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f"
            + " p99.99 %.2f max %.1f | consumer alloc %.3f B/event | %s%n",
        h.getTotalCount(),
        r.p50(),
        h.getValueAtPercentile(90) / 1e3,
        r.p99(),
        r.p999(),
        h.getValueAtPercentile(99.99) / 1e3,
        r.max(),
        r.allocPerEvent(),
        a.report());
    return r;
  }

  private static long intended(final long i, final long rate) {
    return i * 1_000_000_000L / rate; // exact; i < 9.2e9 events
  }

  private static long observe(
      final PoolStateStore store,
      final long base,
      final long seen,
      final long start,
      final long rate,
      final long warmEvents,
      final Histogram h) {
    // Every synthetic event is one accepted write, so global version − base = events visible.
    final long visible = store.globalVersion() - base;
    if (visible == seen) {
      return seen;
    }
    final long now = System.nanoTime();
    for (long j = Math.max(seen, warmEvents); j < visible; j++) {
      h.recordValue(Math.max(0, now - (start + intended(j, rate))));
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
