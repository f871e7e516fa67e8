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
   * Blocking of the packed gemm behind gemm, syrk and syr2k (Goto & van de Geijn, "Anatomy of
   * high-performance matrix multiplication", ACM TOMS 34(3), 2008): a KC×NR micro-panel of op(B)
   * stays in L1 (32 KiB per core here), an MC×KC block of op(A) in L2 (512 KiB per core), a KC×NC
   * panel of op(B) in L3 (32 MiB). The micro-kernel is MR×NR = (3 vectors)×4 doubles, 12×4 on
   * AVX2: 12 accumulators + 3 loads of A + 1 broadcast of B fill the 16 vector registers.
   *
   * Measured on this machine (2-core EPYC Zen 1, JDK 25) with GemmBenchmark n = 1024, one thread,
   * while other builds ran (load average 3-9, so differences under ~10 % are noise):
   *   KC/MC = 256/144: 286 ms;  128/144: 333 ms;  256/72: 377 ms;  384/96: 336 ms;  256/288: 437 ms.
   * Micro-kernel shapes, best thread CPU time of 12 products each, three interleaved rounds:
   *   12×4 indexed by the loop counter 222-225 ms;  12×4 with bumped indices 228-268 ms;
   *   8×6 228-309 ms;  12×4 unrolled twice by hand 373-393 ms (spills); packed buffers in
   *   native segments instead of heap arrays 557-571 ms (against 255-276 ms in the same round).
   */

  /** Depth KC of a packed block (see the measurements above). */
  public static final int GEMM_KC = 256;

  /**
   * Rows MC of a packed block of op(A), rounded down to a multiple of MR: 144×256 doubles = 288 KiB
   * of the 512 KiB L2, room left for the C tiles and the B micro-panels.
   */
  public static final int GEMM_MC = 144;

  /** Columns NC of a packed panel of op(B): 2048×256 doubles = 4 MiB, well inside the L3. */
  public static final int GEMM_NC = 2048;

  /**
   * At or below this many multiply-adds (m·n·k) gemm skips packing and runs plain loops. Not
   * measured: a conservative guess (16³) so that only tiny products, where packing two operands
   * and the per-call set-up dominate, take the direct path.
   */
  public static final long GEMM_DIRECT_FLOPS = 16L * 16 * 16;

  // ---- eigen ---------------------------------------------------------------------------------

  // ---- dmft ----------------------------------------------------------------------------------

  // ---- sim -----------------------------------------------------------------------------------

}
