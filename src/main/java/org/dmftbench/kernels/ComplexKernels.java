package org.dmftbench.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Complex kernels of the DMFT contour solver: reductions over the N eigenmodes of resolvent terms
 * r_k(κ) = 1/(κ + λ_k) at complex κ, computed on the fly from the real mode data (λ_k, c_k) so that
 * no n×N complex array is ever materialised.
 *
 * <p>All sums are over k in [off, off + n) of two real double segments {@code lam} (λ_k &gt; 0) and
 * {@code c} (c_k ≥ 0). Results are written as (re, im) pairs into a caller-supplied heap array.
 * The quantities are those of spec §3.2 (dmft.md): df₁(κ) = Σ λ_k r_k,
 * D₂(κ₁, κ₂) = Σ λ_k² r_k(κ₁) r_k(κ₂), and the bias sum Σ c_k r_k(κ₁) r_k(κ₂).
 */
public interface ComplexKernels {

  /** Number of doubles {@link #newtonSums} writes. */
  int NEWTON_SUMS = 4;
  /** Number of doubles {@link #moments} writes. */
  int MOMENTS = 12;
  /** Number of doubles {@link #pairSums} writes per pair. */
  int PAIR_SUMS = 4;

  /** Name of the implementation. */
  String name();

  /**
   * The two sums a Newton step of the κ equation z = κ(1 − df₁(κ)/P) needs:
   * out[0..1] ← df₁(κ) = Σ λ_k/(κ+λ_k), out[2..3] ← D₂(κ, κ) = Σ λ_k²/(κ+λ_k)².
   */
  void newtonSums(int n, MemorySegment lam, long off, double kRe, double kIm, double[] out);

  /**
   * All single-node moments at κ (r_k = 1/(κ+λ_k)):
   * out[0..1] Σ λ r, out[2..3] Σ λ² r², out[4..5] Σ c r, out[6..7] Σ c r², out[8..9] Σ λ² r,
   * out[10] Σ c |r|, out[11] Σ λ² |r| (the last two bound the rounding of the divided differences).
   */
  void moments(int n, MemorySegment lam, MemorySegment c, long off, double kRe, double kIm, double[] out);

  /**
   * Fused bilinear forms over node pairs: for each pair p &lt; np with κ_a = (aRe[p], aIm[p]) and
   * κ_b = (bRe[p], bIm[p]), adds to out[4p..4p+1] the bias form Σ c_k r_k(κ_a) r_k(κ_b) and to
   * out[4p+2..4p+3] the form D₂(κ_a, κ_b) = Σ λ_k² r_k(κ_a) r_k(κ_b). Both resolvents are computed
   * on the fly in one pass over the modes (O(n) per pair, no stored resolvents).
   */
  void pairSums(int n, MemorySegment lam, MemorySegment c, long off,
                double[] aRe, double[] aIm, double[] bRe, double[] bIm, int np, double[] out);

  /**
   * Real power moments about a real center μ with μ + λ_k &gt; 0: for j &lt; orders,
   * out[j] ← Σ c_k x_k^j and out[orders + j] ← Σ λ_k² x_k^j, x_k = d/(μ + λ_k) with a scale d chosen
   * by the caller (d = μ + min λ keeps x ≤ 1, so high powers cannot overflow). They give the Taylor
   * expansion of the bilinear forms for node pairs clustered around μ.
   */
  void powerMoments(int n, MemorySegment lam, MemorySegment c, long off, double center, double scale, int orders,
                    double[] out);

  /**
   * Lag convolution of the time-domain DMFT (Volterra history sums, real): for nFrom ≤ t &lt; nTo and
   * k &lt; nk, out[outOff + (t − nFrom)·ldo + k] += Σ_{m = mFrom}^{mTo − 1} rho[t − m] · x[xOff + m·ldx + k].
   * Every x row is one time slice, contiguous over modes; requires t − m ≥ 0 for all terms.
   */
  void lagConvolution(int nk, double[] x, int xOff, int ldx, int mFrom, int mTo, double[] rho, int nFrom,
                      int nTo, double[] out, int outOff, int ldo);
}
