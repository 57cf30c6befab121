package io.sextant.solver.quote;

import static io.sextant.feeds.cow.CowJson.describe;
import static io.sextant.feeds.cow.CowJson.field;
import static io.sextant.feeds.cow.CowJson.join;
import static io.sextant.feeds.cow.CowJson.object;
import static io.sextant.feeds.cow.CowJson.optionalField;
import static io.sextant.feeds.cow.CowJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.feeds.cow.CowFormatException;
import io.sextant.feeds.cow.CowJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a queries file: a JSON array of {@code {"id", "sellToken", "buyToken", "kind", "amount",
 * ["minAmountOut" | "maxAmountIn"]}}, or an object whose {@code queries} member is that array (the
 * peers file {@code data/peers-7400693.json}; its other members, and extra members of each query,
 * are ignored, except {@code excludedPools[].address}, which is returned).
 *
 * <p>Two kinds of problem, kept apart:
 *
 * <ul>
 *   <li>the file's shape: not JSON, not an array, a query that is not an object, a missing field or
 *       one of the wrong JSON type. The whole file is unusable: {@link CowFormatException} naming
 *       the JSON path.
 *   <li>a query's values: an address that is not one, an unknown kind, an amount that is not a
 *       uint256 or is zero, a limit on the wrong kind, a repeated id. That query gets an error in
 *       its slot; the others go on.
 * </ul>
 */
public final class QuoteFileParser {
  /**
   * One query of the file: the parsed query, or the error for its slot.
   *
   * @param id the query's id as given
   * @param query the query, or {@code null} when {@code error} is set
   * @param error why the query cannot be quoted (names its JSON path), or {@code null}
   */
  public record Entry(String id, QuoteQuery query, String error) {}

  /**
   * A parsed file.
   *
   * @param entries the queries, in file order
   * @param excludedPools {@code excludedPools[].address} of a peers file (lowercase), else empty
   */
  public record QuoteFile(List<Entry> entries, List<String> excludedPools) {}

  /**
   * Parses the file's text.
   *
   * @throws CowFormatException if the file's shape is wrong (see the class comment)
   */
  public QuoteFile parse(final String json) {
    final JsonNode root = CowJson.readTree(json);
    final JsonNode queries;
    final String base;
    final List<String> excluded = new ArrayList<>();
    if (root != null && root.isArray()) {
      queries = root;
      base = "queries";
    } else if (root != null && root.isObject()) {
      queries = field(root, "queries", "");
      if (!queries.isArray()) {
        throw new CowFormatException("queries", "expected an array, got " + describe(queries));
      }
      base = "queries";
      final JsonNode ex = optionalField(root, "excludedPools");
      if (ex != null) {
        if (!ex.isArray()) {
          throw new CowFormatException("excludedPools", "expected an array, got " + describe(ex));
        }
        for (int i = 0; i < ex.size(); i++) {
          final String p = "excludedPools[" + i + "]";
          object(ex.get(i), p);
          excluded.add(CowJson.address(field(ex.get(i), "address", p), join(p, "address")));
        }
      }
    } else {
      throw new CowFormatException(
          "$", "expected a JSON array of queries or an object with a \"queries\" array");
    }
    final List<Entry> out = new ArrayList<>(queries.size());
    final Map<String, Integer> firstAt = new HashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      final String path = base + "[" + i + "]";
      final JsonNode n = object(queries.get(i), path);
      final String id = id(n, path);
      final Raw raw = raw(n, path);
      final Integer first = firstAt.putIfAbsent(id, i);
      if (first != null) {
        out.add(
            new Entry(
                id,
                null,
                join(path, "id")
                    + ": duplicate id \""
                    + id
                    + "\" (first at "
                    + base
                    + "["
                    + first
                    + "])"));
        continue;
      }
      try {
        out.add(new Entry(id, query(id, raw, path), null));
      } catch (CowFormatException e) {
        out.add(new Entry(id, null, e.getMessage()));
      }
    }
    return new QuoteFile(List.copyOf(out), List.copyOf(excluded));
  }

  /** The query's fields with their JSON types checked, values not yet interpreted. */
  private record Raw(
      String sellToken,
      String buyToken,
      String kind,
      String amount,
      String minAmountOut,
      String maxAmountIn) {}

  private static String id(final JsonNode n, final String path) {
    final JsonNode id = field(n, "id", path);
    if (id.isIntegralNumber()) {
      return id.asText();
    }
    return text(id, join(path, "id"));
  }

  private static Raw raw(final JsonNode n, final String path) {
    return new Raw(
        text(field(n, "sellToken", path), join(path, "sellToken")),
        text(field(n, "buyToken", path), join(path, "buyToken")),
        text(field(n, "kind", path), join(path, "kind")),
        text(field(n, "amount", path), join(path, "amount")),
        optionalText(n, "minAmountOut", path),
        optionalText(n, "maxAmountIn", path));
  }

  private static String optionalText(final JsonNode n, final String name, final String path) {
    final JsonNode v = optionalField(n, name);
    return v == null ? null : text(v, join(path, name));
  }

  private static QuoteQuery query(final String id, final Raw r, final String path) {
    final boolean exactIn =
        switch (r.kind()) {
          case "sell" -> true;
          case "buy" -> false;
          default ->
              throw new CowFormatException(
                  join(path, "kind"), "expected \"sell\" or \"buy\", got \"" + r.kind() + "\"");
        };
    final String sell = CowJson.address(r.sellToken(), join(path, "sellToken"));
    final String buy = CowJson.address(r.buyToken(), join(path, "buyToken"));
    final BigInteger amount = CowJson.u256(r.amount(), join(path, "amount"));
    if (amount.signum() == 0) {
      throw new CowFormatException(join(path, "amount"), "zero");
    }
    if (sell.equals(buy)) {
      throw new CowFormatException(path, "sellToken and buyToken are the same: " + sell);
    }
    final BigInteger limit;
    if (exactIn) {
      if (r.maxAmountIn() != null) {
        throw new CowFormatException(
            join(path, "maxAmountIn"), "only buy queries take maxAmountIn (use minAmountOut)");
      }
      limit =
          r.minAmountOut() == null
              ? null
              : CowJson.u256(r.minAmountOut(), join(path, "minAmountOut"));
    } else {
      if (r.minAmountOut() != null) {
        throw new CowFormatException(
            join(path, "minAmountOut"), "only sell queries take minAmountOut (use maxAmountIn)");
      }
      limit =
          r.maxAmountIn() == null ? null : CowJson.u256(r.maxAmountIn(), join(path, "maxAmountIn"));
    }
    return new QuoteQuery(id, sell, buy, exactIn, amount, limit);
  }
}
