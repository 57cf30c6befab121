package io.sextant.routing.math;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread allocates while running a task, from {@code
 * com.sun.management.ThreadMXBean}. Tests use it to prove a warmed-up kernel allocates nothing.
 */
public final class AllocationMeter {
  private static final com.sun.management.ThreadMXBean MX =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AllocationMeter() {}

  /**
   * The fewest bytes allocated over {@code attempts} runs of {@code iterations} calls of {@code
   * task}, after {@code warmup} unmeasured calls. Taking the minimum discards one-off allocations
   * by the JVM itself (class loading, a deoptimisation) that are not the code's.
   */
  public static long minBytes(
      final Runnable task, final int warmup, final int iterations, final int attempts) {
    for (int i = 0; i < warmup; i++) {
      task.run();
    }
    final long tid = Thread.currentThread().threadId();
    MX.getThreadAllocatedBytes(tid);
    long best = Long.MAX_VALUE;
    for (int a = 0; a < attempts; a++) {
      final long before = MX.getThreadAllocatedBytes(tid);
      for (int i = 0; i < iterations; i++) {
        task.run();
      }
      final long after = MX.getThreadAllocatedBytes(tid);
      best = Math.min(best, after - before);
    }
    return best;
  }
}
