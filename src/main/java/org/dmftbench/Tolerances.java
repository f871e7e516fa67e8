package org.dmftbench;

/**
 * Every accuracy tolerance of dmftbench, in one place, each with its reason. Tests, benchmark
 * {@code @Setup} checks and the solvers' own convergence tests use these constants and nothing else.
 *
 * <p>u = 2⁻⁵³ is the unit roundoff of IEEE double precision.
 */
public final class Tolerances {

  private Tolerances() {
  }

  /** Unit roundoff of double precision, 2⁻⁵³. */
  public static final double U = 0x1p-53;

  // ---- kernels -------------------------------------------------------------------------------

  /**
   * Constant c of the reduction bound |ŝ − s| ≤ c·n·u·Σ|x_i y_i| (Higham, Accuracy and Stability of
   * Numerical Algorithms, 2nd ed., §3.1: the worst case of any summation order is γ_n ≈ n·u; two
   * orders, the twin's and the vector one's, can each be off by that much).
   */
  public static final double REDUCTION_C = 2.0;

  /**
   * Constant c of the nrm2 bound |‖x‖̂ − ‖x‖| ≤ c·(n + 2)·u·‖x‖: the sum of squares carries the
   * reduction error n·u relative to Σx_i² (all terms are positive), the square root halves it and
   * adds u; exact power-of-two scaling adds nothing.
   */
  public static final double NRM2_C = 1.0;

  // ---- eigen ---------------------------------------------------------------------------------

  /**
   * LAPACK's threshold on its test ratios, residual ‖AV − VΛ‖/(n‖A‖u) and orthogonality
   * ‖VᵀV − I‖/(n u) (LAPACK Working Note 41, the "THRESH" of the testing suite).
   */
  public static final double LAPACK_TEST_RATIO = 30.0;

  // ---- dmft ----------------------------------------------------------------------------------

  /**
   * Newton for κ stops when |z − κ(1 − df₁(κ)/P)| ≤ this·|z| (spec §3.2 asks ≤ 1e-12; a tenth of that
   * leaves room for the rounding of the residual itself, ~N·u·|κ| df₁/P in the worst case).
   */
  public static final double KAPPA_RESIDUAL = 1e-13;

  /** The κ residual every contour node must meet (spec §3.2 / issue 4), asserted by the solver. */
  public static final double KAPPA_RESIDUAL_MAX = 1e-12;

  /**
   * A divided difference (S(κ_a) − S(κ_b))/(κ_b − κ_a) replaces the direct bilinear sum only when its
   * rounding bound 4u(Σ|terms_a| + Σ|terms_b|)/|κ_a − κ_b| is below this fraction of the result: the
   * contour sums amplify node errors by at most ~e^{0.26 n} ≈ 10⁴ (n = 32), leaving ≤ 1e-8 relative.
   */
  public static final double DIVIDED_DIFFERENCE = 1e-12;

  /** Accuracy of the contour method against the P → ∞ closed form (issue 4). */
  public static final double CONTOUR_VS_CLOSED_FORM = 1e-6;

  /** Accuracy of the contour method at t → ∞ against the static closed forms (issue 4). */
  public static final double CONTOUR_VS_STATIC = 1e-9;

  /** Time-domain DMFT against the contour method on R_Δ(t) and the bias (issue 4). */
  public static final double TIME_DOMAIN_VS_CONTOUR = 1e-4;

  /**
   * Relative accuracy of the static solvers' root finding (κ₀): a few ulps of κ₀, so that E_g(∞)
   * inherits ~1e-14 relative error, far inside {@link #CONTOUR_VS_STATIC}.
   */
  public static final double STATIC_ROOT = 1e-15;

  // ---- sim -----------------------------------------------------------------------------------

  /**
   * The dual route of the experiment builds the eigenvectors of A as V_i = ΦᵀU_i/√(P a_i); their
   * error grows like u·a_max/a_i, so it is used only when every Gram eigenvalue exceeds this fraction
   * of the largest (then the basis is orthonormal to ~1e-10, far below Monte-Carlo error and below
   * {@link #SIM_EXACT_REL}); otherwise the primal route is taken.
   */
  public static final double SIM_DUAL_MIN_EIGEN_RATIO = 1e-6;

  /**
   * Agreement of one draw's exact E_g(t) with a direct RK4 integration of the training ODE and
   * between the primal and dual routes (relative): both are exact up to rounding and the RK4
   * truncation error (step 1e-3, error O(h⁴) ≈ 1e-12 relative).
   */
  public static final double SIM_EXACT_REL = 1e-8;

  /**
   * One draw's training error from eigen-coordinates, Σa_i x_i² − 2c̃·x + ‖ε‖²/P (ExactDraw), is used
   * where it is at least this fraction of the sum of its terms' magnitudes S; below, near
   * interpolation, the residual ‖ΦΔ − ε‖² is formed instead. The sums of r terms carry an error of
   * about √r·u·S (at most r·u·S), so at this threshold the relative error of E_tr is about
   * √r·u·10³ ≈ 4e-12 at r = 1024 (at most 2.3e-10), far below {@link #SIM_EXACT_REL}; the residual's
   * own relative error there is of the same order.
   */
  public static final double SIM_TRAINING_CANCELLATION = 1e-3;

  /**
   * Pivot tolerance of the interpolative decomposition of the experiment's time columns X (ExactDraw):
   * skeleton columns are chosen until every other column, scaled to unit norm, has a residual of at
   * most this. Near the rounding floor of Householder QR on a few dozen columns (a few u), so that the
   * reconstructed columns carry errors of the order of those of the exact product; the error actually
   * incurred is formed explicitly and checked against {@link #SIM_TIME_SKELETON_REL}.
   */
  public static final double SIM_TIME_SKELETON = 1e-14;

  /**
   * A reconstructed time column is kept only where its error bound on Σλ_kΔ_k² is at most this
   * fraction of the value (else V x_j is formed directly): 10⁻¹², four decades inside
   * {@link #SIM_EXACT_REL} and below the digits the command line prints. At N = P = 1024, 64 times,
   * no time needs its column formed directly, and E_g agrees with the QL route with V applied to every
   * column to 5e-15 (the draw benchmarks' set-up check).
   */
  public static final double SIM_TIME_SKELETON_REL = 1e-12;

  /**
   * Theory-vs-experiment acceptance at N, P in the hundreds (spec §2, issue 5): |DMFT − mean| ≤
   * SIM_AGREE_SE standard errors + SIM_AGREE_REL·DMFT. The SE term is the Monte-Carlo error, the
   * relative term the finite-size (O(1/N), O(1/P)) corrections to the typical-case theory.
   */
  public static final double SIM_AGREE_SE = 3.0;

  /** The relative part of the theory-vs-experiment acceptance; see {@link #SIM_AGREE_SE}. */
  public static final double SIM_AGREE_REL = 0.03;

  /**
   * Fitted scaling exponents from the theory over ≥ 2 decades deep in the asymptotic regime must lie
   * this close to spec §3.4 (issue 5); the residual pre-asymptotic curvature is of this order.
   */
  public static final double SIM_EXPONENT_ABS = 0.03;

}
