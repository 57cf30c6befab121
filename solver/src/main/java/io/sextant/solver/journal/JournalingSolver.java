package io.sextant.solver.journal;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.EngineConfig;
import io.sextant.solver.api.SolveTrace;
import java.nio.charset.StandardCharsets;

/**
 * Journals every solve of an engine: appends the request body, runs the engine, then appends the
 * decision (response bytes, stage times, solution count, deadline hit, engine version, config hash,
 * the request's index). A refused request ({@link BadRequestException}) and an engine failure are
 * journaled as decisions too, then rethrown unchanged. Thread-safe if the engine is; each thread
 * appends through its own appender. Wiring: {@code new JournalingSolver(engine, journal, version,
 * config)} wherever an {@link AuctionSolver} is handed out.
 */
public final class JournalingSolver implements AuctionSolver {
  private final AuctionSolver engine;
  private final Journal journal;
  private final String engineVersion;
  private final long configHash;
  private final ThreadLocal<DecisionTrace> traces = ThreadLocal.withInitial(DecisionTrace::new);

  /**
   * Journals {@code engine}, which runs as {@code engineVersion} with {@code config}; appends the
   * config entry its decisions refer to.
   */
  public JournalingSolver(
      final AuctionSolver engine,
      final Journal journal,
      final String engineVersion,
      final EngineConfig config) {
    this.engine = engine;
    this.journal = journal;
    this.engineVersion = engineVersion;
    final byte[] json = ConfigHash.json(config);
    this.configHash = ConfigHash.hash(engineVersion, json);
    journal.appender().appendConfig(configHash, engineVersion, json);
  }

  /** The hash decisions of this solver carry. */
  public long configHash() {
    return configHash;
  }

  @Override
  public byte[] solve(final byte[] request, final SolveTrace trace) throws BadRequestException {
    final JournalAppender out = journal.appender();
    final long requestIndex = out.appendRequest(request, 0, request.length);
    final DecisionTrace t = traces.get().reset(trace);
    final long start = System.nanoTime();
    final byte[] response;
    try {
      response = engine.solve(request, t);
    } catch (BadRequestException e) {
      decision(out, requestIndex, DecisionStatus.REJECTED, t, start, message(e));
      throw e;
    } catch (RuntimeException | Error e) {
      decision(out, requestIndex, DecisionStatus.FAILED, t, start, message(e));
      throw e;
    }
    final long nanos = System.nanoTime() - start;
    // A server that gave up on this solve interrupts its thread; the decision is still journaled
    // (the engine made it), so the append must not see the interrupt.
    final boolean interrupted = Thread.interrupted();
    try {
      out.appendDecision(
          requestIndex,
          configHash,
          engineVersion,
          DecisionStatus.SOLVED,
          t,
          nanos,
          response,
          0,
          response.length);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return response;
  }

  private void decision(
      final JournalAppender out,
      final long requestIndex,
      final byte status,
      final DecisionTrace t,
      final long start,
      final byte[] message) {
    out.appendDecision(
        requestIndex,
        configHash,
        engineVersion,
        status,
        t,
        System.nanoTime() - start,
        message,
        0,
        message.length);
  }

  /** What a refusal or failure is journaled as (replay compares it). */
  static byte[] message(final Throwable e) {
    final String m =
        e instanceof BadRequestException
            ? e.getMessage()
            : e.getClass().getName() + ": " + e.getMessage();
    return (m == null ? "" : m).getBytes(StandardCharsets.UTF_8);
  }
}
