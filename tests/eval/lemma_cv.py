#!/usr/bin/env python3
"""Honest lemma accuracy when the word-form table (id/lemmas-ud.tsv) is
learned from the same treebanks: K-fold cross-validation by sentence.  For
each fold, the table is rebuilt from the other folds and `juru analyze
--lemmas` is scored on the held-out fold.
usage: lemma_cv.py JURU BUILD_SCRIPT CONLLU... [--folds K]"""
import collections, os, re, subprocess, sys, tempfile

SKIP_UPOS = {'PUNCT', 'SYM', 'NUM', 'X'}

def sentences(path):
    sid, toks = None, []
    for line in open(path, encoding='utf-8'):
        if line.startswith('# sent_id'):
            sid = line.split('=', 1)[1].strip()
        elif not line.strip():
            if sid: yield sid, toks
            sid, toks = None, []
        else:
            c = line.rstrip('\n').split('\t')
            if len(c) == 10 and c[0].isdigit():
                f, l, u = c[1].lower(), c[2].lower(), c[3]
                if u not in SKIP_UPOS and l != '_' and re.search(r'[^\W\d_]', f):
                    toks.append((f, l))

def main(argv):
    k = 5
    if '--folds' in argv:
        i = argv.index('--folds'); k = int(argv[i + 1]); del argv[i:i + 2]
    juru, build, paths = argv[1], argv[2], argv[3:]
    data = {p: list(sentences(p)) for p in paths}
    right = collections.Counter(); total = collections.Counter()
    errors = collections.defaultdict(collections.Counter)
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(k):
            train = [sid for p in paths for j, (sid, _) in enumerate(data[p]) if j % k != fold]
            ids = os.path.join(tmp, 'ids'); table = os.path.join(tmp, 'table.tsv')
            open(ids, 'w').write('\n'.join(train))
            subprocess.run([sys.executable, build, table, *paths, '--sentences', ids], check=True)
            for p in paths:
                test = [t for j, (_, ts) in enumerate(data[p]) if j % k == fold for t in ts]
                words = sorted(set(w for w, _ in test))
                out = subprocess.run([juru, 'analyze', '--lemmas', table], input='\n'.join(words) + '\n',
                                     capture_output=True, text=True, check=True).stdout.split('\n')
                pred = dict(zip(words, out))
                right[p] += sum(1 for w, l in test if pred[w] == l); total[p] += len(test)
                errors[p].update((w, pred[w], l) for w, l in test if pred[w] != l)
    for p in paths:
        print('%-28s %d-fold cross-validated lemma accuracy %.4f (%d tokens)'
              % (os.path.basename(p), k, right[p] / total[p], total[p]))
        if os.environ.get('SHOW_ERRORS'):
            for (w, g, l), n in errors[p].most_common(int(os.environ['SHOW_ERRORS'])):
                print('%5d  %-22s got %-16s gold %s' % (n, w, g, l))

if __name__ == '__main__':
    main(sys.argv)
