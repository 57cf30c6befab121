package io.sextant.solver.cli;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.SolveTrace;
import io.sextant.solver.config.SextantConfig;
import io.sextant.solver.journal.Journal;
import io.sextant.solver.serve.EngineFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sextant solve}: prints exactly the body {@code POST /solve} of {@code sextant serve}
 * returns for an auction with the same configuration (same engine from {@link EngineFactory}, same
 * {@code engine:} section), then a newline; nothing else goes to stdout. Journals the request and
 * the decision like {@code serve} unless {@code --no-journal}. Exit 0 with the response body on
 * stdout; 2 when the configuration, a flag or the auction file is unusable or the auction is not
 * valid (the message names the key, flag or JSON path, as the HTTP 400 would).
 */
@Command(
    name = "solve",
    mixinStandardHelpOptions = true,
    description = {
      "Solves a CoW auction and prints the POST /solve response body (one line of JSON).",
      "Journals the request and the decision unless --no-journal."
    })
public final class SolveCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--auction",
      paramLabel = "FILE",
      description =
          "Auction in the CoW solver-engine format (default: the embedded mainnet auction).")
  private Path auction;

  @Mixin private ConfigOption config;

  @Mixin private EngineOptions engineOptions;

  @Mixin private JournalOptions journalOptions;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final SextantConfig cfg;
    try {
      cfg = EngineSetup.resolve(config, engineOptions, journalOptions);
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
    final Journal journal;
    try {
      journal = JournalOptions.open(cfg.journal());
    } catch (IllegalStateException e) {
      err.println("sextant solve: " + e.getMessage());
      return 2;
    }
    try {
      final AuctionSolver engine =
          EngineSetup.journaled(EngineFactory.create(cfg.engine()), cfg, journal);
      final byte[] body = engine.solve(request, SolveTrace.NONE);
      out.println(new String(body, StandardCharsets.UTF_8));
      out.flush();
      return 0;
    } catch (BadRequestException e) {
      err.println(
          "sextant solve: bad auction " + AuctionInput.describe(auction) + ": " + e.getMessage());
      return 2;
    } finally {
      if (journal != null) {
        err.println(
            "sextant solve: journaled to "
                + journal.dir()
                + " (last entry 0x"
                + Long.toHexString(journal.lastIndex())
                + ")");
        err.flush();
        journal.close();
      }
    }
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
