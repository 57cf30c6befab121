package io.sextant.solver.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.EngineVersion;
import io.sextant.solver.api.SolveTrace;
import io.sextant.solver.cli.SextantCommand;
import io.sextant.solver.engine.CowSolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The journal's acceptance test with the real engine: {@link CowSolver} solves every CoW reference
 * case and the embedded mainnet auction (its first {@code -Dsextant.replay.orders} orders with all
 * of its liquidity; default {@value #DEFAULT_ORDERS}, which means the whole auction, all 844)
 * through a {@link JournalingSolver}, interleaved with a synthetic market through the inbound ring;
 * then {@code sextant replay}, in-process, must reproduce every decision bit for bit. The slice's
 * hops are {@code -Dsextant.replay.maxHops} (default 2; the cases run with the shipped defaults),
 * so that two configurations are journaled and replayed. One case is due seconds after it is
 * journaled and replayed after its deadline: the replay must still solve it as it was solved.
 */
class CowReplayTest {
  static final int DEFAULT_ORDERS = 0;

  /** Orders of the auction slice (0: all); at least 26 keeps its one fillable (market) order. */
  static final int ORDERS = Integer.getInteger("sextant.replay.orders", DEFAULT_ORDERS);

  static final int SLICE_HOPS = Integer.getInteger("sextant.replay.maxHops", 2);
  static final Path CASES = Path.of("..", "data", "cow-cases");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path journal;
  static int solves;
  static List<Decision> recorded;
  static Instant deadline;
  static long sliceHash;
  static long dueSoonIndex;

  /** The first {@code orders} orders of the embedded auction (all of them for 0), all liquidity. */
  static byte[] slice(final int orders) throws IOException {
    final byte[] full = JournalFixture.embeddedAuction();
    if (orders <= 0) {
      return full;
    }
    final ObjectNode root = (ObjectNode) JSON.readTree(full);
    final ArrayNode all = (ArrayNode) root.get("orders");
    final ArrayNode kept = JSON.createArrayNode();
    for (int i = 0; i < Math.min(orders, all.size()); i++) {
      kept.add(all.get(i));
    }
    root.set("orders", kept);
    return JSON.writeValueAsBytes(root);
  }

  static List<Path> cases() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".auction.json")).sorted().toList();
    }
  }

  @BeforeAll
  static void journalRealSolves() throws Exception {
    journal = dir.resolve("journal");
    final EngineConfig sliceConfig = new EngineConfig(SLICE_HOPS, 500, 106_391, true);
    try (Journal j = Journal.open(journal, "FAST_HOURLY")) {
      final JournalingSolver shipped =
          new JournalingSolver(
              new CowSolver(EngineConfig.DEFAULTS, Clock.systemUTC()),
              j,
              EngineVersion.current(),
              EngineConfig.DEFAULTS);
      final JournalingSolver sliced =
          new JournalingSolver(
              new CowSolver(sliceConfig, Clock.systemUTC()),
              j,
              EngineVersion.current(),
              sliceConfig);
      sliceHash = sliced.configHash();
      final List<JournalFixture.Solve> work = new ArrayList<>();
      final List<Path> cases = cases();
      for (int i = 0; i < cases.size(); i++) {
        final byte[] request = Files.readAllBytes(cases.get(i));
        work.add(() -> shipped.solve(request, SolveTrace.NONE));
        if (i == cases.size() / 2) {
          final byte[] auction = slice(ORDERS);
          work.add(() -> sliced.solve(auction, SolveTrace.NONE));
        }
      }
      // An auction due 2 s after it comes in, solved in time; replayed after its deadline has
      // passed, it must still be solved (the replay reads the clock as it was when it came in).
      final ObjectNode soon = (ObjectNode) JSON.readTree(cases.get(0).toFile());
      work.add(
          () -> {
            deadline = Instant.now().plusSeconds(2);
            soon.put("deadline", deadline.toString());
            final byte[] dueSoon = JSON.writeValueAsBytes(soon);
            dueSoonIndex = j.lastIndex() + 1;
            shipped.solve(dueSoon, SolveTrace.NONE);
          });
      work.add(
          () -> {
            try {
              shipped.solve(
                  "{\"id\": \"1\", \"orders\": 7}".getBytes(StandardCharsets.UTF_8),
                  SolveTrace.NONE);
              throw new AssertionError("orders that are not an array must be refused");
            } catch (BadRequestException expected) {
              // journaled as a REJECTED decision
            }
          });
      solves = JournalFixture.interleave(j, 6_000, work);
    }
    recorded = new ArrayList<>();
    try (JournalReader r = JournalReader.open(journal)) {
      while (r.next()) {
        if (r.type() == EntryType.DECISION) {
          recorded.add(r.decision());
        }
      }
    }
  }

  @Test
  void shouldJournalEverySolveWithItsSolutions() {
    assertEquals(solves, recorded.size());
    // Not a replay of empty answers: most cases and the auction slice are solved.
    final long solved =
        recorded.stream()
            .filter(d -> d.status() == DecisionStatus.SOLVED && d.solutions() > 0)
            .count();
    assertTrue(solved >= solves / 2, solved + " of " + solves + " decisions have solutions");
    // The slice holds the auction's one market order (its 26th), which the engine fills.
    final List<Decision> slice =
        recorded.stream().filter(d -> d.configHash() == sliceHash).toList();
    assertEquals(1, slice.size());
    final Decision dueSoon =
        recorded.stream().filter(d -> d.requestIndex() == dueSoonIndex).findFirst().orElseThrow();
    assertTrue(
        dueSoon.solutions() >= 1 && !dueSoon.deadlineHit(),
        "solved before its deadline: " + dueSoon);
    assertTrue(slice.get(0).solutions() >= 1, "the auction slice is solved: " + slice);
    assertEquals(1, recorded.stream().filter(d -> d.status() == DecisionStatus.REJECTED).count());
    assertTrue(recorded.stream().allMatch(d -> d.engineVersion().equals(EngineVersion.current())));
    assertEquals(2, recorded.stream().map(Decision::configHash).distinct().count());
  }

  @Test
  void replayCommandShouldReproduceEveryDecisionBitForBit() throws InterruptedException {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CommandLine cl = SextantCommand.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    final long wait = deadline.toEpochMilli() - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait + 10);
    }
    // No --engine: the production engine (cow) is the default even beside the test engine.
    final int status = cl.execute("replay", "--journal", journal.toString(), "--no-progress");
    final String[] lines = out.toString().strip().split("\n");
    assertEquals(0, status, out + "\n" + err);
    assertEquals(
        "reproduced " + solves + "/" + solves + " decisions",
        lines[lines.length - 1],
        out.toString());
    assertTrue(
        out.toString().contains("market events 6000 (rejected by the applier 0)"), out.toString());
    assertTrue(out.toString().contains("store checkpoints 1/1 reproduced"), out.toString());
  }
}
