package io.sextant.solver.config;

/** A configuration value that cannot be used; the message starts with the key's path. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String key;

  /** {@code key} is a dotted path such as {@code server.port} (empty for the file as a whole). */
  public ConfigException(final String key, final String message) {
    super(key.isEmpty() ? message : key + ": " + message);
    this.key = key;
  }

  /** The dotted path of the offending key, or empty for the file as a whole. */
  public String key() {
    return key;
  }
}
