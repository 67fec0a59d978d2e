#!/usr/bin/env python3
"""Lemma accuracy of `juru analyze`, defined as the project's reference
scorer defines it: UD tokens (PUNCT, SYM, NUM, X and '_' lemmas skipped,
lower-cased form and lemma), and word<TAB>root lines of the Sastrawi sets.
usage: lemma_eval.py JURU DATA_DIR [--check]
With --check, fail below the bars: 0.95 GSD and 0.97 CSUI for the lemmas
of `juru analyze`, 0.95 Sastrawi for the roots of `juru analyze --root`
(and 0.85 Sastrawi for the lemmas; see README, Measured)."""
import re, subprocess, sys

SKIP_UPOS = {'PUNCT', 'SYM', 'NUM', 'X'}

def ud(path):
    out = []
    for line in open(path, encoding='utf-8'):
        c = line.rstrip('\n').split('\t')
        if len(c) != 10 or not c[0].isdigit(): continue
        f, l, u = c[1].lower(), c[2].lower(), c[3]
        if u in SKIP_UPOS or l == '_' or not re.search(r'[^\W\d_]', f): continue
        out.append((f, l))
    return out

def tsv(path):
    return [tuple(x.lower() for x in l.rstrip('\n').split('\t')[:2])
            for l in open(path, encoding='utf-8') if '\t' in l]

def predict(juru, words, *opts):
    out = subprocess.run([juru, 'analyze', *opts], input='\n'.join(words) + '\n',
                         capture_output=True, text=True, check=True).stdout.split('\n')
    return dict(zip(words, out))

def main(argv):
    juru, data = argv[1], argv[2]
    check = '--check' in argv
    gsd = ud(data + '/lemma/id_gsd-ud-dev.conllu')
    csui = ud(data + '/lemma/id_csui-ud-train.conllu')
    sastrawi = tsv(data + '/stem/sastrawi.tsv')
    ports = tsv(data + '/stem/sastrawi_ports_extra.tsv')
    # (name, gold, bar, options): lemmas as the treebanks give them, roots as
    # the Sastrawi stemmer does (--root); each convention scored on both
    sets = [('UD GSD dev', gsd, 0.95, ()),
            ('UD CSUI train', csui, 0.97, ()),
            ('Sastrawi upstream', sastrawi, 0.85, ()),
            ('Sastrawi ports extra', ports, 0.0, ()),
            ('UD GSD dev', gsd, 0.0, ('--root',)),
            ('UD CSUI train', csui, 0.0, ('--root',)),
            ('Sastrawi upstream', sastrawi, 0.95, ('--root',)),
            ('Sastrawi ports extra', ports, 0.0, ('--root',))]
    words = sorted(set(w for _, s, _, _ in sets for w, _ in s))
    preds = {opts: predict(juru, words, *opts) for opts in {o for *_, o in sets}}
    ok = True
    for name, pairs, bar, opts in sets:
        pred = preds[opts]
        acc = sum(pred[w] == l for w, l in pairs) / len(pairs)
        miss = check and acc < bar
        ok &= not miss
        label = ('juru analyze ' + ' '.join(opts)).strip()
        print('%-22s %-20s %6d  accuracy %.4f%s' % (name, label, len(pairs), acc,
              '  BELOW %.2f' % bar if miss else ''))
    return 0 if ok else 1

if __name__ == '__main__':
    sys.exit(main(sys.argv))
