package io.sextant.solver.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.solver.api.EngineVersion;
import io.sextant.solver.journal.Decision;
import io.sextant.solver.journal.DecisionStatus;
import io.sextant.solver.journal.EntryType;
import io.sextant.solver.journal.JournalReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sextant solve --auction FILE --config FILE} prints exactly the body {@code sextant serve}
 * answers to {@code POST /solve} of the same auction with the same configuration, and both journal
 * the same decision (same engine version, same configuration hash, same bytes); serve journals
 * {@code /notify} bodies as received. Both commands run in-process through the real command line.
 */
class SolveMatchesServeTest {
  static final Path CASE =
      Path.of(
          "..",
          "data",
          "cow-cases",
          "naive__matches_orders__sell_orders_on_both_sides.auction.json");

  @TempDir Path dir;

  @Test
  void solveShouldPrintWhatServeAnswers() throws Exception {
    final Path config = dir.resolve("sextant.yaml");
    Files.writeString(config, "engine:\n  maxHops: 2\n  settlementGasOverhead: 100000\n");
    final byte[] auction = Files.readAllBytes(CASE);

    final StringWriter serveOut = new StringWriter();
    final StringWriter serveErr = new StringWriter();
    final int[] serveStatus = {-1};
    final Thread serve =
        new Thread(
            () -> {
              final CommandLine cl = SextantCommand.newCommandLine();
              cl.setOut(new PrintWriter(serveOut, true));
              cl.setErr(new PrintWriter(serveErr, true));
              serveStatus[0] =
                  cl.execute(
                      "serve",
                      "--port",
                      "0",
                      "--config",
                      config.toString(),
                      "--journal",
                      dir.resolve("served").toString());
            },
            "serve-under-test");
    serve.start();
    final String url = awaitUrl(serveOut, serveErr);
    final HttpResponse<byte[]> http =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/solve"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(auction))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    final String notification = "{\"auctionId\":\"7\",\"solutionId\":0,\"kind\":\"timeout\"}";
    final HttpResponse<String> notified =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/notify"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(notification))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    serve.interrupt();
    serve.join(10_000);
    assertEquals(200, notified.statusCode(), notified.body());
    assertEquals(List.of(notification), notifications(dir.resolve("served")));
    assertEquals(0, serveStatus[0], serveErr.toString());
    assertEquals(200, http.statusCode());

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CommandLine cl = SextantCommand.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    final int status =
        cl.execute(
            "solve",
            "--auction",
            CASE.toString(),
            "--config",
            config.toString(),
            "--journal",
            dir.resolve("solved").toString());
    assertEquals(0, status, err.toString());

    final String body = new String(http.body(), StandardCharsets.UTF_8);
    assertTrue(body.contains("\"trades\""), "the case is solved: " + body);
    assertEquals(body + System.lineSeparator(), out.toString());

    final List<Decision> served = decisions(dir.resolve("served"));
    final List<Decision> solved = decisions(dir.resolve("solved"));
    assertEquals(1, served.size());
    assertEquals(1, solved.size());
    assertEquals(DecisionStatus.SOLVED, solved.get(0).status());
    assertEquals(EngineVersion.current(), solved.get(0).engineVersion());
    assertEquals(served.get(0).engineVersion(), solved.get(0).engineVersion());
    assertEquals(served.get(0).configHash(), solved.get(0).configHash());
    assertArrayEquals(http.body(), solved.get(0).body());
    assertArrayEquals(http.body(), served.get(0).body());
  }

  @Test
  void solveShouldNotJournalWithNoJournalAndShouldRefuseBothFlags() throws Exception {
    final StringWriter out = new StringWriter();
    final CommandLine cl = SextantCommand.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    final Path cwdJournal = Path.of("journal");
    final boolean existed = Files.exists(cwdJournal);
    assertEquals(0, cl.execute("solve", "--auction", CASE.toString(), "--no-journal"));
    assertTrue(out.toString().startsWith("{\"solutions\":["), out.toString());
    assertEquals(existed, Files.exists(cwdJournal), "--no-journal wrote ./journal");

    final StringWriter err = new StringWriter();
    final CommandLine both = SextantCommand.newCommandLine();
    both.setOut(new PrintWriter(new StringWriter()));
    both.setErr(new PrintWriter(err));
    assertEquals(
        2,
        both.execute(
            "solve", "--auction", CASE.toString(), "--no-journal", "--journal", dir.toString()));
    assertEquals("sextant solve: --journal and --no-journal exclude each other\n", err.toString());
  }

  @Test
  void flagsShouldOverrideTheFileAndNameTheKey() throws Exception {
    final Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "journal:\n  rollCycle: DAILY\n");
    assertEquals(
        "sextant solve: "
            + config
            + ": journal.rollCycle: \"DAILY\" is not one of FIVE_MINUTELY, TEN_MINUTELY,"
            + " TWENTY_MINUTELY, HALF_HOURLY, FAST_HOURLY, TWO_HOURLY, FOUR_HOURLY, SIX_HOURLY,"
            + " FAST_DAILY, WEEKLY\n",
        solveErr("--config", config.toString()));
    assertEquals(
        "sextant solve: --max-hops 9 is outside 1..4 (engine.maxHops)\n",
        solveErr("--max-hops", "9", "--no-journal"));
    assertEquals(
        "sextant solve: --roll-cycle \"hourly\" is not one of FIVE_MINUTELY, TEN_MINUTELY,"
            + " TWENTY_MINUTELY, HALF_HOURLY, FAST_HOURLY, TWO_HOURLY, FOUR_HOURLY, SIX_HOURLY,"
            + " FAST_DAILY, WEEKLY\n",
        solveErr("--roll-cycle", "hourly", "--journal", dir.resolve("j").toString()));
  }

  private static String solveErr(final String... flags) {
    final List<String> args = new ArrayList<>(List.of("solve", "--auction", CASE.toString()));
    args.addAll(List.of(flags));
    final StringWriter err = new StringWriter();
    final CommandLine cl = SextantCommand.newCommandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute(args.toArray(String[]::new)), err.toString());
    return err.toString();
  }

  private static String awaitUrl(final StringWriter out, final StringWriter err)
      throws InterruptedException {
    final Pattern p = Pattern.compile("listening on (http://\\S+)");
    for (int i = 0; i < 300; i++) {
      final Matcher m = p.matcher(out.toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve did not start: " + out + err);
  }

  private static List<String> notifications(final Path journal) {
    final List<String> out = new ArrayList<>();
    try (JournalReader r = JournalReader.open(journal)) {
      while (r.next()) {
        if (r.type() == EntryType.NOTIFICATION) {
          out.add(new String(r.body(), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static List<Decision> decisions(final Path journal) {
    final List<Decision> out = new ArrayList<>();
    try (JournalReader r = JournalReader.open(journal)) {
      while (r.next()) {
        if (r.type() == EntryType.DECISION) {
          out.add(r.decision());
        }
      }
    }
    return out;
  }
}
