package io.sextant.solver.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sextant.solver.api.EngineConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the {@code engine:} section of a {@code sextant.yaml} into an {@link EngineConfig} (what
 * {@code replay --config} A/B-tests against); missing keys keep the shipped defaults, other
 * sections are ignored. Errors name the key.
 */
public final class EngineConfigFile {
  private static final Set<String> KEYS =
      Set.of("maxHops", "deadlineSlackMillis", "settlementGasOverhead", "matchOrders");

  private EngineConfigFile() {}

  /**
   * The engine configuration in {@code file}.
   *
   * @throws IllegalArgumentException unreadable file, not YAML, an unknown or ill-typed key
   */
  public static EngineConfig read(final Path file) {
    final JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": expected a YAML mapping at the top");
    }
    final JsonNode engine = root.path("engine");
    if (engine.isMissingNode() || engine.isNull()) {
      return EngineConfig.DEFAULTS;
    }
    if (!engine.isObject()) {
      throw new IllegalArgumentException(file + ": engine: expected a mapping");
    }
    for (Iterator<String> it = engine.fieldNames(); it.hasNext(); ) {
      final String k = it.next();
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(file + ": engine." + k + ": unknown key; known " + KEYS);
      }
    }
    final EngineConfig d = EngineConfig.DEFAULTS;
    try {
      return new EngineConfig(
          (int) integer(engine, "maxHops", d.maxHops(), file),
          integer(engine, "deadlineSlackMillis", d.deadlineSlackMillis(), file),
          integer(engine, "settlementGasOverhead", d.settlementGasOverhead(), file),
          bool(engine, "matchOrders", d.matchOrders(), file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage().startsWith(file.toString())
              ? e.getMessage()
              : file + ": " + e.getMessage());
    }
  }

  private static long integer(final JsonNode n, final String k, final long d, final Path file) {
    final JsonNode v = n.get(k);
    if (v == null) {
      return d;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException(file + ": engine." + k + ": expected an integer");
    }
    return v.longValue();
  }

  private static boolean bool(final JsonNode n, final String k, final boolean d, final Path file) {
    final JsonNode v = n.get(k);
    if (v == null) {
      return d;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(file + ": engine." + k + ": expected true or false");
    }
    return v.booleanValue();
  }
}
