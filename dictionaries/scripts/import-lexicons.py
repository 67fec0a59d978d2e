#!/usr/bin/env python3
"""Rebuild the imported lexicons in dictionaries/id/lexicon/ from the shared
data (see dictionaries/README.md for sources and licences):
  freedict.tsv        FreeDict/WikDict eng-ind, inverted (CC BY-SA 3.0)
  wiktionary.tsv      OMW Wiktionary links joined to WordNet (CC BY-SA 3.0)
  wordnet-bahasa.tsv  Wordnet Bahasa joined to WordNet 3.0 (MIT + WordNet)
Senses are ranked (WordNet: sum over synsets of (1 + tag count) / rank;
FreeDict: sense number, then file order) and at most 4 English kept.
usage: import-lexicons.py SHARED_LEXICON_DIR OUT_DIR"""
import collections, os, sys

HEADER = '# indonesian\tenglish\tpos\tnote\n'
POS = {'n': 'n', 'noun': 'n', 'v': 'v', 'verb': 'v', 'adj': 'adj', 'a': 'adj',
       's': 'adj', 'adv': 'adv', 'r': 'adv', 'num': 'num', 'pron': 'pron',
       'prep': 'prep', 'conj': 'conj', 'intj': 'part', 'interj': 'part',
       'phrase': 'n', 'prop': 'propn', 'name': 'propn', 'det': 'det',
       'particle': 'part', 'abbr': 'abbr', 'abbrev': 'abbr'}
# FreeDict senses whose gloss marks a sense a news translator never means
BAD_GLOSS = ('chess', 'card game', 'playing card', 'vulgar', 'slang:')

def rows(path):
    for line in open(path, encoding='utf-8'):
        if line.startswith('#'): continue
        p = line.rstrip('\n').split('\t')
        if len(p) == 3 and p[0].strip() and p[1].strip():
            yield p

def note_fields(note):
    head, *rest = note.split(';')
    return head, dict(x.split('=', 1) for x in rest if '=' in x)

def write(path, entries):
    with open(path, 'w', encoding='utf-8') as o:
        o.write(HEADER)
        for ind in sorted(entries):
            eng, pos = entries[ind]
            o.write('%s\t%s\t%s\n' % (ind, '; '.join(eng[:4]), pos))

def clean(word):
    return ' '.join(word.replace('_', ' ').split())

def wordnet(path):
    score = collections.defaultdict(collections.Counter)
    pos = collections.defaultdict(collections.Counter)
    for ind, eng, note in rows(path):
        p, d = note_fields(note)
        w = (1 + int(d.get('tagcnt', 0))) / int(d.get('rank', 1))
        key = clean(ind.lower()) if not ind[:1].isupper() else clean(ind)
        score[key][clean(eng)] += w
        pos[key][POS.get(p, 'n')] += w
    return {k: ([e for e, _ in score[k].most_common()], pos[k].most_common(1)[0][0])
            for k in score}

def freedict(path):
    senses = collections.defaultdict(list)
    pos = {}
    for ind, eng, note in rows(path):
        p, d = note_fields(note)
        gloss = d.get('gloss', '').lower()
        if p in ('suffix', 'prefix', 'infix') or any(b in gloss for b in BAD_GLOSS):
            continue
        if ind.startswith('-') or ind.endswith('-'): continue
        key = clean(ind.lower()) if not ind[:1].isupper() else clean(ind)
        senses[key].append((int(d.get('sense', 9) or 9), clean(eng)))
        pos.setdefault(key, POS.get(p, 'n'))
    out = {}
    for k, lst in senses.items():
        eng = list(dict.fromkeys(e for _, e in sorted(lst, key=lambda x: x[0])))
        out[k] = (eng, pos[k])
    return out

def main(src, out):
    write(os.path.join(out, 'freedict.tsv'), freedict(os.path.join(src, 'freedict_eng_ind_inverted.tsv')))
    write(os.path.join(out, 'wiktionary.tsv'), wordnet(os.path.join(src, 'omw_wiktionary.tsv')))
    write(os.path.join(out, 'wordnet-bahasa.tsv'), wordnet(os.path.join(src, 'wordnet_bahasa.tsv')))

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
