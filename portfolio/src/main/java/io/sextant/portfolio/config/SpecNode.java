package io.sextant.portfolio.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A YAML mapping with its key path, for validation messages that name the key: typed reads with
 * defaults and ranges, and a final check that no unknown key (a typo) was given.
 */
final class SpecNode {
  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();

  SpecNode(final JsonNode node, final String path) {
    this.node = node;
    this.path = path;
    if (node != null && !node.isObject()) {
      throw new PortfolioSpecException(path.isEmpty() ? "(top level)" : path, "must be a mapping");
    }
  }

  String key(final String k) {
    return path.isEmpty() ? k : path + "." + k;
  }

  boolean has(final String k) {
    return node != null && node.has(k) && !node.get(k).isNull();
  }

  JsonNode raw(final String k) {
    read.add(k);
    return node == null ? null : node.get(k);
  }

  SpecNode child(final String k) {
    final JsonNode c = raw(k);
    return new SpecNode(c == null || c.isNull() ? null : c, key(k));
  }

  double number(final String k, final double dflt, final double min, final double max) {
    final JsonNode v = raw(k);
    if (v == null || v.isNull()) {
      if (Double.isNaN(dflt)) {
        throw new PortfolioSpecException(key(k), "required");
      }
      return dflt;
    }
    if (!v.isNumber()) {
      throw new PortfolioSpecException(key(k), "must be a number, got " + v);
    }
    final double d = v.doubleValue();
    if (!(d >= min && d <= max)) {
      throw new PortfolioSpecException(key(k), "must be in [" + min + ", " + max + "], got " + d);
    }
    return d;
  }

  /** A number with no default: NaN when absent. */
  double optionalNumber(final String k, final double min, final double max) {
    return has(k) ? number(k, 0, min, max) : nan(k);
  }

  private double nan(final String k) {
    read.add(k);
    return Double.NaN;
  }

  int integer(final String k, final int dflt, final int min, final int max) {
    final JsonNode v = raw(k);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isIntegralNumber()) {
      throw new PortfolioSpecException(key(k), "must be an integer, got " + v);
    }
    final long d = v.longValue();
    if (d < min || d > max) {
      throw new PortfolioSpecException(key(k), "must be in [" + min + ", " + max + "], got " + d);
    }
    return (int) d;
  }

  boolean bool(final String k, final boolean dflt) {
    final JsonNode v = raw(k);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw new PortfolioSpecException(key(k), "must be true or false, got " + v);
    }
    return v.booleanValue();
  }

  String text(final String k, final String dflt) {
    final JsonNode v = raw(k);
    if (v == null || v.isNull()) {
      if (dflt == null) {
        throw new PortfolioSpecException(key(k), "required");
      }
      return dflt;
    }
    if (!v.isTextual()) {
      throw new PortfolioSpecException(key(k), "must be a string, got " + v);
    }
    return v.textValue();
  }

  String oneOf(final String k, final String dflt, final String... allowed) {
    final String v = text(k, dflt);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw new PortfolioSpecException(
        key(k), "must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
  }

  /** Throws if the mapping holds a key nothing read. */
  void rejectUnknown() {
    if (node == null) {
      return;
    }
    final Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      final String n = names.next();
      if (!read.contains(n)) {
        throw new PortfolioSpecException(key(n), "unknown key");
      }
    }
  }
}
