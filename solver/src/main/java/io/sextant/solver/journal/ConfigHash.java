package io.sextant.solver.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.solver.api.EngineConfig;
import java.nio.charset.StandardCharsets;

/**
 * How the journal names an engine configuration: its JSON form and a 64-bit FNV-1a hash of the
 * engine version and that JSON. Cold path.
 */
public final class ConfigHash {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigHash() {}

  /** {@code config} as JSON (Jackson, record components in declaration order). */
  public static byte[] json(final EngineConfig config) {
    try {
      return JSON.writeValueAsBytes(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("engine config does not serialise: " + e.getMessage(), e);
    }
  }

  /** The configuration a config entry holds. */
  public static EngineConfig config(final byte[] json) {
    try {
      return JSON.readValue(json, EngineConfig.class);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new JournalFormatException("config entry: not an engine config: " + e.getMessage());
    }
  }

  /** FNV-1a (64-bit) of {@code engineVersion}, a zero byte, and {@code configJson}. */
  public static long hash(final String engineVersion, final byte[] configJson) {
    long h = 0xcbf29ce484222325L;
    for (final byte x : engineVersion.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (x & 0xff)) * 0x100000001b3L;
    }
    h = (h ^ 0) * 0x100000001b3L;
    for (final byte x : configJson) {
      h = (h ^ (x & 0xff)) * 0x100000001b3L;
    }
    return h;
  }
}
