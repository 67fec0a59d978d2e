/* juru translate: English for Indonesian text, offline. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
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
    "Exit status: 0 ok, 64 usage, 65 input is not valid text, 66 input cannot\n"
    "be opened, 73/74 output cannot be written, 78 dictionaries missing.\n";

#define MAX_INPUT ((size_t)1 << 31)

typedef struct options {
  const char *input, *output, *data_dir, *format;
  char **glossaries;
  int nglossaries, auto_glossary, lossy, progress;
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
  juru_writer *w = NULL;
  if (rc == 0) rc = read_input(&o, &in);
  if (rc == 0) rc = cli_load_abbrevs(NULL, o.data_dir, &ab);
  if (rc == 0) rc = cli_load_lexicon(o.data_dir, &lx);
  if (rc == 0) rc = cli_load_morph(o.data_dir, NULL, &morph);
  if (rc == 0) rc = open_translator(&o, lx, morph, ab, &tr);
  if (rc == 0) rc = build_glossary(&o, &in, lx, morph, ab, &g);
  if (rc == 0 && juru_translator_set_glossary(tr, g) != JURU_OK) rc = EXIT_SOFTWARE;
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
  if (rc == 0) {
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
  juru_glossary_free(g);
  juru_morph_free(morph);
  juru_lexicon_free(lx);
  juru_abbrevs_free(ab);
  free(in.data);
  free(o.glossaries);
  return rc;
}
