#!/usr/bin/env python3
"""Lemma errors of `juru analyze` on UD treebanks and Sastrawi cases, most
frequent first.  usage: lemma_errors.py JURU GOLD... [--top N]
GOLD is a .conllu file or a word<TAB>root .tsv file."""
import collections, subprocess, sys

from lemma_eval import tsv, ud

def load(path):
    return tsv(path) if path.endswith('.tsv') else ud(path)

def main(argv):
    top = 40
    if '--top' in argv:
        i = argv.index('--top'); top = int(argv[i + 1]); del argv[i:i + 2]
    juru, golds = argv[1], argv[2:]
    for g in golds:
        pairs = load(g)
        words = sorted(set(w for w, _ in pairs))
        out = subprocess.run([juru, 'analyze'], input='\n'.join(words) + '\n',
                             capture_output=True, text=True, check=True).stdout.split('\n')
        pred = dict(zip(words, out))
        errs = collections.Counter((w, pred[w], l) for w, l in pairs if pred[w] != l)
        ok = sum(1 for w, l in pairs if pred[w] == l)
        print('== %s: accuracy %.4f (%d/%d)' % (g.rsplit('/', 1)[-1], ok / len(pairs), ok, len(pairs)))
        for (w, p, l), n in errs.most_common(top):
            print('%5d  %-22s got %-16s gold %s' % (n, w, p, l))

if __name__ == '__main__':
    main(sys.argv)
