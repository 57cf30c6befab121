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

/** {@code sextant serve}'s exits before it serves: bad configuration and a missing engine. */
class ServeCommandTest {
  @TempDir Path dir;

  private record Run(int status, String err) {}

  private static Run run(final String... args) {
    final CommandLine cli = SextantCommand.newCommandLine();
    final StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    final int status = cli.execute(args);
    return new Run(status, err.toString());
  }

  @Test
  void shouldExitTwoNamingTheKeyOfABadConfigFile() throws Exception {
    final Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "server:\n  port: 70000\n");
    final Run r = run("serve", "--config", file.toString());
    assertEquals(2, r.status());
    assertEquals("sextant serve: " + file + ": server.port: 70000 is outside 0..65535\n", r.err());
  }

  @Test
  void shouldExitTwoForAPortFlagOutOfRange() {
    final Run r = run("serve", "--port", "70000");
    assertEquals(2, r.status());
    assertEquals("sextant serve: --port 70000 is outside 0..65535 (server.port)\n", r.err());
  }

  @Test
  void shouldExitTwoForAMissingConfigFile() {
    final Run r = run("serve", "--config", dir.resolve("none.yaml").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("no such configuration file"), r.err());
  }
}
