package io.sextant.solver.journal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A decision entry read back: the engine's answer to the request at {@link #requestIndex}.
 *
 * @param index this entry's journal index
 * @param wallMillis when it was appended (epoch milliseconds)
 * @param requestIndex journal index of the request it answers
 * @param configHash hash of the {@link ConfigEntry} the engine ran with
 * @param engineVersion engine version string
 * @param status a {@link DecisionStatus}
 * @param solutions solution count the engine reported (-1: not reported)
 * @param deadlineHit whether the engine ran out of time
 * @param totalNanos wall time of the whole solve
 * @param stages per-stage times, in the order reported
 * @param body the response body ({@code SOLVED}) or the refusal/failure message
 */
public record Decision(
    long index,
    long wallMillis,
    long requestIndex,
    long configHash,
    String engineVersion,
    int status,
    int solutions,
    boolean deadlineHit,
    long totalNanos,
    List<Stage> stages,
    byte[] body) {

  /** One stage of a solve. */
  public record Stage(String name, long nanos) {}

  /** The body as text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
