package io.sextant.solver.journal;

import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link JournalCrashTest}: journals solves as fast as it can until killed,
 * and after each decision is appended prints {@code ack SEQ REQUEST_INDEX DECISION_INDEX} on stdout
 * (only then is the entry acknowledged). Request {@code SEQ}'s body and its response are {@link
 * #request}/{@link #response} of SEQ, so the test can check their bytes.
 */
public final class CrashingWriter {
  private CrashingWriter() {}

  /** A request body of 100 to 1,100 bytes that names {@code seq}. */
  static byte[] request(final long seq) {
    final StringBuilder b = new StringBuilder("{\"id\":\"").append(seq).append("\",\"pad\":\"");
    final int pad = (int) (100 + (seq * 7919) % 1000);
    for (int i = 0; i < pad; i++) {
      b.append((char) ('a' + (seq + i) % 26));
    }
    return b.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The response the child's engine gives to request {@code seq}. */
  static byte[] response(final long seq) {
    return ("{\"solutions\":[],\"echo\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** {@code args[0]}: journal directory. */
  public static void main(final String[] args) throws Exception {
    final PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try (Journal journal = Journal.open(Path.of(args[0]), "FAST_HOURLY")) {
      final JournalingSolver solver =
          new JournalingSolver(
              (request, trace) -> {
                final String s = new String(request, 7, 20, StandardCharsets.UTF_8);
                trace.finished(0, false);
                return response(Long.parseLong(s.substring(0, s.indexOf('"'))));
              },
              journal,
              "crash-test",
              EngineConfig.DEFAULTS);
      out.println("ready");
      out.flush();
      for (long seq = 0; ; seq++) {
        solver.solve(request(seq), SolveTrace.NONE);
        final long decision = journal.appender().lastIndex();
        out.println("ack " + seq + " " + decision);
        out.flush();
      }
    }
  }
}
