package org.dmftbench.sim;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;
import org.dmftbench.linalg.DMatrix;
import org.dmftbench.linalg.DVector;

/**
 * Seeded data for draw i of the experiment (spec §1): features Φ = Z Λ^{1/2} (P×N, z i.i.d.
 * N(0, 1)), label noise ε ~ N(0, σ² + τ) (label noise plus the exactly equivalent unlearnable
 * tail, see {@link SimSetup}), labels y = Φ w̄ + ε with w̄_k = √(c_k/λ_k), and initial weights
 * w(0) ~ N(0, σ0²).
 *
 * <p>Reproducibility: draw i reads its own stream {@code new SplittableRandom(streamSeed(seed, i))}
 * (SplitMix64, Steele, Lea &amp; Flood, OOPSLA 2014), so its data depend only on (seed, i), never on
 * the thread count or on which draws ran before. Within a draw the order is fixed: Z column by column
 * (mode k outer, sample μ inner), then ε_1..ε_P, then w(0)_1..w(0)_N (only when σ0² &gt; 0).
 */
public final class DrawGenerator {

  private DrawGenerator() {
  }

  /** The data of one draw, allocated in the caller's arena. */
  public record Data(DMatrix phi, DVector labels, DVector noise, DVector initialWeights, double[] target) {
  }

  /** SplitMix64's finalizer (Stafford variant 13): a bijective 64-bit mix. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The seed of draw i's stream: two mixing rounds of (seed, i) so nearby seeds and indices decorrelate. */
  public static long streamSeed(long seed, long draw) {
    return mix64(mix64(seed) + 0x9e3779b97f4a7c15L * (draw + 1));
  }

  /** The target weights w̄_k = √(c_k/λ_k). */
  public static double[] target(SimSetup s) {
    double[] w = new double[s.modes()];
    for (int k = 1; k <= s.modes(); k++) {
      w[k - 1] = Math.sqrt(s.c(k) / s.lambda(k));
    }
    return w;
  }

  /** Generates draw {@code draw} of problem {@code s} with master seed {@code seed}. */
  public static Data generate(Arena arena, SimSetup s, long seed, long draw) {
    int n = s.modes();
    int p = s.samples();
    SplittableRandom rng = new SplittableRandom(streamSeed(seed, draw));
    DMatrix phi = DMatrix.allocateUninitialized(arena, p, n); // every column written below
    double[] wbar = target(s);
    double[] col = new double[p];
    // y = Φw̄ + ε accumulated while each column is at hand (Φ is not read a second time)
    double[] y = new double[p];
    for (int k = 0; k < n; k++) {
      double sl = Math.sqrt(s.lambda(k + 1));
      for (int mu = 0; mu < p; mu++) {
        col[mu] = sl * rng.nextGaussian();
      }
      phi.column(k).copyFrom(col);
      double wk = wbar[k];
      for (int mu = 0; mu < p; mu++) {
        y[mu] += wk * col[mu];
      }
    }
    double sd = Math.sqrt(s.noise() + s.tail());
    double[] eps = new double[p];
    for (int mu = 0; mu < p; mu++) {
      eps[mu] = sd * rng.nextGaussian();
      y[mu] += eps[mu];
    }
    double[] w0 = new double[n];
    if (s.initVariance() > 0) {
      double s0 = Math.sqrt(s.initVariance());
      for (int k = 0; k < n; k++) {
        w0[k] = s0 * rng.nextGaussian();
      }
    }
    return new Data(phi, DVector.of(arena, y), DVector.of(arena, eps), DVector.of(arena, w0), wbar);
  }
}
