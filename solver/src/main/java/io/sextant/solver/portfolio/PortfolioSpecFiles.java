package io.sextant.solver.portfolio;

import io.sextant.portfolio.config.PortfolioSpec;
import io.sextant.portfolio.config.PortfolioSpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a portfolio YAML file. */
public final class PortfolioSpecFiles {
  private PortfolioSpecFiles() {}

  /**
   * Reads and validates {@code file}.
   *
   * @throws IOException when it cannot be read
   * @throws io.sextant.portfolio.config.PortfolioSpecException naming the key at fault
   */
  public static PortfolioSpec read(final Path file) throws IOException {
    return new PortfolioSpecParser().parse(Files.readString(file));
  }
}
