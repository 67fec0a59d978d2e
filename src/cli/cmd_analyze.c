/* juru analyze: one word per line in, one lemma per line out; with
 * --details, the whole analysis as TSV. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: juru analyze [OPTIONS] [FILE...]\n"
    "Morphological analysis of Indonesian words, one word per input line.\n"
    "Prints one lemma (root) per line: menyerukan -> seru, kamp-kamp -> kamp.\n"
    "\n"
    "Options:\n"
    "  -d, --details     print WORD<TAB>LEMMA<TAB>AFFIXES<TAB>MEANING instead\n"
    "  -r, --root        the innermost root, as a stemmer gives it (belajar ->\n"
    "                    ajar), instead of the lemma a treebank gives\n"
    "                    (belajar); for search and indexing\n"
    "      --lemmas FILE   word-form lemma table to use instead of the\n"
    "                    dictionaries' id/lemmas-ud.tsv (for evaluation)\n"
    "      --data-dir DIR  where the dictionaries are\n"
    "  -h, --help        show this help\n";

typedef struct analyze_run {
  juru_morph *morph;
  int details;
  int root; /* --root: stems, not lemmas */
  FILE *fp;
  char *line;
  size_t len, cap;
  size_t lineno;
} analyze_run;

static void analyze(analyze_run *r, const char *w, size_t n,
                    juru_analysis *a) {
  if (r->root) juru_morph_root(r->morph, w, n, a);
  else juru_morph_analyze(r->morph, w, n, a);
}

static void emit_line(analyze_run *r) {
  size_t n = r->len;
  if (n && r->line[n - 1] == '\r') n--;
  while (n && (r->line[n - 1] == ' ' || r->line[n - 1] == '\t')) n--;
  size_t start = 0;
  while (start < n && (r->line[start] == ' ' || r->line[start] == '\t'))
    start++;
  if (start == n) {
    fputc('\n', r->fp);
    return;
  }
  juru_analysis a;
  if (!r->details) {
    /* several words on a line: their lemmas, space-separated */
    const char *p = r->line + start, *end = r->line + n;
    while (p < end) {
      const char *sp = p;
      while (sp < end && *sp != ' ' && *sp != '\t') sp++;
      analyze(r, p, (size_t)(sp - p), &a);
      fputs(a.lemma, r->fp);
      while (sp < end && (*sp == ' ' || *sp == '\t')) sp++;
      if (sp < end) fputc(' ', r->fp);
      p = sp;
    }
    fputc('\n', r->fp);
    return;
  }
  analyze(r, r->line + start, n - start, &a);
  char aff[512];
  cli_format_affixes(&a, aff, sizeof aff);
  fprintf(r->fp, "%s\t%s\t%s\t", a.word, a.lemma, aff);
  cli_print_meanings(r->fp, r->morph, &a);
  fputc('\n', r->fp);
}

static juru_status feed(const char *data, size_t len, void *ud,
                        juru_error *err) {
  analyze_run *r = ud;
  for (size_t i = 0; i < len; i++) {
    if (data[i] == '\n') {
      r->lineno++;
      if (juru_utf8_check(r->line, r->len, err) != JURU_OK) {
        err->line = r->lineno; /* the file's line, not the word's */
        return err->status;
      }
      emit_line(r);
      r->len = 0;
      continue;
    }
    if (r->len + 1 >= r->cap) {
      size_t cap = r->cap ? r->cap * 2 : 256;
      if (cap > (1u << 20)) {
        snprintf(err->text, sizeof err->text, "line longer than 1 MiB");
        err->status = JURU_ETOOBIG;
        return JURU_ETOOBIG;
      }
      char *p = realloc(r->line, cap);
      if (!p) return JURU_ENOMEM;
      r->line = p;
      r->cap = cap;
    }
    r->line[r->len++] = data[i];
  }
  return JURU_OK;
}

int cmd_analyze(int argc, char **argv) {
  const char *data_dir = NULL, *lemmas = NULL;
  analyze_run r = {0};
  r.fp = stdout;
  int first = argc;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      return 0;
    } else if (strcmp(a, "-d") == 0 || strcmp(a, "--details") == 0) {
      r.details = 1;
    } else if (strcmp(a, "-r") == 0 || strcmp(a, "--root") == 0) {
      r.root = 1;
    } else if (cli_opt(a, "--data-dir")) {
      if (!(data_dir = cli_opt_value(argc, argv, &i, "--data-dir")))
        return EXIT_USAGE;
    } else if (cli_opt(a, "--lemmas")) {
      if (!(lemmas = cli_opt_value(argc, argv, &i, "--lemmas")))
        return EXIT_USAGE;
    } else if (a[0] == '-' && a[1] != '\0') {
      cli_warn("analyze: unknown option '%s' (see 'juru analyze --help')", a);
      return EXIT_USAGE;
    } else {
      first = i;
      break;
    }
  }
  int rc = cli_load_morph(data_dir, lemmas, &r.morph);
  char *stdin_only[] = {"-"};
  char **files = first < argc ? argv + first : stdin_only;
  int nfiles = first < argc ? argc - first : 1;
  for (int k = 0; k < nfiles && rc == 0; k++) {
    juru_error err = {0};
    juru_status st;
    r.len = r.lineno = 0;
    rc = cli_stream_file(files[k], feed, &r, &err, &st);
    if (rc == 0 && r.len) {
      if (juru_utf8_check(r.line, r.len, &err) != JURU_OK) {
        err.line = r.lineno + 1;
        cli_report(strcmp(files[k], "-") ? files[k] : "<stdin>", &err);
        rc = EXIT_DATAERR;
      } else {
        emit_line(&r);
      }
    }
  }
  if (cli_stdout_check() && rc == 0) rc = EXIT_IOERR;
  free(r.line);
  juru_morph_free(r.morph);
  return rc;
}
