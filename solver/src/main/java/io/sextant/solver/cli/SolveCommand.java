package io.sextant.solver.cli;

import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import io.sextant.solver.engine.CowSolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant solve}: prints exactly what {@code POST /solve} would return for an auction. Exit
 * 0 with the response body on stdout; 2 when the auction file is unreadable or not a valid auction
 * (the message names the JSON path, as the HTTP 400 would).
 */
@Command(
    name = "solve",
    mixinStandardHelpOptions = true,
    description = "Solves a CoW auction and prints the POST /solve response body.")
public final class SolveCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--auction",
      paramLabel = "FILE",
      description =
          "Auction in the CoW solver-engine format (default: the embedded mainnet auction).")
  private Path auction;

  @Option(
      names = "--max-hops",
      paramLabel = "N",
      description = "Most pools on one path, 1..4 (default: ${DEFAULT-VALUE}).",
      defaultValue = "2")
  private int maxHops;

  @Option(names = "--no-matching", description = "Do not match opposite orders against each other.")
  private boolean noMatching;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final EngineConfig config;
    try {
      config = engineConfig(maxHops, noMatching);
    } catch (IllegalArgumentException e) {
      err.println("sextant solve: " + e.getMessage());
      return 2;
    }
    final byte[] request;
    try {
      request = read(auction);
    } catch (NoSuchFileException e) {
      err.println("sextant solve: no such auction file: " + auction);
      return 2;
    } catch (IOException e) {
      err.println("sextant solve: cannot read " + AuctionInput.describe(auction) + ": " + e);
      return 2;
    }
    try {
      final byte[] body = new CowSolver(config, Clock.systemUTC()).solve(request, SolveTrace.NONE);
      out.println(new String(body, StandardCharsets.UTF_8));
      out.flush();
      return 0;
    } catch (BadRequestException e) {
      err.println(
          "sextant solve: bad auction " + AuctionInput.describe(auction) + ": " + e.getMessage());
      return 2;
    }
  }

  static EngineConfig engineConfig(final int maxHops, final boolean noMatching) {
    final EngineConfig d = EngineConfig.DEFAULTS;
    return new EngineConfig(
        maxHops, d.deadlineSlackMillis(), d.settlementGasOverhead(), !noMatching);
  }

  static byte[] read(final Path file) throws IOException {
    if (file != null) {
      return Files.readAllBytes(file);
    }
    try (InputStream in = SolveCommand.class.getResourceAsStream(AuctionInput.EMBEDDED)) {
      if (in == null) {
        throw new IOException("embedded auction missing: " + AuctionInput.EMBEDDED);
      }
      return in.readAllBytes();
    }
  }
}
