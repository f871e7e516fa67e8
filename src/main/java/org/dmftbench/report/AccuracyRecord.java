package org.dmftbench.report;

/**
 * One accuracy figure of a benchmark's answer, as recorded by the suite's {@code Accuracy} helper:
 * a ratio or relative error where smaller is better, and the tolerance it was checked against.
 * Rows are keyed like the JMH results (benchmark + mode + params), plus the metric's name.
 */
public record AccuracyRecord(RowKey key, String metric, double value, double tolerance) {
}
