/* juru train: a model from a user's own parallel text. */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static const char usage[] =
    "Usage: juru train [OPTIONS] --parallel CORPUS... -o MODEL\n"
    "Learn a translation model from Indonesian-English sentence pairs: word\n"
    "alignment, a phrase table and an English language model, in one file\n"
    "that 'juru translate --model MODEL' uses.\n"
    "\n"
    "Corpora (repeat to combine):\n"
    "  -p, --parallel FILE   TSV (Indonesian TAB English per line) or TMX\n"
    "  -p, --parallel X.id [X.en]  two files, one sentence per line, line for\n"
    "                        line (the English file defaults to X.en)\n"
    "  -e, --english FILE    English text, one sentence per line, for the\n"
    "                        language model only\n"
    "\n"
    "Options:\n"
    "  -o, --output MODEL    the model file (written atomically)\n"
    "      --order N         language-model order, 2-5 (default 4)\n"
    "      --max-phrase N    words per phrase, 1-7 (default 4)\n"
    "      --iterations N    EM iterations per direction (default 5)\n"
    "      --candidates N    English phrases kept per source phrase (default 8)\n"
    "      --weights LIST    the decoder's 9 feature weights: lm, p(e|f),\n"
    "                        p(f|e), lex(e|f), lex(f|e), word, phrase, rule,\n"
    "                        no-article (tests/eval/tune_weights.py finds them)\n"
    "  -q, --quiet           no summary on standard error\n"
    "      --data-dir DIR    where the dictionaries are\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 ok, 64 usage, 65 a corpus is malformed (its file, line and\n"
    "column are named), 66 a corpus cannot be opened, 73/74 the model cannot\n"
    "be written.\n";

enum { CORPUS_PAIRS, CORPUS_ENGLISH, CORPUS_DICTIONARY };

typedef struct corpus {
  const char *path, *en_path; /* en_path: two-file corpus */
  int kind;
  char *owned;                /* an inferred X.en */
} corpus;

typedef struct train_args {
  corpus *c;
  int n;
  const char *output, *data_dir;
  juru_train_options opt;
  int quiet;
} train_args;

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int add_corpus(train_args *a, int argc, char **argv, int *i, int kind) {
  if (*i + 1 >= argc) {
    cli_warn("train: %s needs a file", argv[*i]);
    return EXIT_USAGE;
  }
  corpus *c = realloc(a->c, (size_t)(a->n + 1) * sizeof *c);
  if (!c) return EXIT_SOFTWARE;
  a->c = c;
  corpus *x = &c[a->n++];
  memset(x, 0, sizeof *x);
  x->path = argv[++*i];
  x->kind = kind;
  if (kind != CORPUS_PAIRS || !ends_with(x->path, ".id")) return 0;
  if (*i + 1 < argc && argv[*i + 1][0] != '-') {
    x->en_path = argv[++*i];
    return 0;
  }
  size_t n = strlen(x->path);
  if (!(x->owned = malloc(n + 1))) return EXIT_SOFTWARE;
  memcpy(x->owned, x->path, n - 3);
  memcpy(x->owned + n - 3, ".en", 4);
  x->en_path = x->owned;
  return 0;
}

static int number(const char *s, unsigned lo, unsigned hi, unsigned *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*s == '\0' || *end || v < (long)lo || v > (long)hi) return 0;
  *out = (unsigned)v;
  return 1;
}

static int numeric_option(train_args *a, int argc, char **argv, int *i) {
  static const struct { const char *name; unsigned lo, hi; size_t off; } opts[] = {
      {"--order", 2, 5, offsetof(juru_train_options, lm_order)},
      {"--max-phrase", 1, 7, offsetof(juru_train_options, max_phrase)},
      {"--iterations", 1, 50, offsetof(juru_train_options, iterations)},
      {"--candidates", 1, 100, offsetof(juru_train_options, max_candidates)}};
  for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++) {
    if (!cli_opt(argv[*i], opts[k].name)) continue;
    const char *v = cli_opt_value(argc, argv, i, opts[k].name);
    unsigned *field = (unsigned *)(void *)((char *)&a->opt + opts[k].off);
    if (!v || !number(v, opts[k].lo, opts[k].hi, field)) {
      cli_warn("train: %s takes a number from %u to %u", opts[k].name, opts[k].lo,
               opts[k].hi);
      return EXIT_USAGE;
    }
    return 0;
  }
  return -1;
}

static int parse_args(int argc, char **argv, train_args *a) {
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i];
    int rc = numeric_option(a, argc, argv, &i);
    if (rc >= 0) {
      if (rc) return rc;
    } else if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
      fputs(usage, stdout);
      return -1;
    } else if (!strcmp(s, "-p") || !strcmp(s, "--parallel")) {
      if ((rc = add_corpus(a, argc, argv, &i, CORPUS_PAIRS))) return rc;
    } else if (!strcmp(s, "-e") || !strcmp(s, "--english")) {
      if ((rc = add_corpus(a, argc, argv, &i, CORPUS_ENGLISH))) return rc;
    } else if (!strcmp(s, "-d") || !strcmp(s, "--dictionary")) {
      if ((rc = add_corpus(a, argc, argv, &i, CORPUS_DICTIONARY))) return rc;
    } else if (!strcmp(s, "-o") || cli_opt(s, "--output")) {
      if (!(a->output = cli_opt_value(argc, argv, &i, s))) return EXIT_USAGE;
    } else if (cli_opt(s, "--weights")) {
      const char *v = cli_opt_value(argc, argv, &i, "--weights");
      if (!v || !cli_parse_weights(v, a->opt.weights)) {
        cli_warn("train: --weights takes %d comma-separated numbers", JURU_N_WEIGHTS);
        return EXIT_USAGE;
      }
    } else if (cli_opt(s, "--data-dir")) {
      if (!(a->data_dir = cli_opt_value(argc, argv, &i, "--data-dir"))) return EXIT_USAGE;
    } else if (!strcmp(s, "-q") || !strcmp(s, "--quiet")) {
      a->quiet = 1;
    } else {
      cli_warn("train: unexpected '%s' (see 'juru train --help')", s);
      return EXIT_USAGE;
    }
  }
  if (!a->n || !a->output) {
    cli_warn("train: needs --parallel CORPUS and -o MODEL (see 'juru train --help')");
    return EXIT_USAGE;
  }
  return 0;
}

static juru_status add_pair(void *ud, const char *id, size_t id_len,
                            const char *en, size_t en_len) {
  return juru_trainer_add_pair(ud, id, id_len, en, en_len);
}

/* English-only text arrives as "pairs" of a line with itself. */
static juru_status add_english(void *ud, const char *id, size_t id_len,
                               const char *en, size_t en_len) {
  (void)id;
  (void)id_len;
  return juru_trainer_add_english(ud, en, en_len);
}

/* A lexicon line's first senses, each a pair (a dictionary teaches words,
 * not sentences, but the phrase table then offers every common sense and
 * the language model picks one in context). */
#define DICTIONARY_SENSES 3

static juru_status add_senses(void *ud, const char *id, size_t id_len,
                              const char *en, size_t en_len) {
  juru_trainer *t = ud;
  const char *end = memchr(en, '\t', en_len);
  if (end) en_len = (size_t)(end - en);
  if (memchr(id, '(', id_len)) return JURU_OK; /* "(orang) brengsek" */
  for (int k = 0; k < DICTIONARY_SENSES && en_len; k++) {
    const char *semi = memchr(en, ';', en_len);
    size_t n = semi ? (size_t)(semi - en) : en_len;
    while (n && en[0] == ' ') en++, n--, en_len--;
    if (n && !memchr(en, '(', n)) {
      juru_status st = juru_trainer_add_pair(t, id, id_len, en, n);
      if (st != JURU_OK) return st;
    }
    if (!semi) break;
    en_len -= n + 1;
    en = semi + 1;
  }
  return JURU_OK;
}

static juru_status read_dictionary(juru_trainer *t, const char *path, size_t *count,
                                   juru_error *err) {
  return juru_corpus_read_tsv(path, add_senses, t, count, err);
}

static int read_corpus(juru_trainer *t, const corpus *c, size_t *pairs) {
  juru_error err = {0};
  size_t n = 0;
  juru_status st = c->kind == CORPUS_DICTIONARY
      ? read_dictionary(t, c->path, &n, &err)
      : juru_corpus_read(c->path, c->kind == CORPUS_ENGLISH ? c->path : c->en_path,
                         c->kind == CORPUS_ENGLISH ? add_english : add_pair, t,
                         &n, &err);
  *pairs += n;
  if (st == JURU_OK) return 0;
  cli_report(c->path, &err);
  if (st == JURU_EIO) return EXIT_NOINPUT;
  return st == JURU_ENOMEM ? EXIT_SOFTWARE : EXIT_DATAERR;
}

static double seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int train(const train_args *a, juru_morph *morph, const juru_abbrevs *ab) {
  juru_trainer *t = NULL;
  if (juru_trainer_new(morph, ab, &a->opt, &t) != JURU_OK) {
    cli_warn("train: cannot start (out of memory or bad options)");
    return EXIT_SOFTWARE;
  }
  double t0 = seconds();
  size_t pairs = 0;
  int rc = 0;
  for (int i = 0; i < a->n && rc == 0; i++) rc = read_corpus(t, &a->c[i], &pairs);
  juru_train_stats stats;
  juru_error err = {0};
  juru_status st = rc ? JURU_OK : juru_trainer_write(t, a->output, &stats, &err);
  if (!rc && st != JURU_OK) {
    cli_report(a->output, &err);
    rc = st == JURU_EIO ? EXIT_CANTCREAT : cli_exit_status(st);
  }
  if (!rc && !a->quiet)
    fprintf(stderr,
            "juru: trained %s in %.1f s: %zu sentence pairs (%zu aligned), %zu "
            "English sentences; %zu source phrases, %zu phrase pairs; language "
            "model %.1f MB\n",
            a->output, seconds() - t0, stats.pairs, stats.aligned_pairs,
            stats.english_sentences, stats.source_phrases, stats.phrase_pairs,
            (double)stats.lm_bytes / 1e6);
  juru_trainer_free(t);
  return rc;
}

int cmd_train(int argc, char **argv) {
  train_args a;
  memset(&a, 0, sizeof a);
  int rc = parse_args(argc, argv, &a);
  juru_abbrevs *ab = NULL;
  juru_morph *morph = NULL;
  if (rc == 0) rc = cli_load_abbrevs(NULL, a.data_dir, &ab);
  if (rc == 0) rc = cli_load_morph(a.data_dir, NULL, &morph);
  if (rc == 0) rc = train(&a, morph, ab);
  juru_morph_free(morph);
  juru_abbrevs_free(ab);
  for (int i = 0; i < a.n; i++) free(a.c[i].owned);
  free(a.c);
  return rc < 0 ? 0 : rc;
}
