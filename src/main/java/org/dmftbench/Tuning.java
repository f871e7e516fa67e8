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
   * panel of op(B) in L3 (32 MiB). The micro-kernel is MR×NR = (2 vectors)×4 doubles, 8×4 on
   * AVX2: 8 accumulators + 2 loads of A + 1 broadcast of B use 11 of the 16 vector registers.
   *
   * Measured on this machine (2-core AMD EPYC, CPU family 25, JDK 25) with GemmBenchmark n = 1024, one thread,
   * while other builds ran (load average 3-9, so differences under ~10 % are noise):
   *   KC/MC = 256/144: 286 ms;  128/144: 333 ms;  256/72: 377 ms;  384/96: 336 ms;  256/288: 437 ms.
   * Micro-kernel shapes, best thread CPU time of 12 products each, three interleaved rounds:
   *   12×4 indexed by the loop counter 222-225 ms;  12×4 with bumped indices 228-268 ms;
   *   8×6 228-309 ms;  12×4 unrolled twice by hand 373-393 ms (spills); packed buffers in
   *   native segments instead of heap arrays 557-571 ms (against 255-276 ms in the same round).
   * On a quiet machine (JMH, GemmBenchmark -p impl=panama -f 1 -wi 3 -i 5): 12×4 with its own C
   * update, 281 ms at n = 1024; 8×6 as one register kernel writing a tile, then a vector update
   * of C, 120 ms at n = 1024 (17.9 GFLOP/s) and 1.79 ms at n = 256: the 12×4 kernel, which
   * needs all 16 registers, spilled under C2. The 8×6 kernel (15 registers) still left C2 no slack:
   * the same kernel with 8×4 accumulators (11 registers) runs at 33-37 GFLOP/s at n = 1024 against
   * 17-18 for 8×6 (best of 6 in-process products, same JVM build; a register-only FMA loop peaks
   * at 31-38 GFLOP/s on this machine), so the product now runs near the core's FMA throughput.
   * JMH (GemmBenchmark, default profile): 114.7 ms at n = 1024 with 8×6
   * (results/2026-11-23-1242-jdk25-623dd8f), 79.0 ms = 27.2 GFLOP/s with 8×4
   * (results/2026-11-23-1431-jdk25-5a5d853).
   */

  /*
   * Segments of both kinds in one JVM. The level-2 kernels read their operands in place, and C2
   * compiles each segment access with a check of its memory session specialised to the session
   * kinds seen so far. A first solve on shared-arena scratch followed by solves on confined
   * scratch made the tridiagonal reduction at n = 1024 run at 185-250 ms instead of 95-130 ms
   * (in-process, same code; the JMH stage benchmark showed 200 against 105 ms), and a JMH fork that
   * reduced once on shared memory in its set-up timed the (confined) values-only solve at 224
   * instead of 110 ms. So the reduction always runs on confined memory, the multi-threaded parts
   * get shared copies, and the benchmarks allocate confined memory for what the kernels touch.
   * (A shared arena also costs ~200 µs to close, against ~1 µs for a confined one.)
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

  /**
   * gemm with op(A) = Aᵀ and at most this many columns in B skips packing: each column of A is
   * dotted with every column of B while it is in registers (see PanamaDenseKernels). Four is what
   * one pass keeps in flight (2 columns of A × 4 of B = 8 accumulators, with the loads, 14 of the 16
   * AVX2 registers); wider products repay the packing.
   */
  public static final int GEMM_NARROW_COLS = 4;

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
   * three gemm calls per block have inner dimension nb, and C (n×n) is streamed twice per block.
   * Measured (Q·Z at n = 1024, best of 7 in-process, three rounds, 8×4 gemm kernel): nb = 32
   * 92-135 ms, 48 83-102, 64 78-84, 96 86-114, 128 90-116.
   */
  public static final int EIGEN_BACKTRANSFORM_BLOCK = 64;

  /**
   * Block size of Q's prepared compact-WY blocks in a draw's factored eigenbasis, applied to a few
   * columns only (Qᵀ to the 4 projected vectors, Q to the 64 time points): the reduction's panel width,
   * so that every product y_iᵀy_j that T needs comes from the panels (see
   * {@code HouseholderBackTransform.prepare}). Measured at n = 1024 (median of 200 in-process, one
   * run): nb = 32, prepare 0.61 ms + Qᵀ·(4 columns) 1.44 + Q·(64 columns) 9.53; nb = 64, whose T
   * needs the products across two panels by dot products, 4.18 + 1.33 + 8.47.
   */
  public static final int EIGEN_PREPARED_BLOCK = EIGEN_PANEL_WIDTH;

  /**
   * Subproblem size at which divide and conquer stops dividing and solves by implicit QL
   * (LAPACK {@code dstedc}'s SMLSIZ is 25).
   */
  public static final int EIGEN_DC_LEAF_SIZE = 32;

  /**
   * Columns of a merge's U formed between two products with the carried rows: eight columns of the
   * top merge at n = 1024 are 64 KB, still in L2, and one narrow product per eight columns instead of
   * one per column pays the per-call set-up (zeroing and splitting the output) an eighth as often.
   */
  public static final int EIGEN_DC_GATHER_BATCH = 8;

  /**
   * Order from which the factory computes eigenvectors with divide and conquer instead of QL with
   * rotation accumulation (about 6n³ flops of plane rotations outside the gemm kernel). Measured
   * (full vectors solve, best of 3, in-process timing on the shared 2-core machine under load):
   * n = 32: QL 0.75 ms, D&amp;C 0.97 ms; n = 48: 1.28 vs 1.10; n = 64: 2.95 vs 2.77; n = 128: 18.2 vs 10.8.
   * LAPACK {@code dstedc} switches at SMLSIZ = 25.
   */
  public static final int EIGEN_DC_MIN_N = 48;

  // ---- dmft ----------------------------------------------------------------------------------

  /**
   * Nodes n of the Weideman–Trefethen parabolic contour (2n + 1 nodes, n + 1 solved thanks to
   * conjugate symmetry). Measured on the P → ∞ curve (N = 1000, α = β = 0.5, t from 1e-2 to 1e4):
   * n = 32 gives ≤ 4e-15 at t = t_c, ≤ 2e-11 for t/t_c in [0.7, 3]; n = 24 ≤ 3e-9 on the same range.
   */
  public static final int CONTOUR_NODES = 32;

  /** Nodes of the coarser companion contour whose difference from the fine one is the error estimate. */
  public static final int ESTIMATE_NODES = 24;

  /**
   * One contour built for t_c serves every t with t/t_c in [WINDOW_LOW, WINDOW_HIGH] (and the single
   * inversions at 2t, ratio ≤ 2·WINDOW_HIGH = 3): within that range the n = 24 rule stays below
   * 1e-9 relative (measured as above), so a window covers a factor 2.1 of time and a 64-point curve
   * over eight decades needs ~25 contours instead of 64.
   */
  public static final double WINDOW_LOW = 0.7;

  /** Upper end of the window ratio t/t_c, see {@link #WINDOW_LOW}. */
  public static final double WINDOW_HIGH = 1.5;

  /**
   * Largest |κ − μ|/(μ + λ_N) for which a node pair uses the Taylor expansion about the real node
   * μ = κ₀ instead of the direct O(N) sum, and the number of moments kept: 0.5⁶⁰ ≈ 1e-18, below
   * rounding. Clustered nodes (weight decay or κ₀ &gt; 0 at late times) are exactly the pairs whose
   * divided differences cancel, so this keeps the solver O(nN) there too.
   */
  public static final double EXPANSION_RADIUS = 0.5;

  /** Number of power moments of the Taylor expansion, see {@link #EXPANSION_RADIUS}. */
  public static final int EXPANSION_ORDERS = 64;

  /**
   * Time-domain DMFT: steps per block whose far history Σ ρ^{t−m} χ^m is convolved in one
   * register-blocked pass (the rest, ≤ 2 blocks of rows, step by step). 64 rows × N = 1000 modes
   * keep a 2-vector strip's history in L2 while 4 steps share every loaded row.
   */
  public static final int TIME_DOMAIN_BLOCK = 64;

  /** Newton iterations per κ continuation step before the step is halved. */
  public static final int KAPPA_NEWTON_ITERATIONS = 12;

  /** Halvings of a κ continuation step before the solver gives up. */
  public static final int KAPPA_MAX_HALVINGS = 30;

  // ---- sim -----------------------------------------------------------------------------------

  /**
   * The experiment applies V to the skeleton of its time columns only (ExactDraw, an interpolative
   * decomposition) from this many time points on; below, V is applied to every column. Not measured:
   * a handful of columns leaves little to save, and their pivoted QR would cost a share of it.
   */
  public static final int SIM_TIME_SKELETON_MIN_POINTS = 16;

  /**
   * ... and only when the skeleton has at most this fraction of the time columns (else they are all
   * applied directly). In a JFR profile of the JMH draw at N = P = 1024 (64 log-spaced times over five
   * decades, a skeleton of 34) the decomposition took about as long as V applied to six or seven
   * columns, a tenth of them; this bound keeps a clear gain.
   */
  public static final double SIM_TIME_SKELETON_MAX_FRACTION = 0.75;

}
