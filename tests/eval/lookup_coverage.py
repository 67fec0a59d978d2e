#!/usr/bin/env python3
"""How much of real text `juru lookup` can gloss: the share of lower-case
word tokens (capitalised ones are names or sentence starts, left out) for
which lookup finds an entry, and how it found them.
usage: lookup_coverage.py JURU TEXT... [--missing N]   (N most frequent misses)"""
import collections, json, re, subprocess, sys

WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")

def main(argv):
    show = 0
    if '--missing' in argv:
        i = argv.index('--missing'); show = int(argv[i + 1]); del argv[i:i + 2]
    juru, paths = argv[1], argv[2:]
    for path in paths:
        count = collections.Counter()
        for line in open(path, encoding='utf-8'):
            for w in WORD.findall(line):
                if not w[0].isupper():
                    count[w.lower()] += 1
        words = sorted(count)
        out = subprocess.run([juru, 'lookup', '--json'], input='\n'.join(words) + '\n',
                             capture_output=True, text=True).stdout.split('\n')
        missing, how = collections.Counter(), collections.Counter()
        for w, line in zip(words, out):
            r = json.loads(line)
            if r['found']: how[r['how']] += count[w]
            else: missing[w] = count[w]
        total = sum(count.values())
        print('%-28s %7d tokens %6d types  found: tokens %.4f  types %.4f  (%s)' % (
            path.split('/')[-1], total, len(words), 1 - sum(missing.values()) / total,
            1 - len(missing) / len(words), ', '.join('%s %d' % h for h in how.most_common())))
        if show:
            print('  missing:', ' '.join('%s:%d' % m for m in missing.most_common(show)))

if __name__ == '__main__':
    main(sys.argv)
