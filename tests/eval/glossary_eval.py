#!/usr/bin/env python3
"""Glossary quality of `juru glossary` against a human list.
usage: glossary_eval.py JURU ARTICLE HUMAN.tsv [--check]
Recall: the share of the human's key terms that the glossary contains with
an accepted English.  Junk: the share of rows that are neither a key term
nor an acceptable extra.  With --check: fail below recall 0.9 or above junk
0.2 (the project's bars)."""
import json, subprocess, sys

def norm(s):
    return ' '.join(s.lower().split())

def main(argv):
    juru, article, human = argv[1], argv[2], argv[3]
    key, ok = {}, {}
    for line in open(human, encoding='utf-8'):
        if line.startswith('#') or not line.strip(): continue
        kind, src, eng = line.rstrip('\n').split('\t')
        (key if kind == 'key' else ok)[norm(src)] = [norm(e) for e in eng.split('|')]
    out = subprocess.run([juru, 'glossary', '-f', 'json', article], check=True,
                         capture_output=True, text=True).stdout
    rows = json.loads(out)
    got = {norm(r['source']): norm(r['target']) for r in rows}
    hits = [s for s, e in key.items() if s in got and got[s] in e]
    wrong = [(s, got[s]) for s, e in key.items() if s in got and got[s] not in e]
    missing = [s for s in key if s not in got]
    junk = [s for s in got if s not in key and s not in ok]
    recall = len(hits) / len(key)
    junk_rate = len(junk) / len(got) if got else 0.0
    print('glossary: %d rows; recall %.3f (%d of %d key terms with accepted English); '
          'junk %.3f (%d rows)' % (len(got), recall, len(hits), len(key), junk_rate, len(junk)))
    for s in missing: print('  missing:', s)
    for s, e in wrong: print('  wrong English: %s -> %s' % (s, e))
    for s in junk: print('  junk:', s, '->', got[s])
    if '--check' in argv and (recall < 0.9 or junk_rate > 0.2):
        return 1
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv))
