package org.dmftbench.linalg;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reader for real dense matrices in the NIST Matrix Market exchange format (Boisvert, Pozo &amp;
 * Remington, "The Matrix Market exchange formats: initial design", NISTIR 5935, 1996): object
 * {@code matrix}, format {@code coordinate} or {@code array}, field {@code real}, {@code double} or
 * {@code integer}, symmetry {@code general} or {@code symmetric}. A symmetric file stores the lower
 * triangle (coordinate entries above the diagonal are mirrored too); the matrix returned is full.
 *
 * <p>Every problem is an {@link IllegalArgumentException} with one line
 * {@code FILE:LINE: problem}: malformed header, bad size line, unparsable or non-finite value,
 * index out of range, missing or extra entries.
 */
public final class MatrixMarket {

  /** Largest number of matrix entries accepted (2²⁸ doubles = 2 GiB). */
  public static final long MAX_ENTRIES = 1L << 28;

  private MatrixMarket() {
  }

  /** Reads {@code file} into a new matrix owned by {@code arena}. */
  public static DMatrix read(Path file, Arena arena) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new Parser(file.toString(), in).parse(arena);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IllegalArgumentException(file + ": not a text file (" + e.getMessage() + ")");
    }
  }

  /** Parses Matrix Market text (for tests and streams); {@code name} appears in error messages. */
  public static DMatrix parse(String name, String text, Arena arena) {
    try {
      return new Parser(name, new BufferedReader(new java.io.StringReader(text))).parse(arena);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Parser {
    private final String name;
    private final BufferedReader in;
    private int lineNo;

    Parser(String name, BufferedReader in) {
      this.name = name;
      this.in = in;
    }

    private IllegalArgumentException error(String problem) {
      return new IllegalArgumentException(name + ":" + lineNo + ": " + problem);
    }

    /** The next line that is neither blank nor a comment, or null at the end. */
    private String next() throws IOException {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("%")) {
          return t;
        }
      }
      return null;
    }

    DMatrix parse(Arena arena) throws IOException {
      String header = in.readLine();
      lineNo = 1;
      if (header == null) {
        throw error("empty file, expected a '%%MatrixMarket matrix ...' header");
      }
      String[] h = header.strip().toLowerCase(Locale.ROOT).split("\\s+");
      if (h.length != 5 || !h[0].equals("%%matrixmarket")) {
        throw error("malformed header '" + header.strip() + "', expected '%%MatrixMarket matrix coordinate|array real symmetric|general'");
      }
      if (!h[1].equals("matrix")) {
        throw error("object '" + h[1] + "' is not supported, only 'matrix'");
      }
      boolean coordinate;
      switch (h[2]) {
        case "coordinate" -> coordinate = true;
        case "array" -> coordinate = false;
        default -> throw error("format '" + h[2] + "' is not supported, only 'coordinate' or 'array'");
      }
      if (!(h[3].equals("real") || h[3].equals("double") || h[3].equals("integer"))) {
        throw error("field '" + h[3] + "' is not supported, only 'real' or 'integer'");
      }
      boolean symmetric;
      switch (h[4]) {
        case "symmetric" -> symmetric = true;
        case "general" -> symmetric = false;
        default -> throw error("symmetry '" + h[4] + "' is not supported, only 'symmetric' or 'general'");
      }
      String sizeLine = next();
      if (sizeLine == null) {
        throw error("missing size line");
      }
      String[] sz = sizeLine.split("\\s+");
      if (sz.length != (coordinate ? 3 : 2)) {
        throw error("size line '" + sizeLine + "' must hold " + (coordinate ? "rows, columns and entry count" : "rows and columns"));
      }
      int rows = parseCount(sz[0], "row count");
      int cols = parseCount(sz[1], "column count");
      if ((long) rows * cols > MAX_ENTRIES) {
        throw error("matrix " + rows + "x" + cols + " is too large (more than " + MAX_ENTRIES + " entries)");
      }
      if (symmetric && rows != cols) {
        throw error("a symmetric matrix must be square, size line says " + rows + "x" + cols);
      }
      DMatrix m = DMatrix.allocate(arena, rows, cols);
      if (coordinate) {
        long nnz = parseLong(sz[2], "entry count");
        long max = symmetric ? (long) rows * (rows + 1) / 2 : (long) rows * cols;
        if (nnz > max) {
          throw error("entry count " + nnz + " exceeds the " + max + " entries of a " + rows + "x" + cols + " matrix");
        }
        for (long t = 0; t < nnz; t++) {
          String line = next();
          if (line == null) {
            throw error("unexpected end of file: expected " + nnz + " entries, found " + t);
          }
          String[] f = line.split("\\s+");
          if (f.length != 3) {
            throw error("entry '" + line + "' must be 'row column value'");
          }
          int i = parseIndex(f[0], rows, "row");
          int j = parseIndex(f[1], cols, "column");
          double v = parseValue(f[2]);
          m.set(i, j, v);
          if (symmetric) {
            m.set(j, i, v);
          }
        }
      } else {
        for (int j = 0; j < cols; j++) {
          for (int i = symmetric ? j : 0; i < rows; i++) {
            String line = next();
            if (line == null) {
              throw error("unexpected end of file: array data ended before entry (" + (i + 1) + ", " + (j + 1) + ")");
            }
            String[] f = line.split("\\s+");
            if (f.length != 1) {
              throw error("array entry '" + line + "' must be a single value");
            }
            double v = parseValue(f[0]);
            m.set(i, j, v);
            if (symmetric) {
              m.set(j, i, v);
            }
          }
        }
      }
      String extra = next();
      if (extra != null) {
        throw error("unexpected data after the last entry: '" + extra + "'");
      }
      return m;
    }

    private int parseCount(String s, String what) {
      long v = parseLong(s, what);
      if (v > Integer.MAX_VALUE) {
        throw error(what + " " + v + " is too large");
      }
      return (int) v;
    }

    private long parseLong(String s, String what) {
      try {
        long v = Long.parseLong(s);
        if (v < 0) {
          throw error(what + " must be >= 0, got " + s);
        }
        return v;
      } catch (NumberFormatException e) {
        throw error(what + " '" + s + "' is not an integer");
      }
    }

    private int parseIndex(String s, int limit, String what) {
      long v;
      try {
        v = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw error(what + " index '" + s + "' is not an integer");
      }
      if (v < 1 || v > limit) {
        throw error(what + " index " + v + " out of range 1.." + limit);
      }
      return (int) (v - 1);
    }

    private double parseValue(String s) {
      double v;
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw error("value '" + s + "' is not a number");
      }
      if (!Double.isFinite(v)) {
        throw error("value '" + s + "' is not finite");
      }
      return v;
    }
  }
}
