package io.sextant.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.config.JournalConfig;
import io.sextant.solver.config.ServerConfig;
import io.sextant.solver.config.SextantConfig;
import io.sextant.solver.serve.NotificationSink;
import io.sextant.solver.serve.SolverServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The load generator against a real server over a test double that takes a known time. */
class SolveLoadTest {
  private static SolverServer server(final AtomicInteger solves, final long sleepMillis)
      throws Exception {
    return new SolverServer(
            new SextantConfig(
                new ServerConfig("127.0.0.1", 0, 10L << 20, 2, 64, 32, 30_000, 10_000, 16),
                EngineConfig.DEFAULTS,
                JournalConfig.DEFAULTS),
            (body, trace) -> {
              solves.incrementAndGet();
              try {
                Thread.sleep(sleepMillis);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "{\"solutions\":[{\"id\":0}]}".getBytes(StandardCharsets.UTF_8);
            },
            NotificationSink.NONE)
        .start();
  }

  @Test
  void fixedRateShouldSendOnScheduleAndMeasureAtLeastTheServiceTime() throws Exception {
    final AtomicInteger solves = new AtomicInteger();
    try (SolverServer s = server(solves, 20)) {
      final byte[] body = "{\"deadline\":\"2106-01-01T00:00:00.000Z\"}".getBytes();
      final SolveLoad.Result r =
          SolveLoad.run(
              URI.create(s.url() + "/solve"),
              body,
              20,
              2,
              Duration.ofMillis(500),
              Duration.ofSeconds(2));
      // Counted by intended start time: 20/s for 2 s is 40 however late the senders run.
      assertEquals(40, r.requests());
      assertEquals(Map.of(200, r.requests()), r.statuses());
      assertEquals(0, r.failures());
      assertEquals(0, r.empty());
      assertTrue(r.service().getValueAtPercentile(50) >= 20_000_000, "the engine sleeps 20 ms");
      assertTrue(
          r.latency().getValueAtPercentile(50) >= r.service().getValueAtPercentile(50) - 1_000_000);
      assertTrue(solves.get() >= r.requests(), "warm-up requests are sent too");
    }
  }

  @Test
  void shouldChargeAStalledServerToTheCorrectedLatencyAtFixedRate() throws Exception {
    final AtomicInteger solves = new AtomicInteger();
    try (SolverServer s = server(solves, 100)) {
      final byte[] body = "{\"deadline\":\"2106-01-01T00:00:00.000Z\"}".getBytes();
      final URI solve = URI.create(s.url() + "/solve");
      final SolveLoad.Result closed =
          SolveLoad.run(solve, body, 0, 1, Duration.ZERO, Duration.ofSeconds(1));
      // One request at a time per connection: never more than 1 s / 100 ms + the one in flight.
      assertTrue(closed.requests() >= 1 && closed.requests() <= 11, "closed " + closed.requests());
      assertEquals(Map.of(200, closed.requests()), closed.statuses());
      assertTrue(closed.service().getMinValue() >= 100_000_000, "the engine sleeps 100 ms");
      // 50/s on one connection against a 100 ms engine: the schedule falls behind, and the
      // latency from the intended start grows far beyond the service time.
      final SolveLoad.Result open =
          SolveLoad.run(solve, body, 50, 1, Duration.ZERO, Duration.ofSeconds(1));
      assertTrue(
          open.latency().getMaxValue() > 3 * open.service().getMaxValue(),
          "corrected max "
              + open.latency().getMaxValue()
              + ", service max "
              + open.service().getMaxValue());
    }
  }
}
