package org.dmftbench.eigen;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The few worker threads of the multi-threaded variants (daemon threads, created on first use).
 * Work is only split across threads when every segment it touches is accessible from any thread
 * (shared or global arenas); the two-thread solver hands its back-transformation shared copies
 * for that.
 */
final class Parallel {

  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "dmftbench-eigen-worker");
    t.setDaemon(true);
    return t;
  });

  private static final Thread PROBE = Thread.ofPlatform().unstarted(() -> { });

  private Parallel() {
  }

  /** True when all segments can be read and written by a thread other than their owner. */
  static boolean shareable(MemorySegment... segments) {
    for (MemorySegment s : segments) {
      if (!s.isAccessibleBy(PROBE)) {
        return false;
      }
    }
    return true;
  }

  /** Runs tasks[1..] on workers and tasks[0] on the caller, and waits for all; rethrows the first failure. */
  static void run(Runnable... tasks) {
    CompletableFuture<?>[] f = new CompletableFuture<?>[tasks.length - 1];
    for (int i = 1; i < tasks.length; i++) {
      f[i - 1] = CompletableFuture.runAsync(tasks[i], POOL);
    }
    RuntimeException first = null;
    try {
      tasks[0].run();
    } catch (RuntimeException e) {
      first = e;
    }
    for (CompletableFuture<?> x : f) {
      try {
        x.join();
      } catch (CompletionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException r ? r : e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
