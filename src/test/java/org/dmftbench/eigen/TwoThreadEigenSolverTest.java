package org.dmftbench.eigen;

/** The contract for the two-thread variant of the factory's solver (level-3 parts split over threads). */
class TwoThreadEigenSolverTest extends SymmetricEigenSolverContract {
  @Override
  SymmetricEigenSolver solver() {
    return EigenSolvers.standard(K, 2);
  }
}
