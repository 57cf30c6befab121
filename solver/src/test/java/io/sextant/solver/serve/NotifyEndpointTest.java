package io.sextant.solver.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.config.JournalConfig;
import io.sextant.solver.config.ServerConfig;
import io.sextant.solver.config.SextantConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /notify} over loopback: accepted, recorded, counted, or refused naming the field. */
class NotifyEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Notification> sunk = new CopyOnWriteArrayList<>();
  private SolverServer server;

  private void start(final int kept, final NotificationSink sink) throws Exception {
    server =
        new SolverServer(
                new SextantConfig(
                    new ServerConfig("127.0.0.1", 0, 10L << 20, 1, 4, 32, 30_000, 10_000, kept),
                    EngineConfig.DEFAULTS,
                    JournalConfig.DEFAULTS),
                (body, trace) -> Reply.NO_SOLUTIONS,
                sink)
            .start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> notify(final String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + "/notify"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAcceptRecordSinkAndCountNotifications() throws Exception {
    start(2, sunk::add);
    final String[] bodies = {
      "{\"auctionId\":\"7400693\",\"solutionId\":3,\"kind\":\"timeout\"}",
      "{\"auctionId\":null,\"solutionId\":[1,2],\"kind\":\"emptySolution\"}",
      "{\"auctionId\":\"5\",\"solutionId\":0,\"kind\":\"missingPrice\","
          + "\"tokenAddress\":\"0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\"}",
      "{\"auctionId\":\"6\",\"solutionId\":0,\"kind\":\"success\",\"transaction\":\"0x"
          + "ab".repeat(32)
          + "\"}",
    };
    for (String b : bodies) {
      final HttpResponse<String> r = notify(b);
      assertEquals(200, r.statusCode(), r.body());
    }
    assertEquals(4, sunk.size());
    assertEquals("timeout", sunk.get(0).kind());
    assertEquals(OptionalLong.of(7400693), sunk.get(0).auctionId());
    assertEquals(OptionalLong.empty(), sunk.get(1).auctionId());
    assertEquals(bodies[2], new String(sunk.get(2).body(), StandardCharsets.UTF_8));

    final List<Notification> kept = server.notifications().snapshot();
    assertEquals(2, kept.size(), "only the last server.notificationsKept are kept");
    assertEquals("missingPrice", kept.get(0).kind());
    assertEquals("success", kept.get(1).kind());
    assertEquals(4, server.notifications().total());

    final Map<String, Double> m =
        PrometheusText.parse(new String(server.metrics().scrape(), StandardCharsets.UTF_8));
    assertEquals(1.0, m.get("sextant_notifications_total{kind=\"timeout\"}"));
    assertEquals(1.0, m.get("sextant_notifications_total{kind=\"success\"}"));
    assertEquals(4.0, m.get("sextant_http_requests_total{endpoint=\"notify\",status=\"200\"}"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"auctionId\":\"1\"} | kind: missing",
        "{\"kind\":7} | kind: expected a string",
        "{\"kind\":\"weird\"} | kind: unknown notification kind \"weird\"",
        "{\"kind\":\"timeout\",\"auctionId\":1} | auctionId: expected an i64 as a string, or null",
        "{\"kind\":\"timeout\",\"auctionId\":\"x1\"} | auctionId: \"x1\" is not an i64",
        "{\"kind\":\"timeout\",\"solutionId\":-1} | solutionId: expected a u64 number",
        "{\"kind\":\"timeout\",\"solutionId\":[1,18446744073709551616]} | solutionId[1]: expected a u64 number",
        "{\"kind\":\"missingPrice\"} | tokenAddress: missing",
        "{\"kind\":\"missingPrice\",\"tokenAddress\":\"0x12\"} | tokenAddress: expected an address",
        "{\"kind\":\"nonBufferableTokensUsed\",\"tokens\":[\"0x1\"]} | tokens[0]: expected an address",
        "{\"kind\":\"solverAccountInsufficientBalance\",\"required\":\"115792089237316195423570985008687907853269984665640564039457584007913129639936\"}"
            + " | required: 115792089237316195423570985008687907853269984665640564039457584007913129639936"
            + " is above 2^256 - 1",
        "{\"kind\":\"solverAccountInsufficientBalance\",\"required\":12} | required: expected a U256 as a decimal or 0x-hex string",
        "{\"kind\":\"revert\",\"transaction\":\"0x12\"} | transaction: expected a 32-byte hex hash",
        "{\"kind\":\"driverError\"} | reason: missing",
        "{\"kind\":\"simulationFailed\",\"block\":1,\"tx\":{}} | succeededOnce: missing",
        "{\"kind\":\"timeout\",\"kind\":\"fail\"} | kind: malformed JSON: Duplicate field 'kind'",
        "[1] | expected a notification JSON object",
      })
  void shouldRefuseABadNotificationNamingTheField(final String body, final String message)
      throws Exception {
    start(8, sunk::add);
    final HttpResponse<String> r = notify(body);
    assertEquals(400, r.statusCode(), r.body());
    final String got = JSON.readTree(r.body()).get("message").textValue();
    assertTrue(got.startsWith(message), got);
    assertEquals(0, sunk.size());
    assertEquals(0, server.notifications().total());
  }

  @Test
  void shouldAnswer500WhenTheSinkFailsAndKeepServing() throws Exception {
    start(
        8,
        n -> {
          throw new IllegalStateException("journal full");
        });
    final HttpResponse<String> r = notify("{\"kind\":\"fail\"}");
    assertEquals(500, r.statusCode());
    assertTrue(r.body().contains("journal full"), r.body());
    assertEquals(
        405,
        http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/notify")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .statusCode());
  }
}
