package io.sextant.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sextant feed} argument and pool-file errors (the feed itself is tested in feeds). */
class FeedCommandTest {
  @TempDir Path dir;

  private int run(final StringWriter err, final String... args) {
    final CommandLine cl = SextantCommand.newCommandLine();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    return cl.execute(args);
  }

  @Test
  void missingPoolsFileIsExit2() {
    final StringWriter err = new StringWriter();
    assertEquals(
        2,
        run(
            err,
            "feed",
            "--rpc",
            "http://127.0.0.1:1",
            "--pools",
            dir.resolve("no.json").toString()));
    assertTrue(err.toString().contains("no such pools file"), err.toString());
  }

  @Test
  void badPoolKindIsExit2() throws Exception {
    final Path f = dir.resolve("pools.json");
    Files.writeString(f, "[{\"kind\":\"sushi\",\"address\":\"0x" + "1".repeat(40) + "\"}]");
    final StringWriter err = new StringWriter();
    assertEquals(2, run(err, "feed", "--rpc", "http://127.0.0.1:1", "--pools", f.toString()));
    assertTrue(err.toString().contains("[0].kind: expected one of"), err.toString());
  }

  @Test
  void feeOnAnotherKindOrOutOfRangeIsExit2() throws Exception {
    final Path f = dir.resolve("pools.json");
    final String a = "\"address\":\"0x" + "1".repeat(40) + "\"";
    for (final String[] c :
        new String[][] {
          {"{\"kind\":\"uniswapV3\"," + a + ",\"fee\":\"0.003\"}", "[0].fee: only uniswapV2"},
          {"{\"kind\":\"uniswapV2\"," + a + ",\"fee\":\"1.5\"}", "[0].fee: expected a fraction"},
          {"{\"kind\":\"uniswapV2\"," + a + ",\"fee\":\"abc\"}", "[0].fee: not a decimal"},
          {"{\"kind\":\"curve\"," + a + ",\"variant\":\"v0\"}", "[0].variant: expected one of"},
          {"{\"kind\":\"uniswapV2\"," + a + ",\"variant\":\"x\"}", "[0].variant: uniswapV2 takes"},
          {"[1]", "[0]: expected an object"}
        }) {
      Files.writeString(f, c[0].startsWith("[") ? c[0] : "[" + c[0] + "]");
      final StringWriter err = new StringWriter();
      assertEquals(2, run(err, "feed", "--rpc", "http://127.0.0.1:1", "--pools", f.toString()));
      assertTrue(err.toString().contains(c[1]), c[0] + " -> " + err);
    }
  }

  @Test
  void unreachableNodeIsExit2() throws Exception {
    final Path f = dir.resolve("pools.json");
    Files.writeString(f, "[{\"kind\":\"uniswapV2\",\"address\":\"0x" + "1".repeat(40) + "\"}]");
    final StringWriter err = new StringWriter();
    assertEquals(
        2,
        run(
            err,
            "feed",
            "--rpc",
            "http://127.0.0.1:1",
            "--pools",
            f.toString(),
            "--journal",
            dir.resolve("journal").toString()));
    assertTrue(err.toString().contains("cannot read the pools"), err.toString());
  }
}
