#!/usr/bin/env python3
"""Write dictionaries/en/wordnet-glosses.txt: WordNet 3.0's definitions and
example sentences, one per line, as English text for the default model's
language model (juru train -e).  Reads the Debian `wordnet-base` files.

  dictionaries/scripts/build-wordnet-glosses.py [/usr/share/wordnet] > dictionaries/en/wordnet-glosses.txt

A gloss such as `a tangible and visible entity; "it was a large object"`
gives two lines; pieces under three words are left out.
"""
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
for pos in ("noun", "verb", "adj", "adv"):
    with open(f"{src}/data.{pos}", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  ") or "| " not in line:
                continue  # the licence header; synsets without a gloss
            gloss = line.split("| ", 1)[1]
            for part in gloss.split(";"):
                part = part.strip().strip('"').strip()
                if len(part.split()) >= 3:
                    print(part)
