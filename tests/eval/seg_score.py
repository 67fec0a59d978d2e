#!/usr/bin/env python3
"""Boundary precision/recall/F1 of `juru segment --format jsonl` output.

A boundary is the character offset, within a document, where a sentence
other than the document's first begins (the definition of the project's
reference scorer).  Documents in NAME.txt are separated by blank lines;
NAME.sents holds the gold sentences, one per line, a blank line between
documents.

usage: seg_score.py NAME.txt NAME.sents PRED.jsonl [--write-sents OUT]
                    [--min-f1 F] [--min-precision P] [--min-recall R]
Exit status 1 when a --min-* bar is missed."""
import json
import sys


def documents(raw):
    """(start byte, text) of each document: blocks between blank lines."""
    docs, pos = [], 0
    for block in raw.split(b'\n\n'):
        if block.strip():
            docs.append((pos, block.decode('utf-8')))
        pos += len(block) + 2
    return docs


def gold_blocks(path):
    blocks, cur = [], []
    for line in open(path, encoding='utf-8').read().split('\n'):
        if line == '':
            if cur:
                blocks.append(cur)
                cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append(cur)
    return blocks


def gold_boundaries(doc, sents):
    pos, starts = 0, []
    for s in sents:
        i = doc.find(s, pos)
        if i < 0:
            raise SystemExit('gold sentence not in text: %r' % s[:60])
        starts.append(i)
        pos = i + len(s)
    return set(starts[1:])


def main(argv):
    args = dict(zip(argv[4::2], argv[5::2]))
    raw = open(argv[1], 'rb').read()
    docs = documents(raw)
    gold = gold_blocks(argv[2])
    assert len(docs) == len(gold), (len(docs), len(gold))
    starts = [d[0] for d in docs]
    pred = [[] for _ in docs]  # (char offset in doc, text) per document
    k = 0
    for line in open(argv[3], encoding='utf-8'):
        o = json.loads(line)
        while k + 1 < len(starts) and o['start'] >= starts[k + 1]:
            k += 1
        dstart, dtext = docs[k]
        char_off = len(raw[dstart:o['start']].decode('utf-8'))
        pred[k].append((char_off, o['text']))
    tp = fp = fn = 0
    for (dstart, dtext), g, p in zip(docs, gold, pred):
        G = gold_boundaries(dtext, g)
        P = set(off for off, _ in p[1:])
        tp += len(G & P)
        fp += len(P - G)
        fn += len(G - P)
    if '--write-sents' in args:
        with open(args['--write-sents'], 'w', encoding='utf-8') as f:
            for p in pred:
                f.write('\n'.join(t for _, t in p) + '\n\n')
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    name = argv[1].rsplit('/', 1)[-1].rsplit('.', 1)[0]
    print('%-14s gold %4d  tp %4d  fp %3d  fn %3d  P %.4f  R %.4f  F1 %.4f'
          % (name, tp + fn, tp, fp, fn, prec, rec, f1))
    ok = True
    for opt, val in (('--min-f1', f1), ('--min-precision', prec),
                     ('--min-recall', rec)):
        if opt in args and val < float(args[opt]):
            print('  below the bar: %s %s, measured %.4f' % (opt, args[opt], val))
            ok = False
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
