/* The shipped dictionaries loaded as `juru translate` loads them, for the
 * tests that translate: morphology, the seven lexicon files, abbreviations
 * and a translator over them.  dicts_open() returns 0, or prints why not
 * and returns -1; dicts_close() frees what was opened. */
#ifndef JURU_TEST_DICTS_H
#define JURU_TEST_DICTS_H

#include <stdio.h>

#include "juru.h"

typedef struct dicts {
  juru_morph *morph;
  juru_lexicon *lexicon;
  juru_abbrevs *abbrevs;
  juru_translator *translator;
  char rules[4096];   /* id/transfer.txt, for tests that rebuild one */
  char english[4096]; /* en/ */
} dicts;

static void dicts_close(dicts *d) {
  juru_translator_free(d->translator);
  juru_abbrevs_free(d->abbrevs);
  juru_lexicon_free(d->lexicon);
  juru_morph_free(d->morph);
  d->translator = NULL, d->abbrevs = NULL, d->lexicon = NULL, d->morph = NULL;
}

static int dicts_open(const char *dir, dicts *d) {
  static const char *const rel[] = {"news-politics-security", "news-economy-science",
                                    "news-general", "news-places", "freedict",
                                    "wiktionary", "wordnet-bahasa"};
  enum { N = sizeof rel / sizeof rel[0] };
  char paths[N][4096], abbr[4096];
  const char *p[N];
  for (int i = 0; i < N; i++) {
    snprintf(paths[i], sizeof paths[i], "%s/id/lexicon/%s.tsv", dir, rel[i]);
    p[i] = paths[i];
  }
  snprintf(d->rules, sizeof d->rules, "%s/id/transfer.txt", dir);
  snprintf(d->english, sizeof d->english, "%s/en", dir);
  snprintf(abbr, sizeof abbr, "%s/id/abbreviations.txt", dir);
  d->morph = NULL, d->lexicon = NULL, d->abbrevs = NULL, d->translator = NULL;
  juru_error e = {0};
  juru_translator_files files = {d->rules, d->english};
  if (juru_morph_load_dir(dir, &d->morph, &e) != JURU_OK ||
      juru_lexicon_load(p, N, &d->lexicon, &e) != JURU_OK ||
      juru_abbrevs_load(abbr, &d->abbrevs, &e) != JURU_OK ||
      juru_translator_new(d->lexicon, d->morph, d->abbrevs, &files, &d->translator,
                          &e) != JURU_OK) {
    fprintf(stderr, "%s:%zu: %s\n", e.source, e.line, e.text);
    dicts_close(d);
    return -1;
  }
  return 0;
}

#endif
