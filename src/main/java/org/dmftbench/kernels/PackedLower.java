package org.dmftbench.kernels;

/**
 * The tiled layout in which {@link DenseKernels#packLower} stores the lower triangle of a symmetric
 * n×n matrix for repeated symmetric matrix-vector products ({@link DenseKernels#symvLowerPacked}).
 *
 * <p>Columns are grouped in blocks of {@link #WIDTH} = 4; block b (columns 4b..4b+3) holds
 * nt − b tiles, nt = ⌈n/4⌉, tile t covering rows 4(b+t)..4(b+t)+3. A tile is 16 contiguous doubles:
 * the four rows of column 4b, then of column 4b+1, and so on, so one 256-bit load is four rows of
 * one column. Tile 0 of each block is its diagonal 4×4 triangle, with zeros above the diagonal.
 * Rows and columns beyond n are zeros. The whole triangle is one contiguous stream in the order a
 * column-blocked symv reads it: in column-major storage the same product starts four new short
 * streams per block, which the hardware prefetchers pick up late. GemvBenchmark at n = 1023 (the
 * matrix in L3): 108 µs for this layout against 225 µs column-major; at 2047 both are bound by
 * main memory (1.25 ms); bundle {@code results/2026-11-23-packed-symv-jdk25}.
 *
 * <p>Block b starts at element 16·(b·nt − b(b−1)/2); the packed size is 16·nt(nt+1)/2 doubles,
 * about n²/2.
 */
public final class PackedLower {

  /** Columns per block and rows per tile. */
  public static final int WIDTH = 4;

  /** Doubles per tile. */
  public static final int TILE = WIDTH * WIDTH;

  private PackedLower() {
  }

  /** Number of blocks (and of tile rows), ⌈n/4⌉. */
  public static int blocks(int n) {
    return (n + WIDTH - 1) / WIDTH;
  }

  /** Doubles needed to pack an n×n lower triangle. */
  public static long size(int n) {
    long nt = blocks(n);
    return TILE * (nt * (nt + 1) / 2);
  }

  /** Offset, in doubles from the start of the packed matrix, of block b (its diagonal tile). */
  public static long blockOffset(int n, int b) {
    long nt = blocks(n);
    return TILE * ((long) b * nt - (long) b * (b - 1) / 2);
  }

  /** Offset of element (i, j), i ≥ j, of the packed matrix. */
  public static long index(int n, int i, int j) {
    int b = j / WIDTH;
    int t = i / WIDTH - b;
    return blockOffset(n, b) + (long) TILE * t + WIDTH * (j % WIDTH) + i % WIDTH;
  }
}
