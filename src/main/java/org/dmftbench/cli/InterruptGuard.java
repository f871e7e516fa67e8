package org.dmftbench.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C / SIGTERM handling for long runs that write a partial result: while open, a shutdown hook
 * runs {@code cancel} and then holds the JVM (up to two minutes) until {@link #close()} says that
 * the result has been written. Use with try-with-resources around the run and the writing.
 */
final class InterruptGuard implements AutoCloseable {

  private final CountDownLatch written = new CountDownLatch(1);
  private final Thread hook;

  InterruptGuard(String name, Runnable cancel) {
    hook = new Thread(() -> {
      cancel.run();
      try {
        written.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The result is written: a running hook may let the JVM exit; otherwise the hook is removed. */
  @Override
  public void close() {
    written.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already shutting down: the hook is running and waits for the latch above.
    }
  }
}
