package org.dmftbench.eigen;

/** The contract for the factory's size-and-mode dispatching solver. */
class StandardEigenSolverTest extends SymmetricEigenSolverContract {
  @Override
  SymmetricEigenSolver solver() {
    return EigenSolvers.standard(K);
  }
}
