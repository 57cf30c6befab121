package io.sextant.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
  record Run(int status, String out, String err) {}

  static Run run(final String... args) {
    final CommandLine cl = SextantCommand.newCommandLine();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    final int status = cl.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void shouldPrintOneJsonResultPerSwapInOrderFromTheEmbeddedAuction() throws Exception {
    final Run r = run("simulate", "--swaps", "../data/example-swaps.json", "--json");
    assertEquals(0, r.status(), r.err());
    final JsonNode arr = new ObjectMapper().readTree(r.out());
    final JsonNode swaps =
        new ObjectMapper().readTree(Path.of("../data/example-swaps.json").toFile());
    assertEquals(swaps.size(), arr.size());
    for (int i = 0; i < arr.size() - 1; i++) {
      final JsonNode o = arr.get(i);
      assertEquals(swaps.get(i).get("pool").asText(), o.get("pool").asText());
      assertEquals(swaps.get(i).get("amount").asText(), o.get("amount").asText());
      assertTrue(o.get("amountOut").asText().matches("[1-9][0-9]*"), o.toString());
      assertTrue(o.get("amountIn").asText().matches("[1-9][0-9]*"), o.toString());
    }
    assertTrue(arr.get(arr.size() - 1).has("error"));
    assertEquals(1, arr.get(arr.size() - 1).size());
  }

  @Test
  void shouldExitTwoWithAMessageForUnusableFiles(@TempDir final Path dir) throws Exception {
    final Run missing = run("simulate", "--swaps", dir.resolve("none.json").toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("no such swaps file"), missing.err());
    final Path notArray = dir.resolve("obj.json");
    Files.writeString(notArray, "{}");
    final Run bad = run("simulate", "--swaps", notArray.toString());
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("expected a JSON array of swaps"), bad.err());
    final Path badAuction = dir.resolve("auction.json");
    Files.writeString(badAuction, "{\"tokens\":{}}");
    final Run ba =
        run("simulate", "--auction", badAuction.toString(), "--swaps", notArray.toString());
    assertEquals(2, ba.status());
    assertTrue(ba.err().contains("orders: missing"), ba.err());
  }
}
