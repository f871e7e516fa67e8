package org.dmftbench.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dmftbench.sim.Experiment;

/**
 * Progress of a long run: a progress bar when standard error is a terminal, otherwise plain lines
 * (about every 10 % and at the end) so that logs stay readable. Closing it ends the bar.
 */
final class DrawProgress implements Experiment.Progress, AutoCloseable {

  private final ProgressBar bar;
  private final PrintStream log;
  private final String task;
  private int lastDecile = -1;

  private DrawProgress(ProgressBar bar, PrintStream log, String task) {
    this.bar = bar;
    this.log = log;
    this.task = task;
  }

  /** A bar on a terminal, lines otherwise; {@code quiet} gives neither. */
  static DrawProgress start(String task, int total, boolean quiet) {
    if (quiet) {
      return new DrawProgress(null, null, task);
    }
    java.io.Console console = System.console();
    boolean terminal = console != null && console.isTerminal();
    if (terminal) {
      ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build();
      return new DrawProgress(bar, null, task);
    }
    return new DrawProgress(null, System.err, task);
  }

  @Override
  public synchronized void drawFinished(int finished, int total) {
    if (bar != null) {
      bar.stepTo(finished);
    } else if (log != null) {
      int decile = (int) (10L * finished / total);
      if (decile != lastDecile || finished == total) {
        lastDecile = decile;
        log.printf("%s: %d/%d draws done%n", task, finished, total);
      }
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
