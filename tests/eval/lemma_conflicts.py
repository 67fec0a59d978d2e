#!/usr/bin/env python3
"""How far the lemma gold sets agree with each other and with the issue's
rule that "the longest form with a dictionary entry wins".

For each gold set: the cases whose form (or the form without a final
clitic) is a dictionary entry while the gold lemma is something shorter,
for two readings of "dictionary": the stems of Hunspell's id_ID.dic, and
those plus the headwords of the bilingual lexicon.  A lemmatiser that
keeps dictionary entries whole must miss them, so 1 - share is the best
it can score on that set.  Then the forms the two UD
treebanks lemmatise differently, which one answer per form cannot satisfy
in both.
usage: lemma_conflicts.py DATA_DIR DICTIONARIES_DIR [--show N]"""
import collections, glob, sys

from lemma_eval import tsv, ud

CLITICS = ('nya', 'lah', 'kah', 'pun', 'ku', 'mu')

def hunspell_stems(dicdir):
    words = set()
    with open(dicdir + '/hunspell/id_ID.dic', encoding='utf-8') as f:
        next(f)  # the entry count
        for line in f:
            words.add(line.split('/', 1)[0].strip().lower())
    return words

def lexicon_headwords(dicdir):
    words = set()
    for path in glob.glob(dicdir + '/id/lexicon/*.tsv'):
        for line in open(path, encoding='utf-8'):
            if line.startswith('#') or '\t' not in line: continue
            words.add(line.split('\t', 1)[0].lower())
    return words

def entry_in(form, words):
    """The longest dictionary entry the form is, with or without a clitic."""
    if form in words: return form
    for c in CLITICS:
        if form.endswith(c) and form[:-len(c)] in words: return form[:-len(c)]
    return None

def kept_whole_misses(pairs, words):
    misses = collections.Counter()
    for form, gold in pairs:
        entry = entry_in(form, words)
        if entry and gold != entry and len(gold) < len(entry):
            misses[(form, entry, gold)] += 1
    return misses

def majority(pairs):
    votes = collections.defaultdict(collections.Counter)
    for form, gold in pairs: votes[form][gold] += 1
    return {f: v.most_common(1)[0] for f, v in votes.items()}

def main(argv):
    show = 0
    if '--show' in argv:
        i = argv.index('--show'); show = int(argv[i + 1]); del argv[i:i + 2]
    data, dicdir = argv[1], argv[2]
    stems = hunspell_stems(dicdir)
    both_dicts = stems | lexicon_headwords(dicdir)
    gsd = ud(data + '/lemma/id_gsd-ud-dev.conllu')
    csui = ud(data + '/lemma/id_csui-ud-train.conllu')
    sets = [('UD GSD dev', gsd), ('UD CSUI train', csui),
            ('Sastrawi upstream', tsv(data + '/stem/sastrawi.tsv')),
            ('Sastrawi ports extra', tsv(data + '/stem/sastrawi_ports_extra.tsv'))]
    print('best score keeping entries whole: %d Hunspell stems | %d with lexicon '
          'headwords' % (len(stems), len(both_dicts)))
    print('%-22s %6s %8s %7s %8s %7s' % ('gold set', 'n', 'shorter', 'best', 'shorter', 'best'))
    for name, pairs in sets:
        misses = kept_whole_misses(pairs, stems)
        wide = sum(kept_whole_misses(pairs, both_dicts).values())
        n = sum(misses.values())
        print('%-22s %6d %8d %7.3f %8d %7.3f' % (name, len(pairs), n, 1 - n / len(pairs),
                                                 wide, 1 - wide / len(pairs)))
        for (form, entry, gold), k in misses.most_common(show):
            print('    %4d  %-20s entry %-16s gold %s' % (k, form, entry, gold))
    g, c = majority(gsd), majority(csui)
    both = sorted((f for f in g.keys() & c.keys() if g[f][0] != c[f][0]),
                  key=lambda f: -(g[f][1] + c[f][1]))
    print('%d forms lemmatised differently by GSD and CSUI: %d GSD tokens, '
          '%d CSUI tokens' % (len(both), sum(g[f][1] for f in both),
                              sum(c[f][1] for f in both)))
    for f in both[:show]:
        print('    %-16s GSD %-14s %4d   CSUI %-14s %4d' % (f, g[f][0], g[f][1], c[f][0], c[f][1]))

if __name__ == '__main__':
    main(sys.argv)
