package io.sextant.bench;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.config.ConfigException;
import io.sextant.solver.config.ServerConfig;
import io.sextant.solver.config.SextantConfig;
import io.sextant.solver.serve.EngineFactory;
import io.sextant.solver.serve.NotificationSink;
import io.sextant.solver.serve.SolverServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load generator for {@code POST /solve}: sends one auction body over loopback keep-alive
 * connections (one JDK {@link HttpClient}, hence one connection, per sender thread) and reports
 * latency percentiles from HdrHistogram.
 *
 * <ul>
 *   <li>Fixed rate ({@code --rate R}): request k of a sender has an intended start time on a fixed
 *       schedule; its latency is measured from that time, not from when it was actually sent, so a
 *       server that stalls is charged for the requests it held back (coordinated omission
 *       corrected). The service time (send to answer) is reported beside it.
 *   <li>Closed loop ({@code --rate 0}): each sender sends its next request when the previous one is
 *       answered; latency is the service time.
 * </ul>
 *
 * <p>Without {@code --url} it starts a {@link SolverServer} in this JVM on a free loopback port
 * with the engine from {@link EngineFactory} and the configuration of {@code --config}. Only
 * loopback targets are accepted. Run it with {@code bin/bench solve-load [options]}.
 */
@Command(
    name = "solve-load",
    mixinStandardHelpOptions = true,
    description = "POSTs an auction to /solve at a fixed rate or closed loop and prints latency.")
public final class SolveLoad implements Callable<Integer> {
  /**
   * The embedded mainnet auction 7400693 (1.8 MB, 844 orders, 1,001 pools), from the solver jar.
   */
  static final String EMBEDDED = "/io/sextant/solver/data/mainnet-auction-7400693.json";

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Server to load, e.g. http://127.0.0.1:7878 (loopback only). Default: start one.")
  private URI url;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration of the in-process server (ignored with --url).")
  private Path config;

  @Option(
      names = "--body",
      paramLabel = "FILE",
      description = "Auction to POST (default: the embedded mainnet auction 7400693).")
  private Path body;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "Requests per second over all connections; 0 = closed loop (default).")
  private double rate;

  @Option(
      names = "--connections",
      defaultValue = "1",
      description = "Keep-alive connections, one sender thread each (default 1).")
  private int connections;

  @Option(
      names = "--warmup",
      defaultValue = "20",
      description = "Seconds of warm-up whose results are discarded (default 20).")
  private int warmupSeconds;

  @Option(
      names = "--duration",
      defaultValue = "30",
      description = "Seconds measured after the warm-up (default 30).")
  private int durationSeconds;

  /** What one run measured. */
  public record Result(
      Histogram latency,
      Histogram service,
      long requests,
      long empty,
      Map<Integer, Long> statuses,
      long failures,
      double seconds) {}

  public static void main(final String[] args) {
    System.exit(new CommandLine(new SolveLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (connections < 1 || connections > 256) {
      System.err.println("solve-load: --connections must be 1..256, got " + connections);
      return 2;
    }
    if (rate < 0 || warmupSeconds < 0 || durationSeconds < 1 || durationSeconds > 3600) {
      System.err.println(
          "solve-load: need --rate >= 0, --warmup >= 0 and --duration within 1..3600 seconds");
      return 2;
    }
    final byte[] auction = body == null ? embedded() : Files.readAllBytes(body);
    SolverServer server = null;
    URI target = url;
    if (target == null) {
      final SextantConfig cfg;
      try {
        cfg = config == null ? SextantConfig.DEFAULTS : SextantConfig.load(config);
      } catch (ConfigException e) {
        System.err.println("solve-load: " + e.getMessage());
        return 2;
      }
      final AuctionSolver solver;
      try {
        solver = EngineFactory.create(cfg.engine());
      } catch (IllegalStateException e) {
        System.err.println("solve-load: " + e.getMessage() + "; start a server and pass --url");
        return 2;
      }
      final ServerConfig s = cfg.server().withListen("127.0.0.1", 0);
      server = new SolverServer(cfg.withServer(s), solver, NotificationSink.NONE).start();
      target = URI.create(server.url());
    } else if (target.getHost() == null
        || !InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
      System.err.println("solve-load: only loopback targets are loaded, not " + target);
      return 2;
    }
    try {
      final URI solve = target.resolve("/solve");
      System.out.printf(
          Locale.ROOT,
          "solve-load: %s, body %,d bytes, %s, %d connection(s), %d s warm-up + %d s measured%n",
          solve,
          auction.length,
          rate > 0 ? String.format(Locale.ROOT, "fixed rate %.1f/s", rate) : "closed loop",
          connections,
          warmupSeconds,
          durationSeconds);
      final Result r =
          run(
              solve,
              auction,
              rate,
              connections,
              Duration.ofSeconds(warmupSeconds),
              Duration.ofSeconds(durationSeconds));
      print(r, rate > 0, System.out);
      return r.failures() == 0 && r.statuses().keySet().stream().allMatch(s -> s == 200) ? 0 : 1;
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private static byte[] embedded() throws IOException {
    try (InputStream in = SolveLoad.class.getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw new IOException("embedded auction missing from the jar: " + EMBEDDED);
      }
      return in.readAllBytes();
    }
  }

  /**
   * Loads {@code solve} with {@code auction}: {@code connections} senders, each at {@code rate /
   * connections} per second ({@code rate} 0: closed loop), results of the first {@code warmup}
   * discarded.
   */
  public static Result run(
      final URI solve,
      final byte[] auction,
      final double rate,
      final int connections,
      final Duration warmup,
      final Duration measure)
      throws InterruptedException {
    final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    final long measureFrom = start + warmup.toNanos();
    final long end = measureFrom + measure.toNanos();
    final long interval = rate > 0 ? (long) (connections * 1e9 / rate) : 0;
    final List<Sender> senders = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      final long first = start + (rate > 0 ? interval * i / connections : 0);
      final Sender s = new Sender(solve, auction, first, interval, measureFrom, end);
      s.thread = new Thread(s, "solve-load-" + i);
      s.thread.setDaemon(true);
      senders.add(s);
    }
    senders.forEach(s -> s.thread.start());
    final Histogram latency = histogram();
    final Histogram service = histogram();
    final Map<Integer, Long> statuses = new TreeMap<>();
    long requests = 0;
    long empty = 0;
    long failures = 0;
    for (Sender s : senders) {
      s.thread.join();
      latency.add(s.latency);
      service.add(s.service);
      requests += s.requests;
      empty += s.empty;
      failures += s.failures;
      s.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
    }
    return new Result(
        latency, service, requests, empty, statuses, failures, measure.toNanos() / 1e9);
  }

  private static Histogram histogram() {
    return new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
  }

  /** Prints counts and p50/p90/p99/p99.9/max in milliseconds. */
  public static void print(final Result r, final boolean fixedRate, final PrintStream out) {
    out.printf(
        Locale.ROOT,
        "requests %,d in %.0f s (%.1f/s), statuses %s, transport failures %d, empty answers %d%n",
        r.requests(),
        r.seconds(),
        r.requests() / r.seconds(),
        r.statuses(),
        r.failures(),
        r.empty());
    if (r.requests() > 0 && r.empty() == r.requests()) {
      out.println(
          "warning: every answer was {\"solutions\":[]}: check the auction's deadline and the"
              + " engine");
    }
    out.printf(
        Locale.ROOT, "%-30s %9s %9s %9s %9s %9s%n", "ms", "p50", "p90", "p99", "p99.9", "max");
    if (fixedRate) {
      row(out, "latency (from intended start)", r.latency());
    }
    row(out, "service (send to answer)", r.service());
  }

  private static void row(final PrintStream out, final String name, final Histogram h) {
    out.printf(
        Locale.ROOT,
        "%-30s %9.2f %9.2f %9.2f %9.2f %9.2f%n",
        name,
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(90) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getValueAtPercentile(99.9) / 1e6,
        h.getMaxValue() / 1e6);
  }

  /** One keep-alive connection: its own client, schedule and histograms. */
  private static final class Sender implements Runnable {
    private static final byte[] EMPTY = "{\"solutions\":[]}".getBytes(StandardCharsets.US_ASCII);

    private final HttpRequest request;
    private final long first;
    private final long interval;
    private final long measureFrom;
    private final long end;
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    final Histogram latency = histogram();
    final Histogram service = histogram();
    final Map<Integer, Long> statuses = new TreeMap<>();
    long requests;
    long empty;
    long failures;
    Thread thread;

    Sender(
        final URI solve,
        final byte[] auction,
        final long first,
        final long interval,
        final long measureFrom,
        final long end) {
      this.request =
          HttpRequest.newBuilder(solve)
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(auction))
              .build();
      this.first = first;
      this.interval = interval;
      this.measureFrom = measureFrom;
      this.end = end;
    }

    @Override
    public void run() {
      long intended = first;
      while (true) {
        long now = System.nanoTime();
        if (interval == 0) {
          intended = Math.max(now, first);
        }
        if (intended >= end) {
          return;
        }
        while (now < intended) {
          LockSupport.parkNanos(intended - now);
          now = System.nanoTime();
        }
        final long sent = System.nanoTime();
        int status = -1;
        byte[] answer = null;
        try {
          final HttpResponse<byte[]> r =
              client.send(request, HttpResponse.BodyHandlers.ofByteArray());
          status = r.statusCode();
          answer = r.body();
        } catch (IOException e) {
          status = -1;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        final long done = System.nanoTime();
        if (intended >= measureFrom) {
          requests++;
          if (status < 0) {
            failures++;
          } else {
            statuses.merge(status, 1L, Long::sum);
            if (status == 200 && Arrays.equals(answer, EMPTY)) {
              empty++;
            }
          }
          latency.recordValue(Math.min(done - intended, latency.getHighestTrackableValue()));
          service.recordValue(Math.min(done - sent, service.getHighestTrackableValue()));
        }
        intended += interval;
      }
    }
  }
}
