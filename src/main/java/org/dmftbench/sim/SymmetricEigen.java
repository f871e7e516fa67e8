package org.dmftbench.sim;

import java.lang.foreign.Arena;
import org.dmftbench.linalg.DMatrix;

/**
 * The eigen-solve the experiment needs: all eigenvalues, ascending, and the orthonormal eigenvectors
 * of a real symmetric matrix (its lower triangle is read; the input is left unchanged).
 *
 * <p>This is the experiment's seam to an eigensolver; {@link HouseholderQlEigen} is the
 * self-contained implementation, and a faster solver plugs in here without touching the
 * experiment.
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
}
