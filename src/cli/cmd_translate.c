/* juru translate: English for Indonesian text, offline. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "Usage: juru translate [OPTIONS] [FILE]\n"
    "Translate an Indonesian article into English, sentence by sentence, with\n"
    "no network.  FILE '-' or none is standard input.  Plain text keeps the\n"
    "input's lines: one English line per input line.\n"
    "\n"
    "The article's key terms (as 'juru glossary' lists them) and the terms of\n"
    "your glossaries are fixed first and appear exactly as given.\n"
    "\n"
    "Options:\n"
    "  -f, --format F       text (default), bilingual, tsv, jsonl, md, tmx,\n"
    "                       xliff, explain\n"
    "  -o, --output FILE    write to FILE atomically (complete or not at all)\n"
    "  -g, --glossary FILE  your glossary (tsv, csv, json, tbx, md); its terms\n"
    "                       win over everything; repeat to stack\n"
    "      --no-auto-glossary  do not fix the article's extracted key terms\n"
    "      --explain        per sentence: the terms used, the unknown words and\n"
    "                       each word's analysis (same as --format explain)\n"
    "      --lossy          replace invalid UTF-8 with U+FFFD instead of failing\n"
    "      --progress / --no-progress  a progress bar on standard error (the\n"
    "                       default: when it is a terminal and the input is long)\n"
    "      --data-dir DIR   where the dictionaries are\n"
    "  -h, --help           show this help\n"
    "\n"
    "Translation servers (optional; offline is the default):\n"
    "  -b, --backend NAME   libretranslate, deepl, google, openai, ollama\n"
    "      --url URL        the server (default: the backend's public one)\n"
    "  -m, --model NAME     with a server: its model (openai, ollama)\n"
    "  -j, --jobs N         requests at once (default 4)\n"
    "      --timeout SECS   per request (default 120); --retries N (default 5)\n"
    "      --retry-delay SECS  first wait before a retry, doubling (default 0.25)\n"
    "      --batch N        sentences per request (default: the API's limit)\n"
    "      --no-cache       do not use the translation memory\n"
    "      --tm FILE        translation memory (default\n"
    "                       $XDG_CACHE_HOME/juru/tm.sqlite)\n"
    "  -v, --verbose        log requests on standard error (keys never shown)\n"
    "Settings come from these flags, then JURU_BACKEND, JURU_URL, JURU_MODEL\n"
    "and the key variables (DEEPL_AUTH_KEY, GOOGLE_API_KEY, OPENAI_API_KEY),\n"
    "then $XDG_CONFIG_HOME/juru/config ('juru backends' shows what is in\n"
    "effect).  Keys are never taken from the command line.\n"
    "\n"
    "Exit status: 0 ok, 64 usage, 65 input is not valid text, 66 input cannot\n"
    "be opened, 69 translation server failed or refused, 73/74 output cannot\n"
    "be written, 78 dictionaries or configuration missing or malformed.\n";

#define MAX_INPUT ((size_t)1 << 31)

typedef struct options {
  const char *input, *output, *data_dir, *format, *tm_path;
  char **glossaries;
  int nglossaries, auto_glossary, lossy, progress, no_cache, verbose, no_model;
  int has_weights;
  float weights[JURU_N_WEIGHTS];
  long retries, batch;
  double retry_delay;
  cli_backend_config backend;
} options;

/* ---- reading ------------------------------------------------------------- */

typedef struct input {
  char *data;
  size_t len, cap;
} input;

static juru_status collect(const char *data, size_t len, void *ud,
                           juru_error *err) {
  input *in = ud;
  if (in->len + len > MAX_INPUT) {
    err->status = JURU_ETOOBIG;
    snprintf(err->text, sizeof err->text, "input larger than %zu MiB",
             MAX_INPUT >> 20);
    return JURU_ETOOBIG;
  }
  if (in->len + len + 1 > in->cap) {
    size_t cap = in->cap ? in->cap : 1 << 16;
    while (cap < in->len + len + 1) cap *= 2;
    char *p = realloc(in->data, cap);
    if (!p) return JURU_ENOMEM;
    in->data = p;
    in->cap = cap;
  }
  memcpy(in->data + in->len, data, len);
  in->len += len;
  in->data[in->len] = '\0';
  return JURU_OK;
}

/* A document that opens with a tag and closes one: translating its markup
 * word by word would be garbage.  Text that merely mentions "<b>" or
 * compares "x < 5" does not open with a tag. */
static int looks_like_html(const char *s, size_t n) {
  size_t i = n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
  if (i + 1 >= n || s[i] != '<') return 0;
  char c = s[i + 1];
  if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '!' || c == '?'))
    return 0;
  const char *rest = s + i;
  size_t left = n - i;
  for (size_t k = 0; k + 1 < left; k++)
    if ((rest[k] == '<' && rest[k + 1] == '/') || (rest[k] == '/' && rest[k + 1] == '>'))
      return 1;
  return left >= 9 && !strncasecmp(rest, "<!doctype", 9);
}

static int read_input(const options *o, input *in) {
  juru_error err = {0};
  juru_status st;
  int rc = cli_stream_file(o->input, collect, in, &err, &st);
  if (rc) return rc;
  const char *name = strcmp(o->input, "-") == 0 ? "<stdin>" : o->input;
  memset(&err, 0, sizeof err);
  st = juru_utf8_check(in->data ? in->data : "", in->len, &err);
  if (st != JURU_OK && o->lossy && st != JURU_EENCODING) {
    char *fixed;
    size_t n;
    if (juru_utf8_repair(in->data, in->len, &fixed, &n) != JURU_OK) return EXIT_SOFTWARE;
    free(in->data);
    in->data = malloc(n + 1);
    if (!in->data) {
      juru_free(fixed);
      return EXIT_SOFTWARE;
    }
    memcpy(in->data, fixed, n + 1);
    in->len = n;
    juru_free(fixed);
    st = JURU_OK;
  }
  if (st != JURU_OK) {
    cli_report(name, &err);
    return cli_exit_status(st);
  }
  if (looks_like_html(in->data ? in->data : "", in->len)) {
    cli_warn("%s:1:1: input looks like HTML; Juru translates plain text: convert "
             "it first (for example 'pandoc -t plain FILE' or 'lynx -dump FILE')",
             name);
    return EXIT_DATAERR;
  }
  return 0;
}

/* ---- progress ------------------------------------------------------------ */

typedef struct progress {
  int on;
  size_t total, done;
  double last;
} progress;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress_show(progress *p, int final) {
  if (!p->on) return;
  double t = now();
  if (!final && t - p->last < 0.1) return;
  p->last = t;
  int pct = p->total ? (int)(100.0 * (double)p->done / (double)p->total) : 100;
  int bar = pct / 4;
  fprintf(stderr, "\rtranslating [%.*s%*s] %3d%%", bar,
          "#########################", 25 - bar, "", pct);
  if (final) fputs("\n", stderr);
  fflush(stderr);
}

/* ---- the document -------------------------------------------------------- */

typedef struct run {
  juru_translator *tr;
  juru_writer *writer;
  size_t line;
  juru_status st;
  progress *prog;
} run;

static int on_sentence(const juru_sentence *s, void *ud) {
  run *r = ud;
  const juru_translation *t;
  r->st = juru_translate_sentence(r->tr, s->text, s->len, &t);
  if (r->st == JURU_OK)
    r->st = juru_writer_sentence(r->writer, r->line, s->index, s->text, s->len, t);
  return r->st != JURU_OK;
}

static int translate_lines(const input *in, const juru_abbrevs *ab, run *r) {
  juru_segment_options so = {0, 0};
  size_t pos = in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  while (pos < in->len) {
    size_t end = pos;
    while (end < in->len && in->data[end] != '\n' && in->data[end] != '\r') end++;
    r->line++;
    juru_error err = {0};
    juru_status st = juru_segment(ab, &so, in->data + pos, end - pos,
                                  on_sentence, r, &err);
    if (st == JURU_OK) st = juru_writer_line_end(r->writer);
    if (st != JURU_OK) {
      if (r->st == JURU_EIO || st == JURU_EIO) {
        cli_warn("translate: cannot write the output");
        return EXIT_IOERR;
      }
      cli_warn("translate: line %zu: %s", r->line,
               juru_strerror(r->st != JURU_OK ? r->st : st));
      return EXIT_SOFTWARE;
    }
    if (end < in->len && in->data[end] == '\r' && end + 1 < in->len &&
        in->data[end + 1] == '\n')
      end++;
    pos = end + 1;
    r->prog->done = pos;
    progress_show(r->prog, 0);
  }
  return 0;
}

/* ---- through a translation server ----------------------------------------- */

typedef struct sentence_ref {
  size_t line, index, start, len;
} sentence_ref;

typedef struct collected {
  sentence_ref *s;
  size_t n, cap, line, base;
} collected;

static int collect_sentence(const juru_sentence *s, void *ud) {
  collected *c = ud;
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 256;
    sentence_ref *p = realloc(c->s, cap * sizeof *p);
    if (!p) return 1;
    c->s = p;
    c->cap = cap;
  }
  sentence_ref r = {c->line, s->index, c->base + s->start, s->len};
  c->s[c->n++] = r;
  return 0;
}

/* Every sentence with its line, so that the writer can keep the lines. */
static int collect_all(const input *in, const juru_abbrevs *ab, collected *c) {
  size_t pos = in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  while (pos < in->len) {
    size_t end = pos;
    while (end < in->len && in->data[end] != '\n' && in->data[end] != '\r') end++;
    c->line++;
    c->base = pos;
    if (juru_segment(ab, NULL, in->data + pos, end - pos, collect_sentence, c,
                     NULL) != JURU_OK)
      return EXIT_SOFTWARE;
    if (end < in->len && in->data[end] == '\r' && end + 1 < in->len &&
        in->data[end + 1] == '\n')
      end++;
    pos = end + 1;
  }
  return 0;
}

static void log_line(const char *line, void *ud) {
  (void)ud;
  cli_warn("%s", line);
}

static int make_backend_options(const options *o, juru_backend_options *bo,
                                juru_tm **tm) {
  memset(bo, 0, sizeof *bo);
  const cli_backend_config *c = &o->backend;
  int rc = cli_config_check_backend(c, "translate");
  if (rc) return rc;
  bo->name = c->backend;
  bo->url = c->url;
  bo->model = c->model;
  bo->key = c->key;
  bo->jobs = c->jobs ? (size_t)strtoul(c->jobs, NULL, 10) : 0;
  bo->timeout_ms = c->timeout ? (long)(strtod(c->timeout, NULL) * 1000) : 0;
  bo->connect_timeout_ms = bo->timeout_ms && bo->timeout_ms < 10000 ? bo->timeout_ms : 0;
  bo->max_retries = (unsigned)o->retries;
  bo->backoff_ms = o->retry_delay * 1000;
  bo->max_batch = (size_t)o->batch;
  if (o->no_cache) return 0;
  char *path = o->tm_path ? NULL : cli_tm_path();
  const char *p = o->tm_path ? o->tm_path : path;
  juru_error err = {0};
  if (!p) {
    cli_warn("translate: no place for the translation memory ($XDG_CACHE_HOME "
             "or $HOME); use --tm FILE or --no-cache");
    rc = EXIT_CONFIG;
  } else if (juru_tm_open(p, tm, &err) != JURU_OK) {
    cli_report(p, &err);
    rc = EXIT_CANTCREAT;
  }
  bo->tm = *tm;
  free(path);
  return rc;
}

/* A translation as the writer wants it: the English and the terms. */
static void as_translation(const juru_backend_item *it, const juru_match *m,
                           size_t nm, const juru_glossary *g, juru_unit *units,
                           juru_translation *t) {
  memset(t, 0, sizeof *t);
  t->english = it->english ? it->english : "";
  t->english_len = strlen(t->english);
  t->units = units;
  for (size_t k = 0; k < nm; k++) {
    const char *en = juru_glossary_get(g, m[k].term)->target;
    const char *at = *en ? strstr(t->english, en) : NULL;
    juru_unit u = {m[k].start, m[k].end, JURU_UNIT_TERM, at ? at : t->english,
                   at ? strlen(en) : 0, m[k].term, ""};
    units[t->n_units++] = u;
  }
  t->n_terms = t->n_units;
}

static int run_backend(const options *o, const input *in,
                       const juru_abbrevs *ab, juru_morph *morph,
                       const juru_glossary *g, juru_writer *w) {
  collected c = {0};
  juru_backend_options bo;
  juru_tm *tm = NULL;
  juru_matcher *mt = NULL;
  int rc = make_backend_options(o, &bo, &tm);
  if (rc == 0) rc = collect_all(in, ab, &c);
  if (rc == 0 && juru_matcher_new(g, morph, &mt) != JURU_OK) rc = EXIT_SOFTWARE;
  juru_backend_item *items = rc == 0 ? calloc(c.n + 1, sizeof *items) : NULL;
  juru_match **matches = rc == 0 ? calloc(c.n + 1, sizeof *matches) : NULL;
  if (rc == 0 && (!items || !matches)) rc = EXIT_SOFTWARE;
  for (size_t i = 0; rc == 0 && i < c.n; i++) {
    const char *s = in->data + c.s[i].start;
    size_t k = juru_matcher_find(mt, s, c.s[i].len, NULL, 0);
    matches[i] = calloc(k + 1, sizeof **matches);
    if (!matches[i]) rc = EXIT_SOFTWARE;
    else juru_matcher_find(mt, s, c.s[i].len, matches[i], k);
    juru_backend_item it = {s, c.s[i].len, matches[i], k, NULL, 0, 0};
    items[i] = it;
  }
  juru_backend_stats stats = {0};
  if (rc == 0) {
    juru_error err = {0};
    juru_status st = juru_backend_translate(&bo, g, items, c.n, &stats,
                                            o->verbose ? log_line : NULL, NULL, &err);
    if (st != JURU_OK) {
      cli_warn("translate: %s: %s", err.source, err.text);
      size_t done = 0;
      for (size_t i = 0; i < c.n; i++) done += items[i].english != NULL;
      if (tm && done)
        cli_warn("translate: %zu of %zu sentences are done and kept in the "
                 "translation memory; run again to finish", done, c.n);
      rc = cli_exit_status(st);
    }
  }
  /* write line by line: sentences of a line, then its end */
  juru_unit *units = NULL;
  size_t line = 1;
  for (size_t i = 0; rc == 0 && i < c.n; i++) {
    while (line < c.s[i].line && rc == 0) {
      if (juru_writer_line_end(w) != JURU_OK) rc = EXIT_IOERR;
      line++;
    }
    free(units);
    units = calloc(items[i].n_terms + 1, sizeof *units);
    if (!units) {
      rc = EXIT_SOFTWARE;
      break;
    }
    juru_translation t;
    as_translation(&items[i], matches[i], items[i].n_terms, g, units, &t);
    if (juru_writer_sentence(w, c.s[i].line, c.s[i].index, in->data + c.s[i].start,
                             c.s[i].len, &t) != JURU_OK)
      rc = EXIT_IOERR;
  }
  free(units);
  for (size_t last = c.n ? c.s[c.n - 1].line : 0; rc == 0 && line <= last; line++)
    if (juru_writer_line_end(w) != JURU_OK) rc = EXIT_IOERR;
  if (rc == 0 || rc == EXIT_UNAVAILABLE)
    fprintf(stderr, "juru: %s: %zu sentences (%zu from the translation memory), "
            "%zu requests, %zu retries; terms honoured: %zu/%zu\n", bo.name, c.n,
            stats.from_tm, stats.requests, stats.retries, stats.honoured, stats.terms);
  for (size_t i = 0; items && i < c.n; i++) {
    juru_free(items[i].english);
    free(matches[i]);
  }
  free(items);
  free(matches);
  free(c.s);
  juru_matcher_free(mt);
  juru_tm_close(tm);
  return rc;
}

/* ---- glossaries ---------------------------------------------------------- */

static int extract_sentence(const juru_sentence *s, void *ud) {
  return juru_extractor_add(ud, s->text, s->len) != JURU_OK;
}

/* The user's terms first, then the article's extracted terms. */
static int build_glossary(const options *o, const input *in,
                          const juru_lexicon *lx, juru_morph *morph,
                          const juru_abbrevs *ab, juru_glossary **out) {
  juru_glossary *g = juru_glossary_new(), *found = NULL;
  if (!g) return EXIT_SOFTWARE;
  *out = g;
  for (int i = 0; i < o->nglossaries; i++) {
    juru_error err = {0};
    juru_status st = juru_glossary_load(g, o->glossaries[i], JURU_GLOSSARY_AUTO, &err);
    if (st != JURU_OK) {
      cli_report(o->glossaries[i], &err);
      return st == JURU_EIO ? EXIT_NOINPUT : EXIT_DATAERR;
    }
  }
  if (!o->auto_glossary) return 0;
  char *rules = cli_data_path(o->data_dir, "id/glossary.txt");
  juru_extract_options eo = {1, 0, 0, rules};
  juru_extractor *ex = NULL;
  int rc = 0;
  if (juru_extractor_new(lx, morph, g, &eo, &ex) != JURU_OK) {
    cli_warn("translate: cannot set up the term extractor (%s)",
             rules ? rules : "id/glossary.txt missing");
    rc = EXIT_CONFIG;
  }
  size_t skip = in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (rc == 0 && juru_segment(ab, NULL, in->data + skip, in->len - skip,
                              extract_sentence, ex, NULL) != JURU_OK)
    rc = EXIT_SOFTWARE;
  if (rc == 0 && juru_extractor_finish(ex, &found) != JURU_OK) rc = EXIT_SOFTWARE;
  for (size_t i = 0; rc == 0 && i < juru_glossary_count(found); i++)
    if (juru_glossary_add(g, juru_glossary_get(found, i)) != JURU_OK)
      rc = EXIT_SOFTWARE;
  juru_glossary_free(found);
  juru_extractor_free(ex);
  free(rules);
  return rc;
}

/* ---- options ------------------------------------------------------------- */


static int parse(int argc, char **argv, options *o) {
  const char *v;
  int rc = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      return -1;
    } else if (strcmp(a, "-f") == 0 || cli_opt(a, "--format")) {
      if (!(v = cli_opt_value(argc, argv, &i, a[1] == 'f' ? "-f" : "--format")))
        return EXIT_USAGE;
      o->format = v;
    } else if (strcmp(a, "-o") == 0 || cli_opt(a, "--output")) {
      if (!(v = cli_opt_value(argc, argv, &i, a[1] == 'o' ? "-o" : "--output")))
        return EXIT_USAGE;
      o->output = v;
    } else if (strcmp(a, "-g") == 0 || cli_opt(a, "--glossary")) {
      if (!(v = cli_opt_value(argc, argv, &i, a[1] == 'g' ? "-g" : "--glossary")))
        return EXIT_USAGE;
      o->glossaries[o->nglossaries++] = (char *)v;
    } else if (cli_opt(a, "--data-dir")) {
      if (!(o->data_dir = cli_opt_value(argc, argv, &i, "--data-dir")))
        return EXIT_USAGE;
    } else if (cli_backend_flag(argc, argv, &i, &o->backend, &rc)) {
      if (rc) return rc;
    } else if (cli_opt(a, "--retries") || cli_opt(a, "--batch")) {
      int retries = cli_opt(a, "--retries");
      if (!(v = cli_opt_value(argc, argv, &i, retries ? "--retries" : "--batch")))
        return EXIT_USAGE;
      char *end;
      long n = strtol(v, &end, 10);
      if (*end || end == v || n < 1) {
        cli_warn("translate: %s needs a positive number", retries ? "--retries" : "--batch");
        return EXIT_USAGE;
      }
      if (retries) o->retries = n;
      else o->batch = n;
    } else if (cli_opt(a, "--retry-delay")) {
      if (!(v = cli_opt_value(argc, argv, &i, "--retry-delay"))) return EXIT_USAGE;
      char *end;
      double secs = strtod(v, &end);
      if (*end || end == v || !(secs > 0 && secs <= 3600)) {
        cli_warn("translate: --retry-delay needs seconds, more than 0 and at most 3600");
        return EXIT_USAGE;
      }
      o->retry_delay = secs;
    } else if (cli_opt(a, "--tm")) {
      if (!(o->tm_path = cli_opt_value(argc, argv, &i, "--tm"))) return EXIT_USAGE;
    } else if (strcmp(a, "--no-cache") == 0) {
      o->no_cache = 1;
    } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
      o->verbose = 1;
    } else if (cli_opt(a, "--key") || cli_opt(a, "--api-key")) {
      cli_warn("translate: keys are not taken from the command line (others "
               "can read it); use DEEPL_AUTH_KEY, GOOGLE_API_KEY, "
               "OPENAI_API_KEY or the config file");
      return EXIT_USAGE;
    } else if (cli_opt(a, "--weights")) {
      if (!(v = cli_opt_value(argc, argv, &i, "--weights"))) return EXIT_USAGE;
      if (!cli_parse_weights(v, o->weights)) {
        cli_warn("translate: --weights takes %d comma-separated numbers (see "
                 "'juru train --help')", JURU_N_WEIGHTS);
        return EXIT_USAGE;
      }
      o->has_weights = 1;
    } else if (strcmp(a, "--no-model") == 0) {
      o->no_model = 1;
    } else if (strcmp(a, "--no-auto-glossary") == 0) {
      o->auto_glossary = 0;
    } else if (strcmp(a, "--explain") == 0) {
      o->format = "explain";
    } else if (strcmp(a, "--lossy") == 0) {
      o->lossy = 1;
    } else if (strcmp(a, "--progress") == 0) {
      o->progress = 1;
    } else if (strcmp(a, "--no-progress") == 0) {
      o->progress = 0;
    } else if (a[0] == '-' && a[1] != '\0') {
      cli_warn("translate: unknown option '%s' (see 'juru translate --help')", a);
      return EXIT_USAGE;
    } else if (o->input) {
      cli_warn("translate: one input file at a time ('%s' and '%s')", o->input, a);
      return EXIT_USAGE;
    } else {
      o->input = a;
    }
  }
  if (!o->input) o->input = "-";
  return 0;
}

static int write_out(const char *data, size_t len, void *ud) {
  return fwrite(data, 1, len, ud) != len;
}

static int open_translator(const options *o, const juru_lexicon *lx,
                           juru_morph *morph, const juru_abbrevs *ab,
                           juru_translator **tr) {
  char *rules = cli_data_path(o->data_dir, "id/transfer.txt");
  char *english = cli_data_path(o->data_dir, "en/verb.exc");
  int rc = 0;
  if (!rules || !english) {
    cli_warn("translate: dictionaries missing (id/transfer.txt, en/verb.exc)");
    rc = EXIT_CONFIG;
  } else {
    english[strlen(english) - strlen("/verb.exc")] = '\0';
    juru_translator_files files = {rules, english};
    juru_error err = {0};
    if (juru_translator_new(lx, morph, ab, &files, tr, &err) != JURU_OK) {
      cli_report(rules, &err);
      rc = EXIT_CONFIG;
    }
  }
  free(rules);
  free(english);
  return rc;
}

int cmd_translate(int argc, char **argv) {
  options o = {0};
  o.auto_glossary = 1;
  o.progress = -1;
  o.format = "text";
  o.glossaries = calloc((size_t)argc + 1, sizeof *o.glossaries);
  if (!o.glossaries) return EXIT_SOFTWARE;
  int rc = parse(argc, argv, &o);
  if (rc < 0) {
    free(o.glossaries);
    cli_config_free(&o.backend);
    return 0;
  }
  juru_format fmt = JURU_FORMAT_TEXT;
  if (rc == 0 && !juru_format_named(o.format, &fmt)) {
    cli_warn("translate: unknown format '%s' (text, bilingual, tsv, jsonl, md, "
             "tmx, xliff, explain)", o.format);
    rc = EXIT_USAGE;
  }
  input in = {0};
  juru_abbrevs *ab = NULL;
  juru_lexicon *lx = NULL;
  juru_morph *morph = NULL;
  juru_glossary *g = NULL;
  juru_translator *tr = NULL;
  juru_model *model = NULL;
  juru_writer *w = NULL;
  if (rc == 0) rc = cli_config_resolve(&o.backend);
  if (rc == 0) rc = read_input(&o, &in);
  if (rc == 0) rc = cli_load_abbrevs(NULL, o.data_dir, &ab);
  if (rc == 0) rc = cli_load_lexicon(o.data_dir, &lx);
  if (rc == 0) rc = cli_load_morph(o.data_dir, NULL, &morph);
  int offline = !o.backend.backend; /* a server needs no offline engine */
  if (rc == 0 && offline) rc = open_translator(&o, lx, morph, ab, &tr);
  /* offline, --model names a model file; with a server, the server's model */
  const char *model_file = o.backend.model_from && !strcmp(o.backend.model_from, "flag")
                               ? o.backend.model : NULL;
  if (rc == 0 && offline && !o.no_model) rc = cli_load_model(model_file, &model);
  if (rc == 0 && model && o.has_weights) juru_model_set_weights(model, o.weights);
  if (rc == 0 && offline) juru_translator_set_model(tr, model);
  if (rc == 0) rc = build_glossary(&o, &in, lx, morph, ab, &g);
  if (rc == 0 && offline && juru_translator_set_glossary(tr, g) != JURU_OK)
    rc = EXIT_SOFTWARE;
  cli_output out;
  int opened = 0;
  if (rc == 0) {
    rc = cli_output_open(&out, o.output);
    opened = rc == 0;
  }
  if (rc == 0 && juru_writer_new(fmt, o.input, g, write_out, out.fp, &w) != JURU_OK)
    rc = EXIT_IOERR;
  progress prog = {0, in.len, 0, 0};
  prog.on = o.progress == 1 || (o.progress == -1 && isatty(STDERR_FILENO) &&
                                in.len > (64u << 10));
  if (rc == 0 && !offline) {
    rc = run_backend(&o, &in, ab, morph, g, w);
  } else if (rc == 0) {
    run r = {tr, w, 0, JURU_OK, &prog};
    rc = translate_lines(&in, ab, &r);
    progress_show(&prog, 1);
  }
  if (rc == 0 && juru_writer_finish(w) != JURU_OK) rc = EXIT_IOERR;
  if (opened) {
    int rc2 = cli_output_close(&out, rc == 0);
    if (rc == 0) rc = rc2;
  }
  juru_writer_free(w);
  juru_translator_free(tr);
  juru_model_free(model);
  juru_glossary_free(g);
  juru_morph_free(morph);
  juru_lexicon_free(lx);
  juru_abbrevs_free(ab);
  free(in.data);
  free(o.glossaries);
  cli_config_free(&o.backend);
  return rc;
}
