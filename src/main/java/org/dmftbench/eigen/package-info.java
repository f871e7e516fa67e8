/**
 * Dense symmetric eigensolvers on the off-heap kernels: A = V diag(λ) Vᵀ in three modes (values;
 * values and vectors; values and projections VᵀB without V), behind {@link
 * org.dmftbench.eigen.SymmetricEigenSolver} with {@link org.dmftbench.eigen.EigenSolvers} as the entry
 * point.
 *
 * <p>Structure (LAPACK {@code dsyevd}; Golub &amp; Van Loan, Matrix Computations, 4th ed., ch. 8):
 * {@link org.dmftbench.eigen.HouseholderTridiagonalizer} (blocked {@code dsytrd}: A = Q T Qᵀ) →
 * a {@link org.dmftbench.eigen.TridiagonalEigenSolver}, either {@link org.dmftbench.eigen.TridiagonalQL}
 * ({@code dsterf}/{@code dsteqr}) or {@link org.dmftbench.eigen.TridiagonalDivideAndConquer}
 * ({@code dstedc}, Gu–Eisenstat) → {@link org.dmftbench.eigen.HouseholderBackTransform} (compact WY,
 * {@code dormtr}). {@link org.dmftbench.eigen.HouseholderEigenSolver} composes the three and owns
 * the scaling and input checks; {@link org.dmftbench.eigen.EigenChecks} computes LAPACK's test ratios.
 *
 * <p>Design note on the factory's choices (thresholds in {@link org.dmftbench.Tuning}): values use
 * QL because after the reduction it is O(n²) and a few percent of the time; vectors use divide and
 * conquer from n = 48 (Tuning.EIGEN_DC_MIN_N) because QL's rotation accumulation is ~6n³ flops outside the gemm kernel
 * while the merges of divide and conquer are gemm calls on (often heavily deflated) blocks;
 * projections use QL with the rotations applied to the k rows of QᵀB, which keeps mode 3 within a
 * few percent of the values-only time for k ≪ n.
 */
package org.dmftbench.eigen;
