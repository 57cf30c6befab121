package io.sextant.solver.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sextant.solver.api.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The whole {@code config/sextant.yaml}: the {@code server:}, {@code engine:} and {@code journal:}
 * sections. Every section and key is optional (a missing one takes its default); an unknown key, a
 * value of the wrong type or out of range is refused with a {@link ConfigException} naming the key,
 * e.g. {@code server.port: 70000 is outside 0..65535}.
 */
public record SextantConfig(ServerConfig server, EngineConfig engine, JournalConfig journal) {
  /** The shipped defaults; {@code config/sextant.yaml} holds exactly these values. */
  public static final SextantConfig DEFAULTS =
      new SextantConfig(ServerConfig.DEFAULTS, EngineConfig.DEFAULTS, JournalConfig.DEFAULTS);

  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .build();

  /** This configuration with another {@code server:} section. */
  public SextantConfig withServer(final ServerConfig newServer) {
    return new SextantConfig(newServer, engine, journal);
  }

  /** This configuration with another {@code engine:} section. */
  public SextantConfig withEngine(final EngineConfig newEngine) {
    return new SextantConfig(server, newEngine, journal);
  }

  /** This configuration with another {@code journal:} section. */
  public SextantConfig withJournal(final JournalConfig newJournal) {
    return new SextantConfig(server, engine, newJournal);
  }

  /** {@code file} read and checked, or the {@link #DEFAULTS} when {@code file} is null. */
  public static SextantConfig loadOrDefaults(final Path file) throws ConfigException {
    return file == null ? DEFAULTS : load(file);
  }

  /** Reads and checks {@code file}. */
  public static SextantConfig load(final Path file) throws ConfigException {
    final String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "no such configuration file: " + file);
    } catch (IOException e) {
      throw new ConfigException("", "cannot read " + file + ": " + e.getMessage());
    }
    return parse(text);
  }

  /** Parses and checks YAML text. */
  public static SextantConfig parse(final String yaml) throws ConfigException {
    final JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException("", "not valid YAML: " + e.getOriginalMessage() + location(e));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return DEFAULTS;
    }
    if (!root.isObject()) {
      throw new ConfigException("", "expected a mapping with server, engine and journal sections");
    }
    final Section top = new Section("", (ObjectNode) root);
    top.allow("server", "engine", "journal");
    final ServerConfig server = server(top.section("server"));
    final EngineConfig engine = engine(top.section("engine"));
    final JournalConfig journal = journal(top.section("journal"));
    return new SextantConfig(server, engine, journal);
  }

  private static ServerConfig server(final Section s) throws ConfigException {
    final ServerConfig d = ServerConfig.DEFAULTS;
    s.allow(
        "bind",
        "port",
        "maxBodyBytes",
        "workerThreads",
        "queueDepth",
        "httpThreads",
        "idleTimeoutMillis",
        "solveTimeoutMillis",
        "notificationsKept");
    try {
      return new ServerConfig(
          s.string("bind", d.bind()),
          s.integer("port", d.port()),
          s.longInteger("maxBodyBytes", d.maxBodyBytes()),
          s.integer("workerThreads", d.workerThreads()),
          s.integer("queueDepth", d.queueDepth()),
          s.integer("httpThreads", d.httpThreads()),
          s.longInteger("idleTimeoutMillis", d.idleTimeoutMillis()),
          s.longInteger("solveTimeoutMillis", d.solveTimeoutMillis()),
          s.integer("notificationsKept", d.notificationsKept()));
    } catch (IllegalArgumentException e) {
      throw rangeError(e);
    }
  }

  private static EngineConfig engine(final Section s) throws ConfigException {
    final EngineConfig d = EngineConfig.DEFAULTS;
    s.allow("maxHops", "deadlineSlackMillis", "settlementGasOverhead", "matchOrders");
    try {
      return new EngineConfig(
          s.integer("maxHops", d.maxHops()),
          s.longInteger("deadlineSlackMillis", d.deadlineSlackMillis()),
          s.longInteger("settlementGasOverhead", d.settlementGasOverhead()),
          s.bool("matchOrders", d.matchOrders()));
    } catch (IllegalArgumentException e) {
      throw rangeError(e);
    }
  }

  private static JournalConfig journal(final Section s) throws ConfigException {
    final JournalConfig d = JournalConfig.DEFAULTS;
    s.allow("enabled", "dir", "rollCycle");
    try {
      return new JournalConfig(
          s.bool("enabled", d.enabled()),
          s.string("dir", d.dir()),
          s.string("rollCycle", d.rollCycle()));
    } catch (IllegalArgumentException e) {
      throw rangeError(e);
    }
  }

  /** The records' own checks say "key: problem"; split that back into a ConfigException. */
  private static ConfigException rangeError(final IllegalArgumentException e) {
    final String m = e.getMessage();
    final int colon = m.indexOf(": ");
    return colon < 0
        ? new ConfigException("", m)
        : new ConfigException(m.substring(0, colon), m.substring(colon + 2));
  }

  private static String location(final JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  /** One mapping of the file, read key by key with its dotted path in every message. */
  private static final class Section {
    private final String path;
    private final ObjectNode node;

    Section(final String path, final ObjectNode node) {
      this.path = path;
      this.node = node;
    }

    private String key(final String name) {
      return path.isEmpty() ? name : path + "." + name;
    }

    void allow(final String... names) throws ConfigException {
      final List<String> known = List.of(names);
      final Iterator<String> it = node.fieldNames();
      while (it.hasNext()) {
        final String name = it.next();
        if (!known.contains(name)) {
          throw new ConfigException(
              key(name), "unknown key (known: " + String.join(", ", known) + ")");
        }
      }
    }

    Section section(final String name) throws ConfigException {
      final JsonNode v = node.get(name);
      if (v == null) {
        return new Section(key(name), YAML.createObjectNode());
      }
      if (!v.isObject()) {
        throw new ConfigException(key(name), "expected a mapping, got " + describe(v));
      }
      return new Section(key(name), (ObjectNode) v);
    }

    private JsonNode present(final String name) throws ConfigException {
      final JsonNode v = node.get(name);
      if (v != null && v.isNull()) {
        throw new ConfigException(key(name), "has no value (leave the key out for its default)");
      }
      return v;
    }

    long longInteger(final String name, final long fallback) throws ConfigException {
      final JsonNode v = present(name);
      if (v == null) {
        return fallback;
      }
      if (!v.isIntegralNumber()) {
        throw new ConfigException(key(name), "expected an integer, got " + describe(v));
      }
      if (!v.canConvertToLong()) {
        throw new ConfigException(key(name), v.asText() + " is too large");
      }
      return v.longValue();
    }

    int integer(final String name, final int fallback) throws ConfigException {
      final long v = longInteger(name, fallback);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new ConfigException(key(name), v + " is too large");
      }
      return (int) v;
    }

    boolean bool(final String name, final boolean fallback) throws ConfigException {
      final JsonNode v = present(name);
      if (v == null) {
        return fallback;
      }
      if (!v.isBoolean()) {
        throw new ConfigException(key(name), "expected true or false, got " + describe(v));
      }
      return v.booleanValue();
    }

    String string(final String name, final String fallback) throws ConfigException {
      final JsonNode v = present(name);
      if (v == null) {
        return fallback;
      }
      if (!v.isTextual()) {
        throw new ConfigException(key(name), "expected a string, got " + describe(v));
      }
      return v.textValue();
    }

    private static String describe(final JsonNode v) {
      if (v.isTextual() && v.textValue().isEmpty()) {
        return "no value";
      }
      if (v.isTextual()) {
        return "the string \"" + v.textValue() + "\"";
      }
      if (v.isObject()) {
        return "a mapping";
      }
      if (v.isArray()) {
        return "a list";
      }
      if (v.isBoolean()) {
        return "the boolean " + v.booleanValue();
      }
      if (v.isNumber()) {
        return "the number " + v.asText();
      }
      return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
