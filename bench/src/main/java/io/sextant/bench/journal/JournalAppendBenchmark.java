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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One journal append: a market event (130 bytes; the ring's journal path) or a decision (600-byte
 * response, 2 stages). With {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per
 * append: the target is 0 B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--enable-native-access=ALL-UNNAMED",
      "-Dchronicle.analytics.disable=true",
      "-Dchronicle.announcer.disable=true",
      "-Xms1g",
      "-Xmx1g"
    })
@State(Scope.Thread)
public class JournalAppendBenchmark {
  private Path dir;
  private Journal journal;
  private JournalAppender appender;
  private SyntheticMarket market;
  private final MarketEvent event = new MarketEvent();
  private final byte[] body = new byte[600];
  private final DecisionTrace trace = new DecisionTrace();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("journal-bench");
    journal = Journal.open(dir, "FAST_HOURLY");
    appender = journal.appender();
    market = new SyntheticMarket(PoolStateStore.withCapacity(1024, 0, 0), 800, 200, 1);
    market.next(event);
    trace.reset(SolveTrace.NONE);
    trace.stage("parse", 1_000);
    trace.stage("route", 2_000);
    trace.finished(1, false);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    journal.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public long appendMarketEvent() {
    return appender.appendMarketEvent(event);
  }

  @Benchmark
  public long appendDecision() {
    return appender.appendDecision(
        7, 42, "bench", DecisionStatus.SOLVED, trace, 3_000, body, 0, body.length);
  }
}
