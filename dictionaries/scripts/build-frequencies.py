#!/usr/bin/env python3
"""Rebuild dictionaries/id/frequencies.tsv: lower-cased word counts from the
openly licensed Indonesian text in the project's shared data (the Indonesian
sides of ntrex128_news, tico19, debian_handbook, gnome_help,
libreoffice_help, python_docs, tldr_pages, tatoeba, talpco, nusax).
usage: build-frequencies.py SHARED_DATA_DIR OUT.tsv
Words seen fewer than 2 times are dropped."""
import collections, os, re, sys

FILES = ['parallel-open/ntrex128_news.id', 'parallel-open/tico19.id',
         'parallel-open/debian_handbook.id', 'parallel-open/gnome_help.id',
         'parallel-open/libreoffice_help.id', 'parallel-open/python_docs.id',
         'parallel-open/tldr_pages.id', 'parallel/tatoeba_manythings.id',
         'parallel/talpco.id', 'parallel/nusax_train.id', 'parallel/nusax_valid.id']
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")

def main(data, out):
    counts = collections.Counter()
    for f in FILES:
        for line in open(os.path.join(data, f), encoding='utf-8'):
            counts.update(w.lower() for w in WORD.findall(line))
    with open(out, 'w', encoding='utf-8') as o:
        o.write('# word\tcount  (CC BY-SA 4.0; built by dictionaries/scripts/'
                'build-frequencies.py from %d openly licensed files, %d tokens)\n'
                % (len(FILES), sum(counts.values())))
        for w, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
            if n >= 2:
                o.write('%s\t%d\n' % (w, n))

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
