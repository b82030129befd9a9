"""Build the reference tagger: ``python -m peerkg.references.train``.

Draws synthetic labelled references (:mod:`peerkg.references.synth`, fixed seeds), trains a CRF
(CRFsuite, L-BFGS with L1+L2 regularisation) and writes ``model.crfsuite`` into the package. The
same options give the same model file. It prints the token accuracy on strings drawn with another
seed; the hand-written evaluation set (tests/data/references_eval.tsv) is never read here.

Example: python -m peerkg.references.train --examples 12000 --seed 16
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from peerkg.references.synth.corpus import examples
from peerkg.references.tokens import features, tokenize

DEFAULT_OUT = Path(__file__).resolve().parent / "model.crfsuite"


def train(n: int, seed: int, out: Path, iterations: int, c1: float, c2: float) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for ex in examples(n, seed):
        trainer.append(features(tokenize(ex.text)), list(ex.labels))
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True, "feature.minfreq": 2}
    )
    tmp = out.with_suffix(".tmp")
    trainer.train(str(tmp))
    tmp.replace(out)


def evaluate(model: Path, n: int, seed: int) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    exact = 0
    for ex in examples(n, seed):
        got = tagger.tag(features(tokenize(ex.text)))
        ok = True
        for want, have in zip(ex.labels, got, strict=True):
            total[want] += 1
            right[want] += want == have
            ok &= want == have
        exact += ok
    print(
        f"synthetic dev (seed {seed}, {n} strings): token accuracy "
        f"{sum(right.values()) / sum(total.values()):.4f}, whole strings right {exact / n:.3f}"
    )
    for label in sorted(total, key=lambda k: -total[k]):
        print(f"  {label:10} {right[label] / total[label]:.3f}  ({total[label]} tokens)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python -m peerkg.references.train",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--examples", type=int, default=12000, help="training strings (default 12000)")
    ap.add_argument("--seed", type=int, default=16, help="seed of the training strings (default 16)")
    ap.add_argument("--iterations", type=int, default=150, help="L-BFGS iterations (default 150)")
    ap.add_argument("--c1", type=float, default=0.2, help="L1 penalty (default 0.2; keeps the model small)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty (default 0.01)")
    ap.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"model file (default {DEFAULT_OUT.name} in the package)"
    )
    ap.add_argument("--dev", type=int, default=1000, help="synthetic strings to report accuracy on (seed+1000)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    train(args.examples, args.seed, args.out, args.iterations, args.c1, args.c2)
    print(
        f"trained on {args.examples} strings in {time.perf_counter() - t0:.0f} s -> {args.out} "
        f"({args.out.stat().st_size / 1e6:.2f} MB)"
    )
    if args.dev:
        evaluate(args.out, args.dev, args.seed + 1000)


if __name__ == "__main__":
    main()
