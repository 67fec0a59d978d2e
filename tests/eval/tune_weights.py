#!/usr/bin/env python3
"""Tune a model's decoder weights by coordinate ascent on chrF.

  tests/eval/tune_weights.py JURU MODEL TUNE.id TUNE.en [--rounds N]

Tries, one weight at a time, a few values around the current one, keeps
the best, and prints the weights in the form `juru train --weights` and
`juru translate --weights` take.  Tune on a set you do not report on.
"""
import argparse, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = ["lm", "p(e|f)", "p(f|e)", "lex(e|f)", "lex(f|e)", "word", "phrase", "rule", "no-article", "add-article"]
START = [1.0, 0.6, 0.6, 0.1, 0.3, 0.6, 0.3, 0.5, -1.0, -1.0]
STEPS = [0.5, 0.2, 0.2, 0.1, 0.1, 0.3, 0.3, 0.3, 0.5, 0.5]


def chrf_score(juru, model, src, ref, weights, chrf):
    w = ",".join("%.3g" % x for x in weights)
    with tempfile.NamedTemporaryFile("w+", suffix=".hyp") as hyp:
        subprocess.run([juru, "translate", "--no-progress", "--model", model,
                        "--weights", w, src], stdout=hyp, check=True)
        out = subprocess.run([sys.executable, chrf, hyp.name, ref],
                             capture_output=True, text=True, check=True).stdout
    return float(out.split()[-1]) if out.split()[-1][0].isdigit() else float(
        [t for t in out.split() if t[0].isdigit()][0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("juru")
    ap.add_argument("model")
    ap.add_argument("src")
    ap.add_argument("ref")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--chrf", default=os.path.join(HERE, "../../../shared/tools/chrf.py"))
    ap.add_argument("--start", help="comma-separated starting weights")
    a = ap.parse_args()
    w = [float(x) for x in a.start.split(",")] if a.start else list(START)
    best = chrf_score(a.juru, a.model, a.src, a.ref, w, a.chrf)
    print("start %.2f  %s" % (best, ",".join("%.3g" % x for x in w)), flush=True)
    for r in range(a.rounds):
        for k in range(1, len(w)):  # the LM weight fixes the scale
            step = STEPS[k] / (r + 1)
            for cand in (w[k] - 2 * step, w[k] - step, w[k] + step, w[k] + 2 * step):
                trial = list(w)
                trial[k] = cand
                s = chrf_score(a.juru, a.model, a.src, a.ref, trial, a.chrf)
                if s > best + 0.005:
                    best, w = s, trial
                    print("%-9s %6.3g  chrF %.2f" % (NAMES[k], cand, best), flush=True)
    print("best %.2f  --weights %s" % (best, ",".join("%.3g" % x for x in w)))


if __name__ == "__main__":
    main()
