package org.dmftbench.sim;

import java.lang.foreign.Arena;
import org.dmftbench.eigen.EigenSolvers;
import org.dmftbench.eigen.SymmetricEigenSolver;
import org.dmftbench.linalg.DMatrix;

/**
 * The eigen-solve the experiment needs: all eigenvalues, ascending, and the orthonormal
 * eigenvectors of a real symmetric matrix (its lower triangle is read; the input is left unchanged).
 *
 * <p>The experiment needs V itself, not only projections VᵀB: the curve at n_t times is V·X for an
 * r×n_t matrix X (see {@link ExactDraw}), and the Langevin weights d_i = Σ_k λ_k V_ki² need every
 * entry of V. So this seam calls the eigensolver's vectors mode
 * ({@link SymmetricEigenSolver#vectors}).
 */
public interface SymmetricEigen {

  /** Name of the algorithm, for logs and benchmark labels. */
  String name();

  /**
   * Decomposes the symmetric n×n matrix {@code a} = V diag(values) Vᵀ; V is allocated in
   * {@code arena} (column j is the eigenvector of values[j]).
   *
   * @throws ArithmeticException when the iteration does not converge
   */
  Decomposition decompose(Arena arena, DMatrix a);

  /** Eigenvalues ascending and the matching eigenvectors as columns of an n×n matrix. */
  record Decomposition(double[] values, DMatrix vectors) {
  }

  /** The project's eigensolver chosen by size ({@link EigenSolvers#standard()}). */
  static SymmetricEigen standard() {
    return of(EigenSolvers.standard());
  }

  /** An adapter over one of the project's eigensolvers (vectors mode). */
  static SymmetricEigen of(SymmetricEigenSolver solver) {
    return new SymmetricEigen() {
      @Override
      public String name() {
        return solver.name();
      }

      @Override
      public Decomposition decompose(Arena arena, DMatrix a) {
        DMatrix v = DMatrix.allocate(arena, a.rows(), a.rows());
        double[] values = solver.vectors(a, v);
        return new Decomposition(values, v);
      }
    };
  }
}
