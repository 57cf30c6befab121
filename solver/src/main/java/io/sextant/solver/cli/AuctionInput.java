package io.sextant.solver.cli;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command's auction comes from: a file, or the real mainnet auction 7400693 embedded in the
 * jar (CoW Protocol, MIT; see data/SOURCES.md).
 */
final class AuctionInput {
  /** Classpath location of the embedded auction. */
  static final String EMBEDDED = "/io/sextant/solver/data/mainnet-auction-7400693.json";

  private AuctionInput() {}

  /** Parses {@code file}, or the embedded auction when {@code file} is {@code null}. */
  static CowAuction load(final Path file) throws IOException {
    try (InputStream in = file == null ? embedded() : Files.newInputStream(file)) {
      return new CowAuctionParser().parse(in);
    }
  }

  static String describe(final Path file) {
    return file == null ? "embedded mainnet auction 7400693" : file.toString();
  }

  private static InputStream embedded() {
    final InputStream in = AuctionInput.class.getResourceAsStream(EMBEDDED);
    if (in == null) {
      throw new UncheckedIOException(new IOException("embedded auction missing: " + EMBEDDED));
    }
    return in;
  }
}
