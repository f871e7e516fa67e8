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

  /**
   * Panel width nb of the blocked Householder tridiagonalization (LAPACK {@code dsytrd}'s
   * {@code ilaenv} default is 32): half the flops go through the rank-2nb trailing update, the other
   * half through the memory-bound symmetric matrix-vector products of the panel, whose share does
   * not depend on nb; 32 keeps the panel W (n×nb) in L2 for n ≤ 2048.
   */
  public static final int EIGEN_PANEL_WIDTH = 32;

  /**
   * Below this order the reduction runs unblocked (one panel covering the whole matrix): the
   * rank-2k update pays off only when the trailing matrix is well beyond one panel (dsytrd's
   * crossover {@code nx} is of the same order).
   */
  public static final int EIGEN_BLOCKED_MIN_N = 96;

  /**
   * Block size of the compact-WY back-transformation (LAPACK {@code dormtr}/{@code dlarfb}): the
   * three gemm calls per block have inner dimension nb; 32 matches the reduction's panels.
   */
  public static final int EIGEN_BACKTRANSFORM_BLOCK = 32;

  /**
   * Subproblem size at which divide and conquer stops dividing and solves by implicit QL
   * (LAPACK {@code dstedc}'s SMLSIZ is 25).
   */
  public static final int EIGEN_DC_LEAF_SIZE = 32;

  /**
   * Order from which the factory computes eigenvectors with divide and conquer instead of QL with
   * rotation accumulation (O(n³) with a large constant: about 6n³ flops of plane rotations that do
   * not run in the gemm kernel). LAPACK {@code dstedc} switches at SMLSIZ = 25; below that both
   * take well under a millisecond.
   */
  public static final int EIGEN_DC_MIN_N = 64;

  // ---- dmft ----------------------------------------------------------------------------------

  // ---- sim -----------------------------------------------------------------------------------

}
