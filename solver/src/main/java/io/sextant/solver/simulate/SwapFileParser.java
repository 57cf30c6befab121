package io.sextant.solver.simulate;

import static io.sextant.feeds.cow.CowJson.address;
import static io.sextant.feeds.cow.CowJson.field;
import static io.sextant.feeds.cow.CowJson.join;
import static io.sextant.feeds.cow.CowJson.object;
import static io.sextant.feeds.cow.CowJson.optionalField;
import static io.sextant.feeds.cow.CowJson.text;
import static io.sextant.feeds.cow.CowJson.u256;

import com.fasterxml.jackson.databind.JsonNode;
import io.sextant.feeds.cow.CowFormatException;
import io.sextant.feeds.cow.CowJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a swaps file: a JSON array of {@code {"pool", "sellToken", "buyToken", "kind", "amount",
 * ["sqrtPriceLimitX96"]}}. A malformed entry becomes an error in its own slot; only a file that is
 * not a JSON array fails as a whole.
 */
public final class SwapFileParser {
  /** One entry: the request, or the error naming its field. */
  public record Entry(SwapRequest request, String error) {}

  /**
   * Parses the file's text.
   *
   * @throws CowFormatException if the text is not a JSON array
   */
  public List<Entry> parse(final String json) {
    final JsonNode root = CowJson.readTree(json);
    if (root == null || !root.isArray()) {
      throw new CowFormatException("$", "expected a JSON array of swaps");
    }
    final List<Entry> out = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      final String path = "swaps[" + i + "]";
      try {
        out.add(new Entry(request(root.get(i), path), null));
      } catch (CowFormatException e) {
        out.add(new Entry(null, e.getMessage()));
      }
    }
    return out;
  }

  private static SwapRequest request(final JsonNode n, final String path) {
    object(n, path);
    final JsonNode poolNode = field(n, "pool", path);
    final String pool =
        poolNode.isIntegralNumber() ? poolNode.asText() : text(poolNode, join(path, "pool"));
    final String kind = text(field(n, "kind", path), join(path, "kind"));
    if (!kind.equals("sell") && !kind.equals("buy")) {
      throw new CowFormatException(
          join(path, "kind"), "expected \"sell\" or \"buy\", got \"" + kind + "\"");
    }
    final JsonNode limit = optionalField(n, "sqrtPriceLimitX96");
    return new SwapRequest(
        pool,
        address(field(n, "sellToken", path), join(path, "sellToken")),
        address(field(n, "buyToken", path), join(path, "buyToken")),
        kind,
        u256(field(n, "amount", path), join(path, "amount")),
        limit == null ? null : u256(limit, join(path, "sqrtPriceLimitX96")));
  }
}
