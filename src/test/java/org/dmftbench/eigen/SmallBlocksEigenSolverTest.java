package org.dmftbench.eigen;

/**
 * The contract with tiny blocks (panel width 3, back-transformation blocks of 5, divide-and-conquer
 * leaves of 4), so that blocking edge cases and deep merge trees run on small matrices.
 */
class SmallBlocksEigenSolverTest extends SymmetricEigenSolverContract {
  @Override
  SymmetricEigenSolver solver() {
    return new HouseholderEigenSolver(new HouseholderTridiagonalizer(K, 3), new TridiagonalDivideAndConquer(K, 4),
        new HouseholderBackTransform(K, 5));
  }
}
