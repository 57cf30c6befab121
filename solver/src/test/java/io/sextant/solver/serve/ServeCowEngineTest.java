package io.sextant.solver.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import io.sextant.solver.config.JournalConfig;
import io.sextant.solver.config.ServerConfig;
import io.sextant.solver.config.SextantConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code serve} end to end with the real engine that {@link EngineFactory} builds. */
class ServeCowEngineTest {
  private static final Path CASES = Path.of("..", "data", "cow-cases");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldAnswerARealAuctionExactlyAsTheEngineDoesAndRefuseABadOne() throws Exception {
    final byte[] auction = Files.readAllBytes(CASES.resolve("baseline__direct_swap.auction.json"));
    final SextantConfig config =
        new SextantConfig(
            new ServerConfig("127.0.0.1", 0, 10L << 20, 2, 16, 32, 30_000, 10_000, 16),
            EngineConfig.DEFAULTS,
            JournalConfig.DEFAULTS);
    final byte[] direct =
        EngineFactory.create(EngineConfig.DEFAULTS).solve(auction, SolveTrace.NONE);
    try (SolverServer server =
        new SolverServer(config, EngineFactory.create(EngineConfig.DEFAULTS), NotificationSink.NONE)
            .start()) {
      final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      final HttpResponse<String> ok = post(http, server.url(), auction);
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals(new String(direct, StandardCharsets.UTF_8), ok.body());
      assertEquals(1, JSON.readTree(ok.body()).get("solutions").size(), ok.body());

      // The same auction with its order repeated: a duplicate uid, refused with the field named.
      final JsonNode tree = JSON.readTree(auction);
      final com.fasterxml.jackson.databind.node.ArrayNode orders =
          (com.fasterxml.jackson.databind.node.ArrayNode) tree.get("orders");
      orders.add(orders.get(0).deepCopy());
      final HttpResponse<String> bad = post(http, server.url(), JSON.writeValueAsBytes(tree));
      assertEquals(400, bad.statusCode(), bad.body());
      assertTrue(
          JSON.readTree(bad.body()).get("message").asText().contains("orders[1]"), bad.body());
    }
  }

  private static HttpResponse<String> post(
      final HttpClient http, final String url, final byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url + "/solve"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
