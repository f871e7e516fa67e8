package org.dmftbench.sim;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.dmftbench.linalg.OffHeap;
import org.dmftbench.linalg.Workspace;

/**
 * The experiment of spec §2: S independent seeded draws, each solved exactly by {@link ExactDraw},
 * run in parallel, averaged into a mean curve with standard errors.
 *
 * <p>Each draw generates its data from (seed, draw index) alone; its off-heap memory is a frame of
 * its worker thread's {@link Workspace}, released when the draw ends and reused by the next draw of
 * that worker (the workspaces are freed when the run ends). The per-draw curves are stored by index
 * and averaged in index order. Data and results are bit-identical whatever the thread count and
 * scheduling: every kernel, scalar or Vector API, sums in a fixed order.
 *
 * <p>Cancellation ({@link #cancel()}, e.g. from a shutdown hook) stops starting new draws and lets the
 * running ones finish; {@link #run} then returns the statistics of the draws that finished.
 */
public final class Experiment {

  /** Receives progress: called once per finished draw, from worker threads. */
  @FunctionalInterface
  public interface Progress {
    void drawFinished(int finished, int total);
  }

  private final ExactDraw exact;
  private final long seed;
  private final ExactDraw.Route route;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public Experiment(ExactDraw exact, long seed, ExactDraw.Route route) {
    this.exact = exact;
    this.seed = seed;
    this.route = route;
  }

  /** Asks a running {@link #run} to stop after the draws in progress. */
  public void cancel() {
    cancelled.set(true);
  }

  public boolean cancelled() {
    return cancelled.get();
  }

  /** The result: statistics over the finished draws, and whether all requested draws finished. */
  public record Result(CurveStats stats, int requested, boolean complete) {
  }

  /**
   * Runs draws 0..draws−1 on {@code threads} threads.
   *
   * @throws IllegalArgumentException on draws &lt; 2 or threads &lt; 1
   * @throws IllegalStateException when cancelled before any draw finished
   */
  public Result run(int draws, int threads, Progress progress) {
    if (draws < 2) {
      throw new IllegalArgumentException("need at least 2 draws for a standard error, got " + draws);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    SimSetup setup = exact.setup();
    int atOnce = Math.min(threads, draws);
    OffHeap.requireFits(setup.bytesPerDraw() * atOnce, "the experiment at N = " + setup.modes() + ", P = "
        + setup.samples() + " with " + atOnce + " draw(s) at once");
    ExactDraw.Curve[] curves = new ExactDraw.Curve[draws];
    AtomicInteger done = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    ThreadFactory tf = r -> {
      Thread t = new Thread(r, "dmftbench-draw");
      t.setDaemon(true);
      return t;
    };
    int workers = Math.min(threads, draws);
    ExecutorService pool = Executors.newFixedThreadPool(workers, tf);
    try {
      Future<?>[] fs = new Future<?>[workers];
      for (int w = 0; w < workers; w++) {
        fs[w] = pool.submit(() -> {
          try (Workspace workspace = new Workspace()) {
            int i;
            while (!cancelled.get() && (i = next.getAndIncrement()) < draws) {
              curves[i] = exact.run(workspace, seed, i, route);
              int f = done.incrementAndGet();
              if (progress != null) {
                progress.drawFinished(f, draws);
              }
            }
          }
        });
      }
      RuntimeException failure = null;
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          cancelled.set(true);
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          cancelled.set(true);
          Thread.currentThread().interrupt();
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdown();
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int finished = done.get();
    if (finished == 0) {
      throw new IllegalStateException("interrupted before any draw finished");
    }
    return new Result(CurveStats.of(exact.times(), curves), draws, finished == draws);
  }
}
