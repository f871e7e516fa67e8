package org.dmftbench.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixMarketTest {

  private static double[][] parse(String text) {
    try (Arena arena = Arena.ofConfined()) {
      return MatrixMarket.parse("m.mtx", text, arena).toArray();
    }
  }

  private static String error(String text) {
    try (Arena arena = Arena.ofConfined()) {
      return assertThrows(IllegalArgumentException.class, () -> MatrixMarket.parse("m.mtx", text, arena)).getMessage();
    }
  }

  @Test
  void coordinateSymmetricIsMirrored() {
    double[][] a = parse("%%MatrixMarket matrix coordinate real symmetric\n% comment\n3 3 4\n1 1 2.5\n2 1 -1\n3 3 4e-3\n3 2 7\n");
    assertArrayEquals(new double[] {2.5, -1, 0}, a[0], 0);
    assertArrayEquals(new double[] {-1, 0, 7}, a[1], 0);
    assertArrayEquals(new double[] {0, 7, 4e-3}, a[2], 0);
  }

  @Test
  void coordinateGeneralAndInteger() {
    double[][] a = parse("%%MatrixMarket matrix coordinate integer general\n2 3 2\n1 3 5\n2 1 -2\n");
    assertEquals(2, a.length);
    assertArrayEquals(new double[] {0, 0, 5}, a[0], 0);
    assertArrayEquals(new double[] {-2, 0, 0}, a[1], 0);
  }

  @Test
  void arraySymmetricReadsLowerTriangleColumnWise() {
    double[][] a = parse("%%MatrixMarket matrix array real symmetric\n2 2\n1\n2\n3\n");
    assertArrayEquals(new double[] {1, 2}, a[0], 0);
    assertArrayEquals(new double[] {2, 3}, a[1], 0);
  }

  @Test
  void arrayGeneralIsColumnMajor() {
    double[][] a = parse("%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n");
    assertArrayEquals(new double[] {1, 3}, a[0], 0);
    assertArrayEquals(new double[] {2, 4}, a[1], 0);
  }

  @Test
  void emptyMatrix() {
    assertEquals(0, parse("%%MatrixMarket matrix coordinate real symmetric\n0 0 0\n").length);
  }

  @Test
  void errorsNameFileLineAndProblem() {
    assertEquals("m.mtx:1: malformed header '%%MatrixMarket matrix coordinate real', expected "
        + "'%%MatrixMarket matrix coordinate|array real symmetric|general'",
        error("%%MatrixMarket matrix coordinate real\n1 1 1\n1 1 1\n"));
    assertTrue(error("hello\n").startsWith("m.mtx:1: malformed header"));
    assertTrue(error("%%MatrixMarket matrix coordinate complex general\n").startsWith("m.mtx:1: field 'complex'"));
    assertEquals("m.mtx:3: size line '2 2' must hold rows, columns and entry count",
        error("%%MatrixMarket matrix coordinate real general\n%c\n2 2\n"));
    assertEquals("m.mtx:4: column index 'x' is not an integer",
        error("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n1 x 3\n"));
    assertEquals("m.mtx:4: entry '1 2' must be 'row column value'",
        error("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n1 2\n"));
    assertEquals("m.mtx:3: value 'abc' is not a number", error("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 abc\n"));
    assertEquals("m.mtx:4: row index 3 out of range 1..2",
        error("%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 1 1\n3 1 1\n"));
    assertEquals("m.mtx:3: column index 0 out of range 1..2",
        error("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 0 1\n"));
    assertEquals("m.mtx:3: value 'NaN' is not finite", error("%%MatrixMarket matrix coordinate real general\n1 1 1\n1 1 NaN\n"));
    assertEquals("m.mtx:3: unexpected end of file: expected 2 entries, found 1",
        error("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n"));
    assertEquals("m.mtx:4: unexpected data after the last entry: '2 2 1'",
        error("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1\n2 2 1\n"));
    assertEquals("m.mtx:2: a symmetric matrix must be square, size line says 2x3",
        error("%%MatrixMarket matrix coordinate real symmetric\n2 3 1\n"));
    assertTrue(error("%%MatrixMarket matrix array real general\n100000 100000\n").contains("too large"));
  }

  @Test
  void readsFilesAndNamesThemInErrors(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("good.mtx");
    Files.writeString(good, "%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 1 3\n2 2 4\n");
    try (Arena arena = Arena.ofConfined()) {
      assertEquals(4.0, MatrixMarket.read(good, arena).get(1, 1));
      Path bad = dir.resolve("bad.mtx");
      Files.writeString(bad, "%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 1 3\n2 9 4\n");
      String m = assertThrows(IllegalArgumentException.class, () -> MatrixMarket.read(bad, arena)).getMessage();
      assertEquals(bad + ":4: column index 9 out of range 1..2", m);
    }
  }
}
