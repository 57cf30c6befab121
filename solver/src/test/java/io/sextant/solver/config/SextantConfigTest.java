package io.sextant.solver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sextant.solver.api.EngineConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SextantConfigTest {
  /** The shipped file is the documentation of the defaults: it must say exactly what they are. */
  @Test
  void shippedFileShouldHoldExactlyTheBuiltInDefaults() throws Exception {
    assertEquals(SextantConfig.DEFAULTS, SextantConfig.load(Path.of("../config/sextant.yaml")));
  }

  @Test
  void shouldTakeDefaultsForAnEmptyFileAndForMissingKeys() throws Exception {
    assertEquals(SextantConfig.DEFAULTS, SextantConfig.parse(""));
    assertEquals(SextantConfig.DEFAULTS, SextantConfig.parse("# nothing\n"));
    final SextantConfig c =
        SextantConfig.parse(
            "server:\n  port: 9000\nengine:\n  maxHops: 2\n  matchOrders: false\n"
                + "journal:\n  rollCycle: fast_hourly\n  dir: /var/lib/sextant\n");
    assertEquals(ServerConfig.DEFAULTS.withListen("127.0.0.1", 9000), c.server());
    assertEquals(new EngineConfig(2, 500, 106_391, false), c.engine());
    assertEquals(new JournalConfig(true, "/var/lib/sextant", "FAST_HOURLY"), c.journal());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // out of range
        "server:\\n  port: 70000 | server.port: 70000 is outside 0..65535",
        "server:\\n  port: -1 | server.port: -1 is outside 0..65535",
        "server:\\n  maxBodyBytes: 10 | server.maxBodyBytes: 10 is outside 1024..1073741824",
        "server:\\n  workerThreads: 0 | server.workerThreads: 0 is outside 1..256",
        "server:\\n  queueDepth: -3 | server.queueDepth: -3 is outside 0..100000",
        "server:\\n  httpThreads: 2 | server.httpThreads: 2 is outside 8..1024",
        "server:\\n  idleTimeoutMillis: 5 | server.idleTimeoutMillis: 5 is outside 100..3600000",
        "server:\\n  solveTimeoutMillis: 0 | server.solveTimeoutMillis: 0 is outside 1..600000",
        "server:\\n  notificationsKept: 2000000 | server.notificationsKept: 2000000 is outside 0..1000000",
        "server:\\n  bind: '  ' | server.bind: must not be empty",
        "engine:\\n  maxHops: 9 | engine.maxHops: 9 is outside 1..4",
        "engine:\\n  deadlineSlackMillis: -1 | engine.deadlineSlackMillis: must not be negative",
        "engine:\\n  settlementGasOverhead: -5 | engine.settlementGasOverhead: must not be negative",
        "journal:\\n  dir: '' | journal.dir: must not be empty",
        "journal:\\n  rollCycle: DAILY | journal.rollCycle: \"DAILY\" is not one of FIVE_MINUTELY,"
            + " TEN_MINUTELY, TWENTY_MINUTELY, HALF_HOURLY, FAST_HOURLY, TWO_HOURLY, FOUR_HOURLY,"
            + " SIX_HOURLY, FAST_DAILY, WEEKLY",
        "journal:\\n  rollCycle: 7 | journal.rollCycle: expected a string, got the number 7",
        // wrong types
        "server:\\n  port: '7878' | server.port: expected an integer, got the string \"7878\"",
        "server:\\n  port: 78.5 | server.port: expected an integer, got the number 78.5",
        "server:\\n  port: 99999999999 | server.port: 99999999999 is too large",
        "server:\\n  maxBodyBytes: 99999999999999999999999 | server.maxBodyBytes: 99999999999999999999999 is too large",
        "server:\\n  bind: 127 | server.bind: expected a string, got the number 127",
        "server:\\n  port: | server.port: expected an integer, got no value",
        "server:\\n  port: ~ | server.port: has no value (leave the key out for its default)",
        "engine:\\n  matchOrders: 'no' | engine.matchOrders: expected true or false, got the string \"no\"",
        "engine:\\n  maxHops: [1, 2] | engine.maxHops: expected an integer, got a list",
        "journal:\\n  enabled: 1 | journal.enabled: expected true or false, got the number 1",
        "server: 7878 | server: expected a mapping, got the number 7878",
        // unknown keys
        "server:\\n  prot: 7878 | server.prot: unknown key (known: bind, port, maxBodyBytes, workerThreads,"
            + " queueDepth, httpThreads, idleTimeoutMillis, solveTimeoutMillis, notificationsKept)",
        "engine:\\n  slack: 5 | engine.slack: unknown key (known: maxHops, deadlineSlackMillis,"
            + " settlementGasOverhead, matchOrders)",
        "journal:\\n  path: x | journal.path: unknown key (known: enabled, dir, rollCycle)",
        "serve:\\n  port: 1 | serve: unknown key (known: server, engine, journal)",
      })
  void shouldNameTheKeyAndTheProblem(final String yaml, final String message) {
    final ConfigException e =
        assertThrows(ConfigException.class, () -> SextantConfig.parse(yaml.replace("\\n", "\n")));
    assertEquals(message, e.getMessage());
    assertEquals(message.substring(0, message.indexOf(':')), e.key());
  }

  @Test
  void shouldRefuseAFileThatIsNotAMappingOrNotYaml() {
    assertEquals(
        "expected a mapping with server, engine and journal sections",
        assertThrows(ConfigException.class, () -> SextantConfig.parse("- 1\n- 2\n")).getMessage());
    final ConfigException bad =
        assertThrows(ConfigException.class, () -> SextantConfig.parse("server: [1, 2\n"));
    assertEquals("", bad.key());
    assertEquals(true, bad.getMessage().startsWith("not valid YAML: "), bad.getMessage());
    final ConfigException dup =
        assertThrows(
            ConfigException.class, () -> SextantConfig.parse("server:\n  port: 1\n  port: 2\n"));
    assertEquals(true, dup.getMessage().contains("port"), dup.getMessage());
  }

  @Test
  void shouldNameAMissingFile() {
    final ConfigException e =
        assertThrows(
            ConfigException.class, () -> SextantConfig.load(Path.of("no/such/sextant.yaml")));
    assertEquals("no such configuration file: no/such/sextant.yaml", e.getMessage());
  }
}
