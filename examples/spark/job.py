#!/usr/bin/env python3
"""stancegraph on Apache Spark: the binary is the mapper and the reducer.

    map:     each partition of the JSONL corpus is piped through
             `stancegraph extract --input jsonl --output jsonl -`
             (one {"id","graph"} line per article)
    combine: each partition's graph lines are piped through
             `stancegraph merge --input jsonl --format jsonl -` (one line)
    reduce:  the partial graphs, in one partition, through
             `stancegraph merge --input jsonl -` (the merged graph JSON)

merge is associative and commutative and counts an article once (by sha256),
so the result equals `stancegraph extract --input jsonl corpus.jsonl`
byte for byte, whatever the partitioning. `checkCode=True` fails the job when
the binary exits non-zero: a bad record (exit 2) fails it, as it should.

usage: job.py CORPUS.jsonl OUT.json [--bin PATH] [--master local[2]] [--partitions N]

On a cluster, ship the binary with `spark-submit --files target/release/stancegraph`
and pass `--bin ./stancegraph` (it lands in each executor's working directory).
"""
import argparse
import shlex

from pyspark import SparkConf, SparkContext


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("output")
    parser.add_argument("--bin", default="stancegraph")
    parser.add_argument("--master", default=None)
    parser.add_argument("--partitions", type=int, default=4)
    args = parser.parse_args()

    conf = SparkConf().setAppName("stancegraph").set("spark.ui.showConsoleProgress", "false")
    if args.master:
        conf = conf.setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    try:
        # rdd.pipe takes one command string and splits it with shlex.
        def command(*argv: str) -> str:
            return shlex.join([args.bin, *argv])

        corpus = sc.textFile(args.corpus, minPartitions=args.partitions)
        # One extractor thread per task: Spark already runs tasks in parallel.
        graphs = corpus.pipe(
            command("extract", "--input", "jsonl", "--output", "jsonl", "--jobs", "1", "-"),
            checkCode=True,
        )
        partial = graphs.pipe(
            command("merge", "--input", "jsonl", "--format", "jsonl", "-"),
            checkCode=True,
        )
        # shuffle=True keeps the map side parallel: without it Spark folds the
        # whole lineage into the single final task.
        merged = partial.coalesce(1, shuffle=True).pipe(
            command("merge", "--input", "jsonl", "-"),
            checkCode=True,
        )
        lines = merged.collect()
        parts = corpus.getNumPartitions()
    finally:
        sc.stop()
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(f"job.py: {args.output}: merged graph of {args.corpus} ({parts} partitions)")


if __name__ == "__main__":
    main()
