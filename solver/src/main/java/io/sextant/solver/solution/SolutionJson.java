package io.sextant.solver.solution;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code POST /solve} response body, written and read: {@code {"solutions":[...]}} with the
 * field order and conventions of the solver-engine DTOs (amounts as decimal strings, {@code id} and
 * {@code gas} as numbers, liquidity ids as strings). Writing is deterministic: the same solutions
 * give the same bytes. Thread-safe.
 */
public final class SolutionJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SolutionJson() {}

  /** The response body for {@code solutions}, UTF-8, compact. */
  public static byte[] write(final List<Solution> solutions) {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 1024 * solutions.size());
    try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeArrayFieldStart("solutions");
      for (Solution s : solutions) {
        write(g, s);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(final JsonGenerator g, final Solution s) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", s.id());
    g.writeObjectFieldStart("prices");
    for (Map.Entry<String, BigInteger> p : s.prices().entrySet()) {
      g.writeStringField(p.getKey(), p.getValue().toString());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("trades");
    for (Trade t : s.trades()) {
      g.writeStartObject();
      g.writeStringField("kind", "fulfillment");
      g.writeStringField("order", t.order());
      g.writeStringField("executedAmount", t.executedAmount().toString());
      if (t.fee() != null) {
        g.writeStringField("fee", t.fee().toString());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("preInteractions");
    g.writeEndArray();
    g.writeArrayFieldStart("interactions");
    for (LiquidityInteraction i : s.interactions()) {
      g.writeStartObject();
      g.writeStringField("kind", "liquidity");
      g.writeBooleanField("internalize", i.internalize());
      g.writeStringField("id", i.id());
      g.writeStringField("inputToken", i.inputToken());
      g.writeStringField("outputToken", i.outputToken());
      g.writeStringField("inputAmount", i.inputAmount().toString());
      g.writeStringField("outputAmount", i.outputAmount().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("postInteractions");
    g.writeEndArray();
    g.writeNumberField("gas", s.gas());
    g.writeEndObject();
  }

  /**
   * Reads a response body (ours or a reference solver's). Only {@code fulfillment} trades and
   * {@code liquidity} interactions are understood; anything else is an {@link
   * IllegalArgumentException} naming the path.
   */
  public static List<Solution> read(final byte[] body) {
    final JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("$: malformed JSON: " + e.getMessage(), e);
    }
    final JsonNode arr = need(root, "solutions", "$");
    final List<Solution> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      final String path = "solutions[" + i + "]";
      final JsonNode s = arr.get(i);
      final TreeMap<String, BigInteger> prices = new TreeMap<>();
      final Iterator<Map.Entry<String, JsonNode>> it = need(s, "prices", path).fields();
      while (it.hasNext()) {
        final Map.Entry<String, JsonNode> e = it.next();
        prices.put(e.getKey().toLowerCase(java.util.Locale.ROOT), num(e.getValue()));
      }
      final List<Trade> trades = new ArrayList<>();
      final JsonNode ts = need(s, "trades", path);
      for (int k = 0; k < ts.size(); k++) {
        final JsonNode t = ts.get(k);
        if (!"fulfillment".equals(t.path("kind").asText())) {
          throw new IllegalArgumentException(path + ".trades[" + k + "].kind: not fulfillment");
        }
        final JsonNode fee = t.get("fee");
        trades.add(
            new Trade(
                t.path("order").asText(),
                num(need(t, "executedAmount", path + ".trades[" + k + "]")),
                fee == null || fee.isNull() ? null : num(fee)));
      }
      final List<LiquidityInteraction> interactions = new ArrayList<>();
      final JsonNode is = need(s, "interactions", path);
      for (int k = 0; k < is.size(); k++) {
        final JsonNode n = is.get(k);
        final String ip = path + ".interactions[" + k + "]";
        if (!"liquidity".equals(n.path("kind").asText())) {
          throw new IllegalArgumentException(ip + ".kind: not liquidity");
        }
        interactions.add(
            new LiquidityInteraction(
                n.path("id").asText(),
                n.path("inputToken").asText().toLowerCase(java.util.Locale.ROOT),
                n.path("outputToken").asText().toLowerCase(java.util.Locale.ROOT),
                num(need(n, "inputAmount", ip)),
                num(need(n, "outputAmount", ip)),
                n.path("internalize").asBoolean(false)));
      }
      final JsonNode gas = s.get("gas");
      out.add(
          new Solution(
              s.path("id").asLong(),
              prices,
              List.copyOf(trades),
              List.copyOf(interactions),
              gas == null || gas.isNull() ? 0L : gas.asLong()));
    }
    return out;
  }

  private static JsonNode need(final JsonNode n, final String field, final String path) {
    final JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(path + "." + field + ": missing");
    }
    return v;
  }

  private static BigInteger num(final JsonNode n) {
    return new BigInteger(n.asText());
  }
}
