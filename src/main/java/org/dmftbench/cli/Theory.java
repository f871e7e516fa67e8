package org.dmftbench.cli;

import org.dmftbench.sim.SimSetup;

/** The typical-case theory's learning curve for the experiment's problem (used by --compare and scaling). */
final class Theory {

  private Theory() {
  }

  /** E_g(t_j) of the DMFT for the problem {@code s}. */
  static double[] curve(SimSetup s, double[] times) {
    throw new UserInputException("--compare needs the DMFT solver (org.dmftbench.dmft), which this build does not include");
  }

  static boolean available() {
    return false;
  }
}
