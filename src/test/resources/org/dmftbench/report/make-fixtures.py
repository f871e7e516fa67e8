#!/usr/bin/env python3
"""Writes the synthetic JMH fixtures of the report tests (deterministic: fixed seeds).

Run from this directory: python3 make-fixtures.py. Each row is 3 forks x 5 iterations of
score = base * fork_effect * iteration_noise with lognormal effects (fork 1.5 %, iteration 1 %).
"""
import json, math, os, random

PKG = "org.dmftbench.bench."

def row(bench, mode, unit, params, base, seed, forks=3, iters=5, fork_sd=0.015, it_sd=0.01, error=None):
    rnd = random.Random(seed)
    raw = []
    for _ in range(forks):
        fe = math.exp(rnd.gauss(0, fork_sd))
        raw.append([round(base * fe * math.exp(rnd.gauss(0, it_sd)), 6) for _ in range(iters)])
    flat = [v for f in raw for v in f]
    mean = sum(flat) / len(flat)
    if error is None:
        if len(flat) > 1:
            sd = math.sqrt(sum((v - mean) ** 2 for v in flat) / (len(flat) - 1))
            error = 3.3 * sd / math.sqrt(len(flat))
        else:
            error = "NaN"
    return {
        "jmhVersion": "1.37", "benchmark": PKG + bench, "mode": mode, "threads": 1, "forks": forks,
        "jvm": "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", "jvmArgs": ["--add-modules=jdk.incubator.vector"],
        "jdkVersion": "25.0.3", "vmName": "OpenJDK 64-Bit Server VM", "vmVersion": "25.0.3+9-LTS",
        "warmupIterations": 3, "warmupTime": "1 s", "warmupBatchSize": 1,
        "measurementIterations": iters, "measurementTime": "1 s", "measurementBatchSize": 1,
        "params": params,
        "primaryMetric": {
            "score": mean, "scoreError": error,
            "scoreConfidence": [mean - error, mean + error] if error != "NaN" else ["NaN", "NaN"],
            "scorePercentiles": {"0.0": min(flat), "50.0": sorted(flat)[len(flat) // 2], "100.0": max(flat)},
            "scoreUnit": unit, "rawData": raw},
        "secondaryMetrics": {}}

def rows(variant):
    """variant: 'a' baseline, 'b' with injected changes, 'noise' A/A, 'acc' A/A timing + worse accuracy."""
    s = {"a": 100, "b": 200, "noise": 300, "acc": 400}[variant]
    slow = 1.30 if variant == "b" else 1.0
    out = [
        # +30 % on this row in b (time/op).
        row("GemmBenchmark.gemm", "avgt", "us/op", {"impl": "panama", "n": "256"}, 2100.0 * slow, s + 1),
        row("GemmBenchmark.gemm", "avgt", "us/op", {"impl": "scalar", "n": "256"}, 9800.0, s + 2),
        row("GemmBenchmark.gemm", "avgt", "us/op", {"impl": "panama", "n": "64"}, 40.0, s + 3),
        row("GemmBenchmark.gemm", "avgt", "us/op", {"impl": "scalar", "n": "64"}, 150.0, s + 4),
        row("GemmBenchmark.gemmEjml", "avgt", "us/op", {"n": "256"}, 8000.0, s + 5),
        row("GemmBenchmark.gemmEjml", "avgt", "us/op", {"n": "64"}, 120.0, s + 6),
        # Reversed units: b reports the same speed in us/op instead of ns/op.
        (row("VectorKernelsBenchmark.dot", "avgt", "us/op", {"impl": "panama", "n": "1003"}, 0.120, s + 7)
         if variant == "b" else
         row("VectorKernelsBenchmark.dot", "avgt", "ns/op", {"impl": "panama", "n": "1003"}, 120.0, s + 7)),
        row("VectorKernelsBenchmark.dot", "avgt", "ns/op", {"impl": "scalar", "n": "1003"}, 600.0, s + 8),
        # Throughput mode (higher is better): b loses 30 % throughput on solve, gains 30 % on step.
        row("DmftBenchmark.solve", "thrpt", "ops/s", {"N": "128"}, 50.0 * (0.7 if variant == "b" else 1.0), s + 9),
        row("DmftBenchmark.step", "thrpt", "ops/ms", {"N": "128"}, 8.0 * (1.3 if variant == "b" else 1.0), s + 10),
        # Single shot, one measurement, JMH error "NaN".
        row("ExperimentBenchmark.draw", "ss", "s/op", {"P": "1000"}, 3.2, s + 11, forks=1, iters=1),
    ]
    if variant == "b":
        # A missing row (only in a) and a new one (only in b).
        out.append(row("EigenBenchmark.eigenEjml", "avgt", "ms/op", {"n": "128"}, 9.0, s + 12))
    else:
        out.append(row("EigenBenchmark.eigen", "avgt", "ms/op", {"n": "128"}, 6.0, s + 12))
    return out

def accuracy(variant):
    dot = 5e-14 if variant == "acc" else 1.1e-16
    recs = [
        ("GemmBenchmark.gemm", {"impl": "panama", "n": "256"}, "residualRatio", 0.8, 30.0),
        ("GemmBenchmark.gemm", {"impl": "scalar", "n": "256"}, "residualRatio", 0.7, 30.0),
        ("VectorKernelsBenchmark.dot", {"impl": "panama", "n": "1003"}, "relativeError", dot, 1e-13),
        ("GemmBenchmark.gemmEjml", {"n": "256"}, "residualRatio", 1.9, 30.0),
    ]
    lines = []
    for fork in range(2):  # each fork's @Setup appends its own line
        for b, p, m, v, t in recs:
            lines.append(json.dumps({"benchmark": PKG + b, "mode": "avgt", "params": p, "metric": m, "value": v,
                                     "tolerance": t}))
    return "\n".join(lines) + "\n"

for v in ["a", "b", "noise", "acc"]:
    os.makedirs("compare/" + v, exist_ok=True)
    with open(f"compare/{v}/jmh.json", "w") as f:
        json.dump(rows(v), f, indent=2)
    with open(f"compare/{v}/accuracy.jsonl", "w") as f:
        f.write(accuracy(v))
with open("compare/a/provenance.json", "w") as f:
    json.dump({"commit": "0123456789abcdef", "dirty": False, "profile": "default", "cpuModel": "Test CPU",
               "cores": 2, "jdkVendor": "Test", "jdkVersion": "25", "kernelProvider": "panama(256-bit)",
               "vectorBits": 256, "label": "reference"}, f, indent=2)

# Broken inputs for the error paths.
os.makedirs("broken", exist_ok=True)
good = json.dumps(rows("a"), indent=2)
with open("broken/truncated.json", "w") as f:
    f.write(good[: len(good) // 2])
with open("broken/garbage.json", "w") as f:
    f.write("Benchmark   Mode  Cnt  Score\nfoo.bar     avgt    5  1.0\n")
with open("broken/object.json", "w") as f:
    f.write('{"benchmark": "x"}\n')
with open("broken/empty.json", "w") as f:
    f.write("")
bad = rows("a")
bad[0]["primaryMetric"]["rawData"] = [["fast", "slow"]]
with open("broken/badraw.json", "w") as f:
    json.dump(bad, f)
