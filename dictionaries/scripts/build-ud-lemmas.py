#!/usr/bin/env python3
"""Rebuild dictionaries/id/lemmas-ud.tsv: the lemma of each word form as the
UD Indonesian treebanks annotate it (majority vote over their tokens;
CC BY-SA 4.0, like the treebanks).
usage: build-ud-lemmas.py OUT.tsv CONLLU...   (or --sentences FILE to take
only the sentence ids listed in FILE, for cross-validation)"""
import collections, re, sys

SKIP_UPOS = {'PUNCT', 'SYM', 'NUM', 'X'}

def tokens(paths, keep=None):
    for p in paths:
        sid = None
        for line in open(p, encoding='utf-8'):
            if line.startswith('# sent_id'):
                sid = line.split('=', 1)[1].strip()
            c = line.rstrip('\n').split('\t')
            if len(c) != 10 or not c[0].isdigit(): continue
            if keep is not None and sid not in keep: continue
            form, lemma, upos = c[1].lower(), c[2].lower(), c[3]
            if upos in SKIP_UPOS or lemma == '_' or not re.search(r'[^\W\d_]', form):
                continue
            yield form, lemma

def majority(votes):
    """The lemma with most tokens; of tied ones the shortest (a tie is
    mostly GSD keeping a derived form whole against CSUI's root, and the
    root scores 0.1 point better cross-validated), then the first
    alphabetically, so the table does not depend on the order of files."""
    return min(votes, key=lambda lemma: (-votes[lemma], len(lemma), lemma))

def main(argv):
    keep = None
    if '--sentences' in argv:
        i = argv.index('--sentences')
        keep = set(open(argv[i + 1]).read().split())
        del argv[i:i + 2]
    out, paths = argv[1], argv[2:]
    votes = collections.defaultdict(collections.Counter)
    for form, lemma in tokens(paths, keep):
        votes[form][lemma] += 1
    with open(out, 'w', encoding='utf-8') as o:
        o.write('# form\tlemma  (CC BY-SA 4.0: majority lemma per form in the UD '
                'Indonesian GSD and CSUI treebanks; built by '
                'dictionaries/scripts/build-ud-lemmas.py)\n')
        for form in sorted(votes):
            lemma = majority(votes[form])
            o.write('%s\t%s\n' % (form, lemma))

if __name__ == '__main__':
    main(sys.argv)
