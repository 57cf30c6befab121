package io.sextant.solver.cli;

import io.sextant.solver.config.ConfigException;
import io.sextant.solver.config.SextantConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} (a picocli mixin): the one YAML configuration every command reads with
 * {@link SextantConfig}; without it the built-in defaults (those of {@code config/sextant.yaml})
 * apply.
 */
public final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "YAML configuration (default: the built-in defaults, the values of"
              + " config/sextant.yaml).")
  private Path file;

  /** The file given, or null. */
  public Path file() {
    return file;
  }

  /**
   * The configuration: {@code --config}'s file read and checked, or the defaults.
   *
   * @throws IllegalArgumentException the file is missing, not YAML, or has a bad key; the message
   *     starts with the file, then names the key ({@code FILE: server.port: 70000 is outside
   *     0..65535})
   */
  public SextantConfig load() {
    try {
      return SextantConfig.loadOrDefaults(file);
    } catch (ConfigException e) {
      throw new IllegalArgumentException((file == null ? "" : file + ": ") + e.getMessage(), e);
    }
  }
}
