package io.sextant.solver.serve;

import io.sextant.solver.api.AuctionSolver;
import io.sextant.solver.api.BadRequestException;
import io.sextant.solver.api.SolveTrace;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /solve}: runs the engine on a worker thread and answers by the auction's deadline
 * whatever the engine does.
 *
 * <p>The request thread hands the body to a worker first, then checks the body's JSON and reads its
 * {@code deadline} while the engine solves (two cores, two jobs). It waits for the engine until the
 * cutoff: the deadline less half the engine's slack (the engine aims at deadline less the full
 * slack, so a well-behaved engine always answers first), and never longer than {@code
 * server.solveTimeoutMillis} after arrival. An engine still working at the cutoff is interrupted
 * and the answer is {@code {"solutions":[]}}, counted as a server deadline hit. A request already
 * past its cutoff gets that answer at once.
 */
final class SolveEndpoint implements AutoCloseable {
  /** Longest {@link #close()} waits for solves in flight. */
  static final long CLOSE_WAIT_MILLIS = 2_000;

  private final AuctionSolver solver;
  private final ServerMetrics metrics;
  private final ThreadPoolExecutor workers;
  private final long solveTimeoutNanos;
  private final long cutoffBeforeDeadlineMillis;

  SolveEndpoint(
      final AuctionSolver solver,
      final ServerMetrics metrics,
      final int workerThreads,
      final int queueDepth,
      final long solveTimeoutMillis,
      final long deadlineSlackMillis) {
    this.solver = solver;
    this.metrics = metrics;
    this.solveTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(solveTimeoutMillis);
    this.cutoffBeforeDeadlineMillis = deadlineSlackMillis / 2;
    this.workers =
        new ThreadPoolExecutor(
            workerThreads,
            workerThreads,
            0,
            TimeUnit.MILLISECONDS,
            queueDepth == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueDepth),
            new WorkerThreads(),
            new ThreadPoolExecutor.AbortPolicy());
    workers.prestartAllCoreThreads();
  }

  /** Answers one {@code /solve} whose body has been read; {@code arrivalNanos} is its arrival. */
  Reply solve(final byte[] body, final long arrivalNanos) {
    final Trace trace = new Trace(metrics);
    final Future<byte[]> answer;
    try {
      answer = workers.submit(() -> solver.solve(body, trace));
    } catch (RejectedExecutionException e) {
      return Reply.error(
          429,
          "too_busy",
          "too busy: "
              + workers.getActiveCount()
              + " solves running and "
              + workers.getQueue().size()
              + " waiting");
    }
    final long deadlineMillis;
    try {
      deadlineMillis = AuctionBodyCheck.deadlineEpochMillis(body);
    } catch (BadRequestException e) {
      answer.cancel(true);
      return Reply.error(400, "bad_request", e.getMessage());
    }
    long cutoffNanos = arrivalNanos + solveTimeoutNanos;
    if (deadlineMillis != AuctionBodyCheck.NO_DEADLINE) {
      final long leftMillis =
          deadlineMillis - cutoffBeforeDeadlineMillis - System.currentTimeMillis();
      final long byDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(leftMillis);
      cutoffNanos = Math.min(cutoffNanos, byDeadline);
    }
    try {
      final long waitNanos = cutoffNanos - System.nanoTime();
      if (waitNanos <= 0) {
        return timedOut(answer);
      }
      final byte[] response = answer.get(waitNanos, TimeUnit.NANOSECONDS);
      if (response == null) {
        return Reply.error(500, "engine_error", "engine failed: it returned no response body");
      }
      trace.delivered();
      return Reply.json(200, response);
    } catch (TimeoutException e) {
      return timedOut(answer);
    } catch (ExecutionException e) {
      final Throwable cause = e.getCause();
      if (cause instanceof BadRequestException bad) {
        return Reply.error(400, "bad_request", bad.getMessage());
      }
      System.err.println("sextant serve: the engine failed on a /solve request:");
      cause.printStackTrace();
      return Reply.error(500, "engine_error", "engine failed: " + cause);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      return Reply.error(503, "shutting_down", "the server is shutting down");
    }
  }

  private Reply timedOut(final Future<byte[]> answer) {
    answer.cancel(true);
    metrics.deadlineHit("server");
    return Reply.json(200, Reply.NO_SOLUTIONS);
  }

  /**
   * Interrupts the workers and waits up to {@link #CLOSE_WAIT_MILLIS} for solves in flight to end,
   * so that a journal closed after the server does not lose a decision still being appended.
   */
  @Override
  public void close() {
    workers.shutdownNow();
    try {
      workers.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One solve's trace: stage times go straight to the metrics, the outcome waits for delivery. */
  private static final class Trace implements SolveTrace {
    private final ServerMetrics metrics;
    private volatile int solutions;
    private volatile boolean deadlineHit;

    Trace(final ServerMetrics metrics) {
      this.metrics = metrics;
    }

    @Override
    public void stage(final String name, final long nanos) {
      metrics.stage(name, nanos);
    }

    @Override
    public void finished(final int count, final boolean hit) {
      solutions = count;
      deadlineHit = hit;
    }

    /** The engine's answer was sent: count what it held (an abandoned answer counts nothing). */
    void delivered() {
      metrics.solutionsReturned(solutions);
      if (deadlineHit) {
        metrics.deadlineHit("engine");
      }
    }
  }

  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(final Runnable r) {
      final Thread t = new Thread(r, "sextant-solve-" + next.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
