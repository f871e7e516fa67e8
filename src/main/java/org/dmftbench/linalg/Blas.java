package org.dmftbench.linalg;

import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;

/**
 * Checked entry point to the dense kernels: validates shapes and then calls the kernels chosen
 * by {@link Kernels} (or those given to {@link #with(DenseKernels)}). Every shape error is an
 * {@link IllegalArgumentException} naming the operation and the offending sizes.
 */
public final class Blas {

  private static final Blas DEFAULT = new Blas(Kernels.dense());

  private final DenseKernels k;

  private Blas(DenseKernels kernels) {
    this.k = kernels;
  }

  /** The facade over the kernels chosen at start-up. */
  public static Blas get() {
    return DEFAULT;
  }

  /** A facade over specific kernels (tests and benchmarks compare implementations this way). */
  public static Blas with(DenseKernels kernels) {
    return new Blas(kernels);
  }

  public DenseKernels kernels() {
    return k;
  }

  private static void require(boolean ok, String op, String message) {
    if (!ok) {
      throw new IllegalArgumentException(op + ": " + message);
    }
  }

  private static void sameLength(String op, DVector x, DVector y) {
    require(x.length() == y.length(), op, "vector lengths differ: " + x.length() + " vs " + y.length());
  }

  public double dot(DVector x, DVector y) {
    sameLength("dot", x, y);
    return k.dot(x.length(), x.segment(), x.offset(), y.segment(), y.offset());
  }

  /** y ← a·x + y. */
  public void axpy(double a, DVector x, DVector y) {
    sameLength("axpy", x, y);
    k.axpy(x.length(), a, x.segment(), x.offset(), y.segment(), y.offset());
  }

  /** x ← a·x. */
  public void scal(double a, DVector x) {
    k.scal(x.length(), a, x.segment(), x.offset());
  }

  public double nrm2(DVector x) {
    return k.nrm2(x.length(), x.segment(), x.offset());
  }

  /** y ← α·op(A)·x + β·y. */
  public void gemv(boolean transA, double alpha, DMatrix a, DVector x, double beta, DVector y) {
    int rowsOp = transA ? a.cols() : a.rows();
    int colsOp = transA ? a.rows() : a.cols();
    require(x.length() == colsOp && y.length() == rowsOp, "gemv",
        "op(A) is " + rowsOp + "x" + colsOp + " but x has " + x.length() + " and y has " + y.length() + " entries");
    if (transA) {
      k.gemvT(a.rows(), a.cols(), alpha, a.segment(), a.offset(), a.ld(), x.segment(), x.offset(), beta, y.segment(), y.offset());
    } else {
      k.gemvN(a.rows(), a.cols(), alpha, a.segment(), a.offset(), a.ld(), x.segment(), x.offset(), beta, y.segment(), y.offset());
    }
  }

  /** y ← α·A·x + β·y, A symmetric, lower triangle read. */
  public void symv(double alpha, DMatrix a, DVector x, double beta, DVector y) {
    require(a.rows() == a.cols(), "symv", "A must be square, is " + a.rows() + "x" + a.cols());
    require(x.length() == a.rows() && y.length() == a.rows(), "symv",
        "A is " + a.rows() + "x" + a.cols() + " but x has " + x.length() + " and y has " + y.length() + " entries");
    k.symvLower(a.rows(), alpha, a.segment(), a.offset(), a.ld(), x.segment(), x.offset(), beta, y.segment(), y.offset());
  }

  /** A ← α(x yᵀ + y xᵀ) + A on the lower triangle. */
  public void syr2(double alpha, DVector x, DVector y, DMatrix a) {
    require(a.rows() == a.cols(), "syr2", "A must be square, is " + a.rows() + "x" + a.cols());
    require(x.length() == a.rows() && y.length() == a.rows(), "syr2",
        "A is " + a.rows() + "x" + a.cols() + " but x has " + x.length() + " and y has " + y.length() + " entries");
    k.syr2Lower(a.rows(), alpha, x.segment(), x.offset(), y.segment(), y.offset(), a.segment(), a.offset(), a.ld());
  }

  /** C ← α(A Bᵀ + B Aᵀ) + β·C on the lower triangle; A, B n×k. */
  public void syr2k(double alpha, DMatrix a, DMatrix b, double beta, DMatrix c) {
    require(c.rows() == c.cols(), "syr2k", "C must be square, is " + c.rows() + "x" + c.cols());
    require(a.rows() == c.rows() && b.rows() == c.rows() && a.cols() == b.cols(), "syr2k",
        "C is " + c.rows() + "x" + c.cols() + ", A " + a.rows() + "x" + a.cols() + ", B " + b.rows() + "x" + b.cols());
    k.syr2kLower(c.rows(), a.cols(), alpha, a.segment(), a.offset(), a.ld(), b.segment(), b.offset(), b.ld(),
        beta, c.segment(), c.offset(), c.ld());
  }

  /** C ← α·AᵀA + β·C on the lower triangle; A k×n, C n×n (the Gram matrix of A's columns). */
  public void syrk(double alpha, DMatrix a, double beta, DMatrix c) {
    require(c.rows() == c.cols(), "syrk", "C must be square, is " + c.rows() + "x" + c.cols());
    require(a.cols() == c.rows(), "syrk",
        "C is " + c.rows() + "x" + c.cols() + " but A is " + a.rows() + "x" + a.cols() + " (expected k x " + c.rows() + ")");
    k.syrkLower(c.rows(), a.rows(), alpha, a.segment(), a.offset(), a.ld(), beta, c.segment(), c.offset(), c.ld());
  }

  /** C ← α·op(A)·op(B) + β·C. */
  public void gemm(boolean transA, boolean transB, double alpha, DMatrix a, DMatrix b, double beta, DMatrix c) {
    int m = transA ? a.cols() : a.rows();
    int ka = transA ? a.rows() : a.cols();
    int kb = transB ? b.cols() : b.rows();
    int n = transB ? b.rows() : b.cols();
    require(ka == kb && c.rows() == m && c.cols() == n, "gemm",
        "op(A) is " + m + "x" + ka + ", op(B) " + kb + "x" + n + ", C " + c.rows() + "x" + c.cols());
    k.gemm(transA, transB, m, n, ka, alpha, a.segment(), a.offset(), a.ld(), b.segment(), b.offset(), b.ld(),
        beta, c.segment(), c.offset(), c.ld());
  }
}
