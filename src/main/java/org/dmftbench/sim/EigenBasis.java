package org.dmftbench.sim;

import java.lang.foreign.Arena;
import org.dmftbench.linalg.Blas;
import org.dmftbench.linalg.DMatrix;

/**
 * An orthonormal eigenbasis V (n×r, r ≤ n) with its eigenvalues, as the experiment uses it: it
 * applies V and Vᵀ to blocks of vectors, and gives V itself only when every entry is needed (the
 * Langevin weights d_i = Σ_k λ_k V_ki²).
 */
public interface EigenBasis {

  /** Eigenvalues, ascending (r of them). */
  double[] values();

  /** n, the dimension of the space. */
  int dimension();

  /** out (n×k) ← V·x with x r×k. */
  void multiply(DMatrix x, DMatrix out, Arena arena);

  /** Returns Vᵀ·b (r×k) for b n×k; b may be overwritten. */
  DMatrix multiplyTranspose(DMatrix b, Arena arena);

  /** V as an n×r matrix (formed on demand, in {@code arena}). */
  DMatrix explicit(Arena arena);

  /** A basis held as an explicit matrix. */
  static EigenBasis explicit(DMatrix v, double[] values, Blas blas) {
    return new EigenBasis() {
      @Override
      public double[] values() {
        return values;
      }

      @Override
      public int dimension() {
        return v.rows();
      }

      @Override
      public void multiply(DMatrix x, DMatrix out, Arena arena) {
        blas.gemm(false, false, 1.0, v, x, 0.0, out);
      }

      @Override
      public DMatrix multiplyTranspose(DMatrix b, Arena arena) {
        DMatrix out = DMatrix.allocate(arena, v.cols(), b.cols());
        blas.gemm(true, false, 1.0, v, b, 0.0, out);
        return out;
      }

      @Override
      public DMatrix explicit(Arena arena) {
        return v;
      }
    };
  }
}
