package io.sextant.solver.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.cli.SextantCommand;
import io.sextant.solver.replay.Replayer;
import io.sextant.solver.replay.SolverFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplayTest {
  @TempDir static Path dir;
  static Path journal;
  static int decisions;

  @BeforeAll
  static void writeJournal() throws Exception {
    journal = dir.resolve("journal");
    decisions = JournalFixture.write(journal);
  }

  private static SolverFactory factory() {
    return SolverFactory.find(DirectPoolSolverFactory.NAME);
  }

  @Test
  void shouldReproduceEveryDecisionAndCheckpointBitForBit() {
    final Replayer.Result r = new Replayer(factory(), null).run(journal, 0, Long.MAX_VALUE, null);
    assertEquals(decisions, r.decisions());
    assertEquals(r.decisions(), r.reproduced(), r.divergences().toString());
    assertEquals(JournalFixture.EVENTS, r.marketEvents());
    assertEquals(0, r.marketEventsRejected());
    assertEquals(1, r.checkpoints());
    assertEquals(1, r.checkpointsMatched(), r.checkpointDivergences().toString());
    assertTrue(r.allReproduced());
  }

  @Test
  void shouldNameTheFieldsOfADecisionThatDoesNotReproduce() {
    // An engine that leaves out the second leg of every split: the recorded routes differ.
    final SolverFactory other =
        new SolverFactory() {
          @Override
          public String name() {
            return "single";
          }

          @Override
          public io.sextant.solver.api.AuctionSolver create(final EngineConfig c) {
            return new DirectPoolSolver(new EngineConfig(1, 500, 0, true));
          }
        };
    final Replayer.Result r = new Replayer(other, null).run(journal, 0, Long.MAX_VALUE, null);
    assertTrue(r.reproduced() < r.decisions());
    assertFalse(r.allReproduced());
    assertTrue(
        r.divergences().stream().anyMatch(d -> d.field().contains("interactions")),
        r.divergences().toString());
    assertTrue(r.divergences().stream().allMatch(d -> d.auctionId().startsWith("7400693")));
  }

  @Test
  void shouldDetectAStoreThatDrifted() {
    // Replaying only part of the events cannot reach the checkpoint: stop right before it.
    long lastEvent = -1;
    try (JournalReader r = JournalReader.open(journal)) {
      while (r.next()) {
        if (r.type() == EntryType.MARKET_EVENT) {
          lastEvent = r.index();
        }
      }
    }
    final Replayer.Result full = new Replayer(factory(), null).run(journal, 0, lastEvent, null);
    assertEquals(0, full.checkpoints());
    assertEquals(JournalFixture.EVENTS, full.marketEvents());
  }

  @Test
  void shouldRunFromTheCommandLineAndEndWithTheReproducedLine() {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CommandLine cl = SextantCommand.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    final int status =
        cl.execute(
            "replay", "--journal", journal.toString(), "--engine", DirectPoolSolverFactory.NAME);
    assertEquals(0, status, out + "\n" + err);
    final String[] lines = out.toString().strip().split("\n");
    assertEquals(
        "reproduced " + decisions + "/" + decisions + " decisions", lines[lines.length - 1]);
    assertTrue(err.toString().contains("decisions"), "progress bar on stderr: " + err);
  }

  @Test
  void shouldReportRouteAndSurplusChangesForAnotherConfig() throws Exception {
    final Path yaml = dir.resolve("single-hop.yaml");
    Files.writeString(yaml, "engine:\n  maxHops: 1\nserver:\n  port: 1\n", StandardCharsets.UTF_8);
    final StringWriter out = new StringWriter();
    final CommandLine cl = SextantCommand.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    final int status =
        cl.execute(
            "replay",
            "--journal",
            journal.toString(),
            "--engine",
            DirectPoolSolverFactory.NAME,
            "--config",
            yaml.toString(),
            "--no-progress");
    assertEquals(0, status, out.toString());
    assertTrue(out.toString().contains("A/B against"), out.toString());
    assertTrue(out.toString().contains(": pools ["), out.toString());
    final Replayer.Result r =
        new Replayer(factory(), new EngineConfig(1, 500, 106_391, true))
            .run(journal, 0, Long.MAX_VALUE, null);
    assertEquals(decisions, r.ab().size());
    assertTrue(r.ab().stream().anyMatch(a -> !a.routeChanges().isEmpty()));
    assertTrue(
        r.ab().stream().anyMatch(a -> a.surplusAfterEth() != a.surplusBeforeEth()),
        r.ab().toString());
  }

  @Test
  void shouldRefuseAnUnknownConfigKeyWithExit2() throws Exception {
    final Path yaml = dir.resolve("bad.yaml");
    Files.writeString(yaml, "engine:\n  maxHopz: 1\n", StandardCharsets.UTF_8);
    final StringWriter err = new StringWriter();
    final CommandLine cl = SextantCommand.newCommandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    assertEquals(
        2,
        cl.execute(
            "replay",
            "--journal",
            journal.toString(),
            "--engine",
            DirectPoolSolverFactory.NAME,
            "--config",
            yaml.toString()));
    assertTrue(err.toString().contains("engine.maxHopz"), err.toString());
  }
}
