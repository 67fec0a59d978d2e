/* juru lookup: English for Indonesian words and terms, with the analysis
 * and the source of each entry; --reverse for English to Indonesian. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: juru lookup [OPTIONS] TERM...\n"
    "Look up Indonesian words or terms (quote multi-word terms) in any form:\n"
    "  juru lookup menyerukan diluncurkan kamp-kamp \"serangan drone\"\n"
    "Shows the analysis (affixes and what they add), the English senses with\n"
    "the best first, and the lexicon each entry comes from.  Non-standard\n"
    "spellings (ijin, jurubicara) are found under the standard one, a word\n"
    "after a bound form under itself (antikomunis: anti- + komunis).  A word\n"
    "with no entry of its own is shown in the terms that contain it (jajak:\n"
    "jajak pendapat), or else gets spelling suggestions.  With no TERM, reads\n"
    "one per line from standard input.\n"
    "\n"
    "Options:\n"
    "  -r, --reverse     English to Indonesian: entries with this English sense\n"
    "  -j, --json        one JSON object per term\n"
    "      --data-dir DIR  where the dictionaries are\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 when every term was found, 1 when one was not (shown\n"
    "only inside longer terms counts as not found).\n";

#define MAX_SHOWN 3
#define MAX_SUGGEST 5
#define MAX_TERMS 6 /* terms shown for a word found only inside them */

typedef struct lookup_ctx {
  juru_lexicon *lx;
  juru_morph *morph;
  int json, reverse;
  FILE *fp;
} lookup_ctx;

/* What is shown for a word with no entry of its own: the terms containing
 * it, one entry per headword, or else spelling suggestions. */
typedef struct missing_word {
  juru_lex_entry terms[MAX_TERMS];
  size_t nterms, more_terms;
  char *sugg[MAX_SUGGEST];
  juru_lookup_result sugg_result[MAX_SUGGEST];
  size_t nsugg;
} missing_word;

static void print_entry_text(FILE *fp, const juru_lex_entry *e, int headword) {
  fputs("  ", fp);
  if (headword) fprintf(fp, "%.*s: ", (int)e->headword_len, e->headword);
  fprintf(fp, "%.*s  (%.*s)", (int)e->english_len, e->english, (int)e->pos_len,
          e->pos);
  if (e->note_len) fprintf(fp, "  %.*s", (int)e->note_len, e->note);
  fprintf(fp, "  [%.*s]\n", (int)e->source_len, e->source);
}

static void json_field(FILE *fp, const char *name, const char *s, size_t n) {
  fprintf(fp, "\"%s\":", name);
  cli_json_string(fp, s, n);
}

static void print_entry_json(FILE *fp, const juru_lex_entry *e) {
  fputc('{', fp);
  json_field(fp, "headword", e->headword, e->headword_len);
  fputs(",\"english\":[", fp);
  const char *p = e->english, *end = e->english + e->english_len;
  for (int first = 1; p < end; first = 0) {
    const char *semi = memchr(p, ';', (size_t)(end - p));
    const char *stop = semi ? semi : end;
    while (p < stop && *p == ' ') p++;
    if (!first) fputc(',', fp);
    cli_json_string(fp, p, (size_t)(stop - p));
    p = semi ? semi + 1 : end;
  }
  fputs("],", fp);
  json_field(fp, "pos", e->pos, e->pos_len);
  if (e->note_len) {
    fputc(',', fp);
    json_field(fp, "note", e->note, e->note_len);
  }
  fputc(',', fp);
  json_field(fp, "source", e->source, e->source_len);
  fputc('}', fp);
}

/* Entries from distinct sources, the first MAX_SHOWN. */
static size_t pick(const juru_lex_entry *e, size_t n, size_t *idx) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < MAX_SHOWN; i++) {
    int dup = 0;
    for (size_t j = 0; j < k; j++)
      dup |= e[idx[j]].english_len == e[i].english_len &&
             memcmp(e[idx[j]].english, e[i].english, e[i].english_len) == 0;
    if (!dup) idx[k++] = i;
  }
  return k;
}

static const char *how_text(juru_lookup_how how) {
  switch (how) {
    case JURU_LOOKUP_EXACT: return "exact";
    case JURU_LOOKUP_BASE: return "base";
    case JURU_LOOKUP_ACTIVE: return "active";
    case JURU_LOOKUP_STANDARD: return "standard";
    case JURU_LOOKUP_ROOT: return "root";
    case JURU_LOOKUP_NONE: break;
  }
  return "none";
}

static int has_affixes(const juru_analysis *a) {
  return a->n_prefix || a->suffix || a->possessive || a->particle ||
         a->reduplicated;
}

static void print_first_sense(FILE *fp, const juru_lex_entry *e) {
  const char *semi = memchr(e->english, ';', e->english_len);
  fprintf(fp, " (%.*s)",
          (int)(semi ? (size_t)(semi - e->english) : e->english_len),
          e->english);
}

static void print_missing(FILE *fp, const missing_word *mw) {
  if (mw->nterms) {
    fputs("  no entry of its own; in terms:\n", fp);
    for (size_t i = 0; i < mw->nterms; i++)
      print_entry_text(fp, &mw->terms[i], 1);
    if (mw->more_terms) fprintf(fp, "  and %zu more terms\n", mw->more_terms);
    return;
  }
  fprintf(fp, "  not found");
  for (size_t i = 0; i < mw->nsugg; i++) {
    fprintf(fp, "%s%s", i ? ", " : "; did you mean: ", mw->sugg[i]);
    if (mw->sugg_result[i].n_entries)
      print_first_sense(fp, &mw->sugg_result[i].entries[0]);
  }
  fputc('\n', fp);
}

static void print_text(lookup_ctx *c, const char *q, size_t n,
                       const juru_lookup_result *r, const missing_word *mw) {
  FILE *fp = c->fp;
  fprintf(fp, "%.*s", (int)n, q);
  if (!r->phrase && has_affixes(&r->analysis)) {
    char aff[512];
    cli_format_affixes(&r->analysis, aff, sizeof aff);
    fprintf(fp, "  ←  %s  (", aff);
    if (r->analysis.pos) fprintf(fp, "%s; ", r->analysis.pos);
    cli_print_meanings(fp, c->morph, &r->analysis);
    fputc(')', fp);
  }
  fputc('\n', fp);
  if (r->how == JURU_LOOKUP_NONE) {
    juru_lex_entry rev[4];
    size_t k = juru_lexicon_reverse(c->lx, q, n, rev, 4);
    if (k) { /* English in an Indonesian text: say so, and what it is */
      fputs("  an English word; in Indonesian:", fp);
      for (size_t i = 0; i < k && i < 4; i++) {
        int seen = 0;
        for (size_t j = 0; j < i; j++)
          seen |= rev[j].headword_len == rev[i].headword_len &&
                  memcmp(rev[j].headword, rev[i].headword,
                         rev[i].headword_len) == 0;
        if (!seen)
          fprintf(fp, "%s %.*s", i ? "," : "", (int)rev[i].headword_len,
                  rev[i].headword);
      }
      fputc('\n', fp);
      return;
    }
    print_missing(fp, mw);
    return;
  }
  if (r->how == JURU_LOOKUP_STANDARD)
    fprintf(fp, "  non-standard spelling of %s\n", r->form);
  else if (r->how == JURU_LOOKUP_ACTIVE && r->analysis.n_prefix == 0)
    fprintf(fp, "  object voice or imperative of %s\n", r->form);
  else if (r->how == JURU_LOOKUP_ACTIVE)
    fprintf(fp, "  passive of %s\n", r->form);
  /* after a bound form, the entries are the word's after it: say which */
  int show_head = r->how != JURU_LOOKUP_EXACT || r->bound;
  size_t idx[MAX_SHOWN];
  size_t k = pick(r->entries, r->n_entries, idx);
  for (size_t i = 0; i < k; i++)
    print_entry_text(fp, &r->entries[idx[i]], show_head);
  if (r->n_root_entries && r->how != JURU_LOOKUP_ROOT) {
    k = pick(r->root_entries, r->n_root_entries, idx);
    for (size_t i = 0; i < k && i < 1; i++)
      print_entry_text(fp, &r->root_entries[idx[i]], 1);
  }
}

static void print_json(lookup_ctx *c, const char *q, size_t n,
                       const juru_lookup_result *r, const missing_word *mw) {
  FILE *fp = c->fp;
  fputc('{', fp);
  json_field(fp, "query", q, n);
  fprintf(fp, ",\"found\":%s,\"how\":\"%s\"",
          r->how ? "true" : "false", how_text(r->how));
  if (r->how) {
    fputc(',', fp);
    json_field(fp, "form", r->form, strlen(r->form));
  }
  const char *en = r->bound ? juru_morph_meaning(c->morph, r->bound) : NULL;
  if (en) {
    fputc(',', fp);
    json_field(fp, "bound", r->bound, strlen(r->bound));
    fputc(',', fp);
    json_field(fp, "bound_english", en, strlen(en));
  }
  if (!r->phrase) {
    const juru_analysis *a = &r->analysis;
    fputs(",\"analysis\":{", fp);
    json_field(fp, "lemma", a->lemma, strlen(a->lemma));
    fputs(",\"prefixes\":[", fp);
    for (size_t i = 0; i < a->n_prefix; i++) {
      if (i) fputc(',', fp);
      cli_json_string(fp, a->prefix[i], strlen(a->prefix[i]));
    }
    fputc(']', fp);
    const char *opt[3][2] = {{"suffix", a->suffix},
                             {"possessive", a->possessive},
                             {"particle", a->particle}};
    for (int i = 0; i < 3; i++)
      if (opt[i][1]) {
        fputc(',', fp);
        json_field(fp, opt[i][0], opt[i][1], strlen(opt[i][1]));
      }
    if (a->pos) {
      fputc(',', fp);
      json_field(fp, "pos", a->pos, strlen(a->pos));
    }
    fprintf(fp, ",\"reduplicated\":%s}", a->reduplicated ? "true" : "false");
  }
  fputs(",\"entries\":[", fp);
  for (size_t i = 0; i < r->n_entries; i++) {
    if (i) fputc(',', fp);
    print_entry_json(fp, &r->entries[i]);
  }
  fputs("],\"root_entries\":[", fp);
  for (size_t i = 0; i < r->n_root_entries; i++) {
    if (i) fputc(',', fp);
    print_entry_json(fp, &r->root_entries[i]);
  }
  fputs("],\"in_terms\":[", fp);
  for (size_t i = 0; i < mw->nterms; i++) {
    if (i) fputc(',', fp);
    print_entry_json(fp, &mw->terms[i]);
  }
  fputs("],\"suggestions\":[", fp);
  for (size_t i = 0; i < mw->nsugg; i++) {
    if (i) fputc(',', fp);
    cli_json_string(fp, mw->sugg[i], strlen(mw->sugg[i]));
  }
  fputs("]}\n", fp);
}

static int same_headword(const juru_lex_entry *a, const juru_lex_entry *b) {
  return a->headword_len == b->headword_len &&
         memcmp(a->headword, b->headword, a->headword_len) == 0;
}

/* The terms containing q, best entry of each headword, sources in order. */
static void find_terms(lookup_ctx *c, const char *q, size_t n,
                       missing_word *mw) {
  size_t k = juru_lexicon_containing(c->lx, q, n, NULL, 0);
  juru_lex_entry *e = k ? malloc(k * sizeof *e) : NULL;
  if (!e) return;
  k = juru_lexicon_containing(c->lx, q, n, e, k);
  for (size_t i = 0; i < k; i++) {
    int seen = 0;
    for (size_t j = 0; j < i && !seen; j++) seen = same_headword(&e[j], &e[i]);
    if (seen) continue;
    if (mw->nterms < MAX_TERMS) mw->terms[mw->nterms++] = e[i];
    else mw->more_terms++;
  }
  free(e);
}

static int lookup_one(lookup_ctx *c, const char *q, size_t n) {
  if (juru_utf8_check(q, n, NULL) != JURU_OK) {
    cli_warn("lookup: term is not valid UTF-8");
    return 1;
  }
  juru_lookup_result r;
  juru_status st = juru_lookup(c->lx, c->morph, q, n, &r);
  static missing_word mw; /* large: results of the suggestions */
  mw.nterms = mw.more_terms = mw.nsugg = 0;
  if (st == JURU_ENOTFOUND && !r.phrase) find_terms(c, q, n, &mw);
  if (st == JURU_ENOTFOUND && !r.phrase && !mw.nterms) {
    mw.nsugg = juru_lookup_suggest(c->lx, c->morph, q, n, mw.sugg, MAX_SUGGEST);
    for (size_t i = 0; i < mw.nsugg; i++)
      juru_lookup(c->lx, c->morph, mw.sugg[i], strlen(mw.sugg[i]),
                  &mw.sugg_result[i]);
  }
  if (c->json) print_json(c, q, n, &r, &mw);
  else print_text(c, q, n, &r, &mw);
  for (size_t i = 0; i < mw.nsugg; i++) juru_free(mw.sugg[i]);
  return st == JURU_OK ? 0 : 1;
}

static int reverse_one(lookup_ctx *c, const char *q, size_t n) {
  juru_lex_entry e[16];
  size_t k = juru_lexicon_reverse(c->lx, q, n, e, 16);
  if (k > 16) k = 16;
  if (c->json) {
    fputc('{', c->fp);
    json_field(c->fp, "query", q, n);
    fprintf(c->fp, ",\"found\":%s,\"entries\":[", k ? "true" : "false");
    for (size_t i = 0; i < k; i++) {
      if (i) fputc(',', c->fp);
      print_entry_json(c->fp, &e[i]);
    }
    fputs("]}\n", c->fp);
  } else {
    fprintf(c->fp, "%.*s\n", (int)n, q);
    if (!k) fputs("  not found\n", c->fp);
    for (size_t i = 0; i < k; i++) print_entry_text(c->fp, &e[i], 1);
  }
  return k ? 0 : 1;
}

static int run_term(lookup_ctx *c, const char *q, size_t n) {
  return c->reverse ? reverse_one(c, q, n) : lookup_one(c, q, n);
}

int cmd_lookup(int argc, char **argv) {
  const char *data_dir = NULL;
  lookup_ctx c = {NULL, NULL, 0, 0, stdout};
  int first = argc;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      return 0;
    } else if (strcmp(a, "-j") == 0 || strcmp(a, "--json") == 0) {
      c.json = 1;
    } else if (strcmp(a, "-r") == 0 || strcmp(a, "--reverse") == 0) {
      c.reverse = 1;
    } else if (cli_opt(a, "--data-dir")) {
      if (!(data_dir = cli_opt_value(argc, argv, &i, "--data-dir")))
        return EXIT_USAGE;
    } else if (strcmp(a, "--") == 0) {
      first = i + 1;
      break;
    } else if (a[0] == '-' && a[1] != '\0') {
      cli_warn("lookup: unknown option '%s' (see 'juru lookup --help')", a);
      return EXIT_USAGE;
    } else {
      first = i;
      break;
    }
  }
  int rc = cli_load_lexicon(data_dir, &c.lx);
  if (rc == 0 && !c.reverse) rc = cli_load_morph(data_dir, NULL, &c.morph);
  int missing = 0;
  if (rc == 0 && first < argc) {
    for (int i = first; i < argc; i++)
      missing |= run_term(&c, argv[i], strlen(argv[i]));
  } else if (rc == 0) {
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
      size_t n = strcspn(line, "\r\n");
      if (n) missing |= run_term(&c, line, n);
    }
  }
  if (cli_stdout_check() && rc == 0) rc = EXIT_IOERR;
  juru_morph_free(c.morph);
  juru_lexicon_free(c.lx);
  return rc ? rc : missing;
}
