package io.sextant.solver.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import io.sextant.solver.config.JournalConfig;
import io.sextant.solver.config.ServerConfig;
import io.sextant.solver.config.SextantConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP API over real loopback connections, with test doubles of the engine: every endpoint, the
 * error answers, the deadline cap, concurrency and keep-alive, and the metrics text.
 */
class SolverServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FAR = "2106-01-01T00:00:00.000Z";
  private static final String SOLVED = "{\"solutions\":[{\"id\":0}]}";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private SolverServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static ServerConfig serverConfig(final int workers, final int queue) {
    return new ServerConfig("127.0.0.1", 0, 10L << 20, workers, queue, 32, 30_000, 10_000, 16);
  }

  /** An engine double: may throw anything, as a real engine might. */
  @FunctionalInterface
  interface Engine {
    byte[] solve(byte[] body, SolveTrace trace) throws Exception;
  }

  private static AuctionSolver solver(final Engine engine) {
    return (body, trace) -> {
      try {
        return engine.solve(body, trace);
      } catch (BadRequestException | RuntimeException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private SolverServer start(final Engine engine) throws Exception {
    return start(engine, serverConfig(2, 16));
  }

  private SolverServer start(final Engine engine, final ServerConfig config) throws Exception {
    server =
        new SolverServer(
                new SextantConfig(config, EngineConfig.DEFAULTS, JournalConfig.DEFAULTS),
                solver(engine),
                NotificationSink.NONE)
            .start();
    return server;
  }

  private static String auction(final String deadline) {
    return "{\"id\":\"1\",\"tokens\":{},\"orders\":[],\"liquidity\":[],"
        + "\"effectiveGasPrice\":\"1\",\"deadline\":\""
        + deadline
        + "\",\"surplusCapturingJitOrderOwners\":[]}";
  }

  private HttpResponse<String> post(final String path, final String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(final String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String message(final HttpResponse<String> r) throws IOException {
    final JsonNode n = JSON.readTree(r.body());
    assertTrue(n.isObject() && n.get("message").isTextual(), r.body());
    assertEquals(1, n.size(), r.body());
    return n.get("message").textValue();
  }

  private Map<String, Double> metrics() throws Exception {
    final HttpResponse<String> r = get("/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("text/plain"));
    return PrometheusText.parse(r.body());
  }

  private static double sample(
      final Map<String, Double> m, final String name, final String... labels) {
    final Map<String, String> l = new java.util.TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      l.put(labels[i], labels[i + 1]);
    }
    return m.getOrDefault(PrometheusText.key(name, l), 0.0);
  }

  @Test
  void shouldAnswerSolveWithTheEngineResponseForTheExactBody() throws Exception {
    final AtomicReference<byte[]> seen = new AtomicReference<>();
    start(
        (body, trace) -> {
          seen.set(body);
          trace.stage("parse", 2_000_000);
          trace.stage("route", 5_000_000);
          trace.finished(1, false);
          return SOLVED.getBytes(StandardCharsets.UTF_8);
        });
    final String body = auction(FAR);
    final HttpResponse<String> r = post("/solve", body);
    assertEquals(200, r.statusCode());
    assertEquals(SOLVED, r.body());
    assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
    assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), seen.get());

    final Map<String, Double> m = metrics();
    assertEquals(
        1.0, sample(m, "sextant_http_requests_total", "endpoint", "solve", "status", "200"));
    assertEquals(1.0, sample(m, "sextant_solutions_returned_total"));
    assertEquals(1.0, sample(m, "sextant_solve_stage_duration_seconds_count", "stage", "route"));
    assertEquals(
        0.005, sample(m, "sextant_solve_stage_duration_seconds_sum", "stage", "route"), 1e-12);
    assertEquals(
        1.0,
        sample(m, "sextant_solve_stage_duration_seconds_bucket", "stage", "parse", "le", "0.0025"));
    assertEquals(
        0.0,
        sample(m, "sextant_solve_stage_duration_seconds_bucket", "stage", "route", "le", "0.0025"));
    assertEquals(
        1.0, sample(m, "sextant_http_request_duration_seconds_count", "endpoint", "solve"));
  }

  @Test
  void shouldServeHealthz() throws Exception {
    start((body, trace) -> SOLVED.getBytes(StandardCharsets.UTF_8));
    final HttpResponse<String> r = get("/healthz");
    assertEquals(200, r.statusCode());
    assertEquals("ok", JSON.readTree(r.body()).get("status").textValue());
  }

  @Test
  void shouldCountEveryRequestInTheMetricsText() throws Exception {
    start(
        (body, trace) -> {
          trace.finished(1, false);
          return SOLVED.getBytes(StandardCharsets.UTF_8);
        });
    for (int i = 0; i < 3; i++) {
      post("/solve", auction(FAR));
    }
    post("/solve", "{");
    get("/nowhere");
    get("/solve");
    get("/healthz");
    final Map<String, Double> m = metrics();
    assertEquals(
        3.0, sample(m, "sextant_http_requests_total", "endpoint", "solve", "status", "200"));
    assertEquals(
        1.0, sample(m, "sextant_http_requests_total", "endpoint", "solve", "status", "400"));
    assertEquals(
        1.0, sample(m, "sextant_http_requests_total", "endpoint", "solve", "status", "405"));
    assertEquals(
        1.0, sample(m, "sextant_http_requests_total", "endpoint", "other", "status", "404"));
    assertEquals(
        1.0, sample(m, "sextant_http_requests_total", "endpoint", "healthz", "status", "200"));
    assertEquals(1.0, sample(m, "sextant_errors_total", "kind", "bad_request"));
    assertEquals(1.0, sample(m, "sextant_errors_total", "kind", "not_found"));
    assertEquals(1.0, sample(m, "sextant_errors_total", "kind", "method_not_allowed"));
    assertEquals(3.0, sample(m, "sextant_solutions_returned_total"));
    // The scrape itself is in flight while it is taken.
    assertEquals(1.0, sample(m, "sextant_http_requests_in_flight"));
    assertEquals(0.0, sample(m, "sextant_solve_deadline_hits_total", "by", "server"));
    assertTrue(m.containsKey("sextant_solve_deadline_hits_total{by=\"engine\"}"));
  }

  @Test
  void shouldAnswer404ForAnUnknownPathAnd405ForAWrongMethod() throws Exception {
    start((body, trace) -> SOLVED.getBytes(StandardCharsets.UTF_8));
    final HttpResponse<String> missing = post("/solver", auction(FAR));
    assertEquals(404, missing.statusCode());
    assertTrue(message(missing).contains("/solver"), missing.body());

    final HttpResponse<String> wrong = get("/solve");
    assertEquals(405, wrong.statusCode());
    assertEquals("POST", wrong.headers().firstValue("allow").orElseThrow());
    assertTrue(message(wrong).contains("GET is not allowed on /solve"), wrong.body());

    final HttpResponse<String> wrongMetrics = post("/metrics", "{}");
    assertEquals(405, wrongMetrics.statusCode());
    assertEquals("GET", wrongMetrics.headers().firstValue("allow").orElseThrow());
  }

  /** Each kind of bad auction the engine finds comes back as 400 with the engine's field. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "orders[0].sellAmount | expected a decimal string, got a number",
        "orders[2].buyAmount | 115792089237316195423570985008687907853269984665640564039457584007913129639936"
            + " is above 2^256 - 1",
        "liquidity[7].kind | unknown liquidity kind \"curveNative\"",
        "orders[5].uid | duplicate order uid 0xab",
        "tokens.0xabc | not an address"
      })
  void shouldAnswer400NamingTheFieldTheEngineRefuses(final String field, final String problem)
      throws Exception {
    start(
        (body, trace) -> {
          throw new BadRequestException(field, problem);
        });
    final HttpResponse<String> r = post("/solve", auction(FAR));
    assertEquals(400, r.statusCode());
    assertEquals(field + ": " + problem, message(r));
    final HttpResponse<String> next = get("/healthz");
    assertEquals(200, next.statusCode(), "the server keeps serving");
  }

  /** JSON syntax errors are found by the server itself, whatever the engine would say. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"orders\":[{\"uid\":\"0x1\"},{\"uid\" \"0x2\"}]} | orders[1].uid",
        "{\"orders\":[1,2,]} | orders[2]",
        "{\"tokens\":{\"0xa\":{\"decimals\":18,}}} | tokens.0xa.decimals",
        "not json at all | ''",
        "[1,2,3] | ''",
        "{\"id\":\"1\"} trailing | ''",
        "{\"id\":\"1\" | id",
        "{\"deadline\":\"2106-01-01T00:00:00.000Z\",\"x\":\"unterminated} | x"
      })
  void shouldAnswer400ForMalformedJson(final String body, final String field) throws Exception {
    final AtomicInteger solved = new AtomicInteger();
    start(
        (b, trace) -> {
          solved.incrementAndGet();
          return SOLVED.getBytes(StandardCharsets.UTF_8);
        });
    final HttpResponse<String> r = post("/solve", body);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(0, solved.get() > 0 && r.statusCode() != 400 ? 1 : 0);
    final String m = message(r);
    if (field.isEmpty()) {
      assertTrue(m.startsWith("malformed JSON") || m.startsWith("expected an auction JSON"), m);
    } else {
      assertTrue(m.startsWith(field + ": malformed JSON"), m);
    }
  }

  @Test
  void shouldAnswer400ForAnEmptyBody() throws Exception {
    start((body, trace) -> SOLVED.getBytes(StandardCharsets.UTF_8));
    final HttpResponse<String> r = post("/solve", "");
    assertEquals(400, r.statusCode());
    assertTrue(message(r).contains("empty body"));
  }

  @Test
  void shouldAnswer500WhenTheEngineFailsAndKeepServing() throws Exception {
    final AtomicInteger calls = new AtomicInteger();
    start(
        (body, trace) -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("pool 17 has no state");
          }
          return SOLVED.getBytes(StandardCharsets.UTF_8);
        });
    final HttpResponse<String> r = post("/solve", auction(FAR));
    assertEquals(500, r.statusCode());
    assertTrue(message(r).contains("pool 17 has no state"), r.body());
    assertEquals(SOLVED, post("/solve", auction(FAR)).body());
    assertEquals(1.0, sample(metrics(), "sextant_errors_total", "kind", "engine_error"));
  }

  @Test
  void shouldAnswer500WhenTheEngineReturnsNoBody() throws Exception {
    start((body, trace) -> null);
    final HttpResponse<String> r = post("/solve", auction(FAR));
    assertEquals(500, r.statusCode());
    assertTrue(message(r).contains("no response body"), r.body());
  }

  @Test
  void shouldAnswerEmptyBeforeTheDeadlineWhenTheEngineOverruns() throws Exception {
    final CountDownLatch interrupted = new CountDownLatch(1);
    start(
        (body, trace) -> {
          try {
            Thread.sleep(10_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
          return SOLVED.getBytes(StandardCharsets.UTF_8);
        });
    // Slack 500 ms: the engine should answer by deadline - 500, the server cuts at deadline - 250.
    final Instant deadline = Instant.now().plusMillis(900);
    final long t0 = System.nanoTime();
    final HttpResponse<String> r = post("/solve", auction(deadline.toString()));
    final Instant answered = Instant.now();
    final long tookMillis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(200, r.statusCode());
    assertEquals("{\"solutions\":[]}", r.body());
    assertTrue(answered.isBefore(deadline), "answered " + answered + ", deadline " + deadline);
    assertTrue(
        tookMillis >= 400, "the server waited for the engine until the cutoff: " + tookMillis);
    assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the overrunning solve was interrupted");
    final Map<String, Double> m = metrics();
    assertEquals(1.0, sample(m, "sextant_solve_deadline_hits_total", "by", "server"));
    assertEquals(0.0, sample(m, "sextant_solutions_returned_total"));
  }

  @Test
  void shouldAnswerInTimeEvenWhenTheEngineIgnoresInterrupts() throws Exception {
    final AtomicBoolean release = new AtomicBoolean();
    try {
      start(
          (body, trace) -> {
            while (!release.get()) {
              Thread.onSpinWait();
              Thread.interrupted(); // a badly behaved engine: swallows the interrupt
            }
            return SOLVED.getBytes(StandardCharsets.UTF_8);
          });
      final Instant deadline = Instant.now().plusMillis(800);
      final HttpResponse<String> r = post("/solve", auction(deadline.toString()));
      assertTrue(Instant.now().isBefore(deadline));
      assertEquals("{\"solutions\":[]}", r.body());
    } finally {
      release.set(true);
    }
  }

  @Test
  void shouldAnswerARequestPastItsDeadlineEmptyAtOnce() throws Exception {
    start(
        (body, trace) -> {
          Thread.sleep(50);
          return SOLVED.getBytes(StandardCharsets.UTF_8);
        });
    final long t0 = System.nanoTime();
    final HttpResponse<String> r =
        post("/solve", auction(Instant.now().minusSeconds(1).toString()));
    assertEquals(200, r.statusCode());
    assertEquals("{\"solutions\":[]}", r.body());
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2));
    assertEquals(1.0, sample(metrics(), "sextant_solve_deadline_hits_total", "by", "server"));
  }

  @Test
  void shouldCapASolveAtSolveTimeoutMillisWhenTheDeadlineIsFar() throws Exception {
    start(
        (body, trace) -> {
          Thread.sleep(10_000);
          return SOLVED.getBytes(StandardCharsets.UTF_8);
        },
        new ServerConfig("127.0.0.1", 0, 10L << 20, 1, 4, 32, 30_000, 300, 16));
    final long t0 = System.nanoTime();
    final HttpResponse<String> r = post("/solve", auction(FAR));
    final long took = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("{\"solutions\":[]}", r.body());
    assertTrue(took >= 250 && took < 3_000, "took " + took + " ms");
  }

  @Test
  void shouldCountTheEnginesOwnDeadlineHit() throws Exception {
    start(
        (body, trace) -> {
          trace.finished(0, true);
          return "{\"solutions\":[]}".getBytes(StandardCharsets.UTF_8);
        });
    post("/solve", auction(FAR));
    final Map<String, Double> m = metrics();
    assertEquals(1.0, sample(m, "sextant_solve_deadline_hits_total", "by", "engine"));
    assertEquals(0.0, sample(m, "sextant_solve_deadline_hits_total", "by", "server"));
  }

  @Test
  void shouldAnswer429WhenEveryWorkerIsBusyAndTheQueueIsFull() throws Exception {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    start(
        (body, trace) -> {
          started.countDown();
          release.await();
          return SOLVED.getBytes(StandardCharsets.UTF_8);
        },
        serverConfig(1, 0));
    final ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      final Future<HttpResponse<String>> first = pool.submit(() -> post("/solve", auction(FAR)));
      assertTrue(started.await(5, TimeUnit.SECONDS));
      final HttpResponse<String> busy = post("/solve", auction(FAR));
      assertEquals(429, busy.statusCode());
      assertTrue(message(busy).startsWith("too busy"));
      release.countDown();
      assertEquals(SOLVED, first.get(5, TimeUnit.SECONDS).body());
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void shouldAnswerConcurrentRequestsEachWithItsOwnResponse() throws Exception {
    // The double answers with the auction id it was sent, so a mixed-up answer is seen.
    start(
        (body, trace) -> {
          final String id = JSON.readTree(body).get("id").textValue();
          Thread.sleep(2);
          return ("{\"solutions\":[],\"echo\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        },
        serverConfig(2, 64));
    final int clients = 8;
    final int each = 25;
    final ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      final List<Future<Integer>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        final int client = c;
        done.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < each; i++) {
                    final String id = Integer.toString(client * 1000 + i);
                    final String body =
                        auction(FAR).replace("\"id\":\"1\"", "\"id\":\"" + id + "\"");
                    final HttpResponse<String> r = post("/solve", body);
                    assertEquals(200, r.statusCode());
                    assertEquals(id, JSON.readTree(r.body()).get("echo").textValue());
                    ok++;
                  }
                  return ok;
                }));
      }
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(clients * each, total);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        (double) clients * each,
        sample(metrics(), "sextant_http_requests_total", "endpoint", "solve", "status", "200"));
  }

  @Test
  void shouldKeepTheConnectionAliveAcrossRequests() throws Exception {
    start((body, trace) -> SOLVED.getBytes(StandardCharsets.UTF_8));
    final byte[] body = auction(FAR).getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      final OutputStream out = s.getOutputStream();
      final InputStream in = s.getInputStream();
      for (int i = 0; i < 3; i++) {
        out.write(
            ("POST /solve HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        final RawHttp.Response r = RawHttp.read(in);
        assertEquals(200, r.status());
        assertEquals(SOLVED, r.body());
        assertTrue(!r.headers().contains("connection: close"), r.headers());
      }
      out.write(
          "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertEquals(200, RawHttp.read(in).status());
    }
  }

  /** A body of exactly the limit is read and solved; one byte more is refused. */
  @Test
  void shouldAcceptABodyOfExactlyTheLimit() throws Exception {
    final AtomicInteger length = new AtomicInteger();
    start(
        (body, trace) -> {
          length.set(body.length);
          return SOLVED.getBytes(StandardCharsets.UTF_8);
        });
    final int limit = 10 << 20;
    final HttpResponse<String> r = post("/solve", paddedAuction(limit));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(limit, length.get());
  }

  private static String paddedAuction(final int size) {
    final String head = "{\"deadline\":\"" + FAR + "\",\"pad\":\"";
    final String tail = "\"}";
    final char[] pad = new char[size - head.length() - tail.length()];
    Arrays.fill(pad, 'x');
    return head + new String(pad) + tail;
  }

  /** 10 MiB + 1 streamed with a Content-Length: refused with 413 without reading it. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void shouldAnswer413ForABodyOverTenMebibytes(final boolean chunked) throws Exception {
    final AtomicInteger solved = new AtomicInteger();
    start(
        (body, trace) -> {
          solved.incrementAndGet();
          return SOLVED.getBytes(StandardCharsets.UTF_8);
        });
    final int size = (10 << 20) + 1;
    final byte[] body = paddedAuction(size).getBytes(StandardCharsets.US_ASCII);
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      final OutputStream out = s.getOutputStream();
      out.write(
          ("POST /solve HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + (chunked
                      ? "Transfer-Encoding: chunked\r\n"
                      : "Content-Length: " + size + "\r\n")
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      final Thread writer =
          new Thread(
              () -> {
                try {
                  for (int at = 0; at < body.length; at += 65_536) {
                    final int n = Math.min(65_536, body.length - at);
                    if (chunked) {
                      out.write(
                          (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(body, at, n);
                    if (chunked) {
                      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                  }
                  if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  }
                  out.flush();
                } catch (IOException e) {
                  // The server closed the connection after its 413: expected.
                }
              });
      writer.setDaemon(true);
      writer.start();
      final RawHttp.Response r = RawHttp.read(s.getInputStream());
      assertEquals(413, r.status());
      assertTrue(r.headers().contains("connection: close"), r.headers());
      final String m = JSON.readTree(r.body()).get("message").textValue();
      assertTrue(m.contains("larger than the limit of 10485760 bytes"), m);
      writer.join(20_000);
    }
    assertEquals(0, solved.get());
    assertEquals(1.0, sample(metrics(), "sextant_errors_total", "kind", "body_too_large"));
    assertEquals(200, get("/healthz").statusCode());
  }
}
