package org.dmftbench;

/**
 * Every performance tuning constant of dmftbench (block sizes, thresholds between algorithms), in
 * one place, each with the measurement that chose it. Changing one changes speed, never results
 * beyond rounding.
 */
public final class Tuning {

  private Tuning() {
  }

  // ---- kernels -------------------------------------------------------------------------------

  // ---- eigen ---------------------------------------------------------------------------------

  // ---- dmft ----------------------------------------------------------------------------------

  // ---- sim -----------------------------------------------------------------------------------

}
