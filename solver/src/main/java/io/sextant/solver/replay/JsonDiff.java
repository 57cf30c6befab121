package io.sextant.solver.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where two JSON documents differ, as JSON paths ({@code
 * solutions[0].interactions[1].outputAmount}) with both values. Cold path; used to explain a
 * decision that did not reproduce.
 */
public final class JsonDiff {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One difference: the path and the two values (as JSON text, or "absent"). */
  public record Difference(String path, String left, String right) {}

  private JsonDiff() {}

  /**
   * Up to {@code limit} differences between {@code left} and {@code right}; a single difference at
   * path {@code $} with the raw lengths when either is not JSON.
   */
  public static List<Difference> diff(final byte[] left, final byte[] right, final int limit) {
    final JsonNode a;
    final JsonNode b;
    try {
      a = JSON.readTree(left);
      b = JSON.readTree(right);
    } catch (IOException e) {
      return List.of(new Difference("$", left.length + " bytes", right.length + " bytes"));
    }
    final List<Difference> out = new ArrayList<>();
    walk("", a, b, out, limit);
    if (out.isEmpty()) {
      // Same JSON value, different bytes: formatting or key order.
      out.add(new Difference("$ (bytes)", left.length + " bytes", right.length + " bytes"));
    }
    return out;
  }

  private static void walk(
      final String path,
      final JsonNode a,
      final JsonNode b,
      final List<Difference> out,
      final int limit) {
    if (out.size() >= limit) {
      return;
    }
    if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
      out.add(new Difference(path.isEmpty() ? "$" : path, text(a), text(b)));
      return;
    }
    if (a.isObject()) {
      final TreeSet<String> keys = new TreeSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        keys.add(it.next().getKey());
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
        keys.add(it.next().getKey());
      }
      for (final String k : keys) {
        walk(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out, limit);
      }
    } else if (a.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        walk(path + "[" + i + "]", a.get(i), b.get(i), out, limit);
      }
    } else if (!a.equals(b)) {
      out.add(new Difference(path.isEmpty() ? "$" : path, text(a), text(b)));
    }
  }

  private static String text(final JsonNode n) {
    if (n == null) {
      return "absent";
    }
    final String s = n.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
