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

}
