package io.sextant.solver.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM journals solves under load and is killed with SIGKILL mid-run; the journal must
 * then hold every acknowledged decision (and its request) intact, no entry that does not decode,
 * and accept appends again after its last complete entry.
 */
class JournalCrashTest {
  private static final int ACKS_BEFORE_KILL = 3_000;

  @TempDir Path dir;

  @Test
  void shouldKeepEveryAcknowledgedDecisionAfterSigkillAndResumeAppending() throws Exception {
    final Path journal = dir.resolve("journal");
    final List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElseThrow());
    for (final String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-")
          || a.startsWith("--enable-native")
          || a.startsWith("-Dchronicle")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(CrashingWriter.class.getName());
    cmd.add(journal.toString());
    final Process child =
        new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    final Map<Long, Long> acked = new HashMap<>(); // decision index -> seq
    long lastSeq = -1;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("ack ")) {
          final String[] f = line.split(" ");
          lastSeq = Long.parseLong(f[1]);
          acked.put(Long.parseLong(f[2]), lastSeq);
          if (acked.size() == ACKS_BEFORE_KILL) {
            // Mid-run: the child is appending as fast as it can.
            child.destroyForcibly(); // SIGKILL on Linux
            break;
          }
        }
      }
    } finally {
      child.destroyForcibly();
    }
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
    assertEquals(137, child.exitValue(), "killed by SIGKILL");
    assertEquals(ACKS_BEFORE_KILL, acked.size());

    // Every entry decodes; every acknowledged decision is there with its request, byte for byte.
    final Map<Long, byte[]> requests = new HashMap<>();
    int found = 0;
    long lastIndex = -1;
    long seqAfter = -1;
    try (JournalReader r = JournalReader.open(journal)) {
      r.toStart();
      while (r.next()) {
        assertTrue(r.index() > lastIndex, "indices ascend");
        lastIndex = r.index();
        if (r.type() == EntryType.REQUEST) {
          requests.put(r.index(), r.body());
        } else if (r.type() == EntryType.DECISION) {
          final Decision d = r.decision();
          final byte[] request = requests.remove(d.requestIndex());
          assertNotNull(request, "request of decision " + d.index());
          final String id = new String(request, 7, 20, StandardCharsets.UTF_8);
          final long seq = Long.parseLong(id.substring(0, id.indexOf('"')));
          assertArrayEquals(CrashingWriter.request(seq), request);
          assertArrayEquals(CrashingWriter.response(seq), d.body());
          seqAfter = seq;
          final Long ack = acked.get(d.index());
          if (ack != null) {
            assertEquals(ack, seq);
            found++;
          }
        }
      }
    }
    assertEquals(ACKS_BEFORE_KILL, found, "every acknowledged decision is in the journal");
    assertTrue(seqAfter >= lastSeq);

    // A restarted writer appends after the last complete entry; the reader sees it next.
    final long next = seqAfter + 1;
    final long resumed;
    try (Journal j = Journal.open(journal, "FAST_HOURLY")) {
      final JournalingSolver s =
          new JournalingSolver(
              (request, trace) -> CrashingWriter.response(next),
              j,
              "crash-test",
              EngineConfig.DEFAULTS);
      s.solve(CrashingWriter.request(next), SolveTrace.NONE);
      resumed = j.lastIndex();
    }
    assertTrue(resumed > lastIndex);
    try (JournalReader r = JournalReader.open(journal)) {
      r.toStart();
      Decision last = null;
      while (r.next()) {
        if (r.type() == EntryType.DECISION) {
          last = r.decision();
        }
      }
      assertNotNull(last);
      assertEquals(resumed, last.index());
      assertArrayEquals(CrashingWriter.response(next), last.body());
      assertFalse(last.deadlineHit());
    }
  }
}
