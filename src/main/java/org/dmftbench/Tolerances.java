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

  // ---- sim -----------------------------------------------------------------------------------

}
