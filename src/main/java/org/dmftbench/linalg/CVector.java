package org.dmftbench.linalg;

import java.lang.foreign.Arena;

/**
 * A complex vector in split storage: real parts and imaginary parts in two aligned off-heap
 * double vectors of the same length (the layout the complex kernels vectorize over).
 */
public record CVector(DVector re, DVector im) {

  public CVector {
    if (re.length() != im.length()) {
      throw new IllegalArgumentException("real part length " + re.length() + " != imaginary part length " + im.length());
    }
  }

  /** A zero complex vector of the given length, owned by {@code arena}. */
  public static CVector allocate(Arena arena, int length) {
    return new CVector(DVector.allocate(arena, length), DVector.allocate(arena, length));
  }

  public int length() {
    return re.length();
  }
}
