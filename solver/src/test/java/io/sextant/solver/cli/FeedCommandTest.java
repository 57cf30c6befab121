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
    Files.writeString(f, "[{\"kind\":\"curve\",\"address\":\"0x" + "1".repeat(40) + "\"}]");
    final StringWriter err = new StringWriter();
    assertEquals(2, run(err, "feed", "--rpc", "http://127.0.0.1:1", "--pools", f.toString()));
    assertTrue(err.toString().contains("expected uniswapV2 or uniswapV3"), err.toString());
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
