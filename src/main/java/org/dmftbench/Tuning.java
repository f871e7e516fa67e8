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

  /*
   * Blocking of the packed gemm (Goto & van de Geijn, "Anatomy of high-performance matrix
   * multiplication", ACM TOMS 34(3), 2008): a KC×NR micro-panel of op(B) stays in L1 (32 KiB here),
   * an MC×KC block of op(A) in L2 (512 KiB per core here), a KC×NC panel of op(B) in L3. The
   * micro-kernel is MR×NR = (3 vectors)×4 doubles (12×4 on AVX2): 12 accumulators + 3 loads of A +
   * 1 broadcast of B fill the 16 vector registers. Chosen with GemmBenchmark (n = 1024, one thread,
   * JDK 25, EPYC Zen 1): see the measurements beside each constant.
   */

  /**
   * Depth KC of a packed block. 256: the B micro-panel (256×4 doubles = 8 KiB) and the streamed A
   * micro-panel (256×12 doubles = 24 KiB) share L1; KC = 128 measured about 6 % slower at n = 1024
   * (more write-backs of C), 384 no faster.
   */
  public static final int GEMM_KC = Integer.getInteger("tune.kc", 256);

  /**
   * Rows MC of a packed block of op(A) (rounded down to a multiple of MR). 144×256 doubles =
   * 288 KiB fits the 512 KiB L2 with room for C tiles and B; 72 and 288 measured 2-5 % slower.
   */
  public static final int GEMM_MC = Integer.getInteger("tune.mc", 144);

  /** Columns NC of a packed panel of op(B): 2048×256 doubles = 4 MiB, in the 32 MiB L3. */
  public static final int GEMM_NC = 2048;

  /**
   * Below this many multiply-adds (m·n·k) gemm skips packing and runs the direct loops: packing two
   * 16×16 operands costs about as much as multiplying them.
   */
  public static final long GEMM_DIRECT_FLOPS = 16L * 16 * 16;

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
