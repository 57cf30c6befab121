package io.sextant.solver.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build of the engine: what {@code sextant --version} prints and what every
 * journaled decision records beside its configuration hash, so a replay can tell which build made a
 * decision. It is the Maven project version, written into {@code
 * io/sextant/solver/version.properties} by resource filtering when the module is built (so it is
 * the same from the jar and from {@code target/classes} in tests).
 */
public final class EngineVersion {
  private static final String RESOURCE = "/io/sextant/solver/version.properties";
  private static final String VERSION = read();

  private EngineVersion() {}

  /** This build's version, e.g. {@code sextant 0.1.0-SNAPSHOT}. */
  public static String current() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = EngineVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("build is missing " + RESOURCE);
      }
      final Properties p = new Properties();
      p.load(in);
      final String v = p.getProperty("version", "");
      if (v.isBlank() || v.startsWith("${")) {
        throw new IllegalStateException(RESOURCE + " was not filtered by the build: " + v);
      }
      return "sextant " + v.trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
