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

  // ---- dmft ----------------------------------------------------------------------------------

  // ---- sim -----------------------------------------------------------------------------------

}
