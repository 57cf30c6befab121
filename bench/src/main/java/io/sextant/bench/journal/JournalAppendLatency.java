package io.sextant.bench.journal;

import io.sextant.feeds.ring.MarketEvent;
import io.sextant.feeds.ring.SyntheticMarket;
import io.sextant.routing.state.PoolStateStore;
import io.sextant.solver.api.SolveTrace;
import io.sextant.solver.journal.DecisionStatus;
import io.sextant.solver.journal.DecisionTrace;
import io.sextant.solver.journal.Journal;
import io.sextant.solver.journal.JournalAppender;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Fixed-rate journal append latency: append i is due at {@code start + i / rate}; the harness waits
 * (spinning) until then, appends, and records {@code end − due}. Measuring from the due time
 * corrects for coordinated omission: when an append stalls, every later append that waited behind
 * it is charged the wait. Entries are market events of a synthetic market (the inbound ring's
 * journal path, 130 bytes) or, with {@code mixed}, one request (600 bytes) and one decision (600
 * bytes, 2 stages) every 10 events. Also prints the bytes the appending thread allocated per append
 * after warm-up (ThreadMXBean).
 *
 * <p>Usage ({@code bin/bench journal-latency} passes the JVM flags): {@code JournalAppendLatency
 * [rate/s=100000] [seconds=10] [warmup seconds=5] [runs=3] [events|mixed] [dir]}; the journal goes
 * to a fresh directory under {@code dir} (default: the system temp dir), deleted afterwards.
 */
public final class JournalAppendLatency {
  private JournalAppendLatency() {}

  public static void main(final String[] args) throws IOException {
    final long rate = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    final int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    final int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    final boolean mixed = args.length > 4 && "mixed".equals(args[4]);
    final Path parent = Path.of(args.length > 5 ? args[5] : System.getProperty("java.io.tmpdir"));
    System.out.printf(
        "rate %,d appends/s, %d s measured after %d s warm-up, %s, %d runs, journal under %s%n",
        rate, seconds, warmup, mixed ? "mixed entries" : "market events", runs, parent);
    for (int r = 0; r < runs; r++) {
      final Path dir = Files.createTempDirectory(parent, "journal-latency");
      try {
        run(dir, rate, seconds, warmup, mixed);
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static void run(
      final Path dir, final long rate, final int seconds, final int warmup, final boolean mixed) {
    final PoolStateStore store = PoolStateStore.withCapacity(1024, 0, 0);
    final SyntheticMarket market = new SyntheticMarket(store, 800, 200, 1);
    final MarketEvent event = new MarketEvent();
    final byte[] body = new byte[600];
    final DecisionTrace trace = new DecisionTrace().reset(SolveTrace.NONE);
    trace.stage("parse", 1_000);
    trace.stage("route", 2_000);
    trace.finished(1, false);
    final com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    final long tid = Thread.currentThread().threadId();
    final Histogram h = new Histogram(10_000_000_000L, 3);
    try (Journal journal = Journal.open(dir, "FAST_HOURLY")) {
      final JournalAppender a = journal.appender();
      final long interval = 1_000_000_000L / rate;
      final long warm = warmup * rate;
      final long total = (warmup + seconds) * rate;
      final long start = System.nanoTime() + 1_000_000;
      long allocBefore = 0;
      for (long i = 0; i < total; i++) {
        final long due = start + i * interval;
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
        if (i == warm) {
          allocBefore = mx.getThreadAllocatedBytes(tid);
        }
        if (mixed && i % 10 == 8) {
          a.appendRequest(body, 0, body.length);
        } else if (mixed && i % 10 == 9) {
          a.appendDecision(i - 1, 42, "bench", DecisionStatus.SOLVED, trace, 3_000, body, 0, 600);
        } else {
          market.next(event);
          a.appendMarketEvent(event);
        }
        final long end = System.nanoTime();
        if (i >= warm) {
          h.recordValue(Math.max(0, end - due));
        }
      }
      final long alloc = mx.getThreadAllocatedBytes(tid) - allocBefore;
      System.out.printf(
          Locale.ROOT,
          "append µs (CO-corrected, %,d appends): p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f"
              + " p99.99 %.2f max %.1f | allocated %.4f B/append%n",
          h.getTotalCount(),
          h.getValueAtPercentile(50) / 1e3,
          h.getValueAtPercentile(90) / 1e3,
          h.getValueAtPercentile(99) / 1e3,
          h.getValueAtPercentile(99.9) / 1e3,
          h.getValueAtPercentile(99.99) / 1e3,
          h.getMaxValue() / 1e3,
          (double) alloc / (total - warm));
    }
  }
}
