package org.dmftbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrumTest {

  @TempDir
  Path dir;

  @Test
  void powerLawValuesAndSums() {
    try (Spectrum s = Spectrum.powerLaw(10, 0.5, 0.25, 2, 3, 10)) {
      assertEquals(10, s.modes());
      for (int k = 1; k <= 10; k++) {
        assertEquals(2 * Math.pow(k, -1.5), s.lambda().get(k - 1), 1e-15);
        assertEquals(3 * Math.pow(k, -1.25), s.c().get(k - 1), 1e-15);
      }
      assertEquals(0.0, s.tau());
      double sl = 0;
      for (int k = 1; k <= 10; k++) {
        sl += 2 * Math.pow(k, -1.5);
      }
      assertEquals(sl, s.sumLambda(), 1e-14);
    }
  }

  @Test
  void tailPowerMatchesDirectSumAndEulerMaclaurin() {
    // direct: M − N below the explicit limit
    try (Spectrum s = Spectrum.powerLaw(100, 0.5, 0.5, 1, 1, 5000)) {
      double direct = 0;
      for (int k = 5000; k > 100; k--) {
        direct += Math.pow(k, -1.5);
      }
      assertEquals(direct, s.tau(), 1e-15 * direct * 100);
    }
    // infinite tail: Σ_{k>N} k^-1.5 = ζ(1.5) − Σ_{k≤N} k^-1.5, ζ(1.5) = 2.612375348685488
    try (Spectrum s = Spectrum.powerLaw(10, 0.5, 0.5, 1, 1, Long.MAX_VALUE)) {
      double head = 0;
      for (int k = 1; k <= 10; k++) {
        head += Math.pow(k, -1.5);
      }
      double expected = 2.612375348685488 - head;
      assertEquals(expected, s.tau(), 1e-12 * expected);
    }
  }

  @Test
  void tailPowerOfLongAndInfiniteTails() {
    double direct = 0;
    for (long k = 1_000_000; k > 100; k--) {
      direct += Math.pow(k, -1.5);
    }
    try (Spectrum s = Spectrum.powerLaw(100, 0.5, 0.5, 1, 1, 1_000_000)) {
      assertEquals(direct, s.tau(), 1e-13 * direct);
    }
    // Infinite tail: the long direct sum plus the Euler–Maclaurin remainder Σ_{k≥a} k^-s ≈
    // a^{1-s}/(s-1) + a^{-s}/2 + s a^{-s-1}/12 − s(s+1)(s+2) a^{-s-3}/720 (A&S 23.1.30) at a = 10⁶ + 1.
    double a = 1_000_001;
    double sExp = 1.5;
    double remainder = Math.pow(a, 1 - sExp) / (sExp - 1) + Math.pow(a, -sExp) / 2 + sExp * Math.pow(a, -sExp - 1) / 12
        - sExp * (sExp + 1) * (sExp + 2) * Math.pow(a, -sExp - 3) / 720;
    try (Spectrum s = Spectrum.powerLaw(100, 0.5, 0.5, 1, 1, Long.MAX_VALUE)) {
      double inf = s.tau();
      assertEquals(direct + remainder, inf, 1e-13 * inf);
      assertEquals(2 / Math.sqrt(100.5), inf, 1e-4);
    }
  }

  @Test
  void validationMessages() {
    assertMessage(() -> Spectrum.powerLaw(10, 0, 0.5, 1, 1, 10), "alpha must be finite and > 0");
    assertMessage(() -> Spectrum.powerLaw(10, 0.5, -1, 1, 1, 10), "beta must be finite and > 0");
    assertMessage(() -> Spectrum.powerLaw(0, 0.5, 0.5, 1, 1, 10), "N must be >= 1");
    assertMessage(() -> Spectrum.powerLaw(10, 0.5, 0.5, 1, 1, 5), "tail M must be >= N");
    assertMessage(() -> Spectrum.powerLaw(10, Double.NaN, 0.5, 1, 1, 10), "alpha must be finite");
    try (Spectrum s = Spectrum.powerLaw(10, 0.5, 0.5, 1, 1, 10)) {
      assertMessage(() -> new Problem(s, 0, 0, 0, 0, 0), "P must be > 0");
      assertMessage(() -> new Problem(s, Double.NaN, 0, 0, 0, 0), "P must be > 0");
      assertMessage(() -> new Problem(s, 10, -1, 0, 0, 0), "gamma must be finite and >= 0");
      assertMessage(() -> new Problem(s, 10, 0, Double.POSITIVE_INFINITY, 0, 0), "sigma2 must be finite");
      assertMessage(() -> new Problem(s, 10, 0, 0, 1, 0), "T > 0 needs weight decay gamma > 0");
      assertMessage(() -> new Problem(s, 10, 0, 0, 0, -1), "sigma0^2 must be finite and >= 0");
      new Problem(s, Double.POSITIVE_INFINITY, 0, 0, 0, 0);   // the population limit is allowed
    }
  }

  @Test
  void fileSpectrum() throws IOException {
    Path f = dir.resolve("s.txt");
    Files.writeString(f, "# lambda c\n1.0 0.5\n\n0.25, 0.125\n0.1\t0\n");
    try (Spectrum s = Spectrum.fromFile(f)) {
      assertEquals(3, s.modes());
      assertEquals(0.25, s.lambda().get(1));
      assertEquals(0.625, s.sumC(), 1e-15);
    }
  }

  @Test
  void malformedFilesNameTheLine() throws IOException {
    Path f = dir.resolve("bad.txt");
    Files.writeString(f, "1 1\n0.5 abc\n");
    assertMessage(() -> Spectrum.fromFile(f), "line 2: 'abc' is not a number");
    Files.writeString(f, "1 1 1\n");
    assertMessage(() -> Spectrum.fromFile(f), "line 1: expected two numbers");
    Files.writeString(f, "1 1\n-2 1\n");
    assertMessage(() -> Spectrum.fromFile(f), "line 2: eigenvalue -2 must be > 0");
    Files.writeString(f, "1 -1\n");
    assertMessage(() -> Spectrum.fromFile(f), "line 1: target power -1 must be >= 0");
    Files.writeString(f, "1 NaN\n");
    assertMessage(() -> Spectrum.fromFile(f), "is not finite");
    Files.writeString(f, "# nothing\n");
    assertMessage(() -> Spectrum.fromFile(f), "holds no modes");
    assertMessage(() -> Spectrum.fromFile(dir.resolve("missing.txt")), "does not exist");
  }

  interface Call {
    void run() throws Exception;
  }

  static void assertMessage(Call c, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::run);
    assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    assertTrue(!e.getMessage().contains("\n"), "one line");
  }
}
