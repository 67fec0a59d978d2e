/* juru segment: one sentence per line, or JSON lines with offsets. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: juru segment [OPTIONS] [FILE...]\n"
    "Split Indonesian text into sentences.  With no FILE, or FILE '-', read\n"
    "standard input.\n"
    "\n"
    "Output (text): one sentence per line, a blank line between paragraphs.\n"
    "Every line break of the input ends a paragraph (see --wrapped).\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT   text (default) or jsonl: one object per sentence,\n"
    "                        {\"para\":0,\"sent\":0,\"start\":0,\"end\":42,\"text\":\"...\"}\n"
    "                        with byte offsets [start, end) into the input\n"
    "                        (and \"file\" when several files are given)\n"
    "  -o, --output FILE     write to FILE, atomically (complete or not at all)\n"
    "      --lossy           replace invalid UTF-8 and NUL bytes with U+FFFD\n"
    "                        instead of stopping with an error\n"
    "      --wrapped         hard-wrapped text: single line breaks are spaces,\n"
    "                        blank lines separate paragraphs\n"
    "      --normalize       print sentences normalised: curly quotes, dashes,\n"
    "                        ellipses to ASCII, spaces folded, NFC\n"
    "      --max-sentence N  cut sentences longer than N bytes (default 1 MiB)\n"
    "      --abbreviations FILE  abbreviation list to use instead of the\n"
    "                        dictionaries' id/abbreviations.txt\n"
    "      --data-dir DIR    where the dictionaries are\n"
    "  -h, --help            show this help\n"
    "\n"
    "Exit status: 0 success, 64 usage, 65 invalid input (bad UTF-8, NUL,\n"
    "UTF-16), 66 unreadable input, 73/74 output errors, 78 bad dictionaries.\n";

typedef struct seg_run {
  FILE *fp;
  int jsonl;
  int normalize;
  const char *file; /* named in JSON when several files are given */
  size_t last_para;
  int any;
} seg_run;

/* Text output keeps each sentence on one line: the line breaks inside a
 * wrapped paragraph become spaces. */
static void write_one_line(FILE *fp, const char *s, size_t len) {
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] != '\n' && s[i] != '\r') continue;
    fwrite(s + run, 1, i - run, fp);
    if (i == 0 || (s[i - 1] != '\r' && s[i - 1] != '\n')) fputc(' ', fp);
    run = i + 1;
  }
  fwrite(s + run, 1, len - run, fp);
}

static int on_sentence(const juru_sentence *s, void *ud) {
  seg_run *r = ud;
  const char *text = s->text;
  size_t len = s->len;
  char *norm = NULL;
  if (r->normalize &&
      juru_normalize(s->text, s->len, JURU_NORM_DEFAULT, &norm, &len, NULL) ==
          JURU_OK)
    text = norm;
  else
    len = s->len;
  if (r->jsonl) {
    fprintf(r->fp, "{");
    if (r->file) {
      fprintf(r->fp, "\"file\":");
      cli_json_string(r->fp, r->file, strlen(r->file));
      fputc(',', r->fp);
    }
    fprintf(r->fp, "\"para\":%zu,\"sent\":%zu,\"start\":%zu,\"end\":%zu,",
            s->para, s->index, s->start, s->end);
    if (s->flags & JURU_SENTENCE_CUT) fprintf(r->fp, "\"cut\":true,");
    fprintf(r->fp, "\"text\":");
    cli_json_string(r->fp, text, len);
    fputs("}\n", r->fp);
  } else {
    if (r->any && s->para != r->last_para) fputc('\n', r->fp);
    write_one_line(r->fp, text, len);
    fputc('\n', r->fp);
  }
  r->any = 1;
  r->last_para = s->para;
  juru_free(norm);
  return ferror(r->fp) ? 1 : 0;
}

static int segment_file(const char *path, const juru_abbrevs *ab,
                        const juru_segment_options *opt, seg_run *r) {
  /* paragraphs of the next file start after a blank line */
  if (r->any) r->last_para = (size_t)-1;
  return cli_segment_file(path, ab, opt, on_sentence, r);
}

int cmd_segment(int argc, char **argv) {
  const char *format = "text", *output = NULL, *abbrev_file = NULL,
             *data_dir = NULL;
  juru_segment_options opt = {0, 0};
  seg_run r = {0};
  int nfiles = 0;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  if (!files) return EXIT_SOFTWARE;
  int rc = 0;
  for (int i = 1; i < argc && rc == 0; i++) {
    const char *a = argv[i], *v = NULL;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      free(files);
      return 0;
    } else if (strcmp(a, "-f") == 0 || cli_opt(a, "--format")) {
      if (!(v = cli_opt_value(argc, argv, &i, a[1] == 'f' ? "-f" : "--format")))
        rc = EXIT_USAGE;
      else format = v;
    } else if (strcmp(a, "-o") == 0 || cli_opt(a, "--output")) {
      if (!(v = cli_opt_value(argc, argv, &i, a[1] == 'o' ? "-o" : "--output")))
        rc = EXIT_USAGE;
      else output = v;
    } else if (strcmp(a, "--lossy") == 0) {
      opt.flags |= JURU_SEGMENT_LOSSY;
    } else if (strcmp(a, "--wrapped") == 0) {
      opt.flags |= JURU_SEGMENT_WRAPPED;
    } else if (strcmp(a, "--normalize") == 0) {
      r.normalize = 1;
    } else if (cli_opt(a, "--max-sentence")) {
      char *end;
      if (!(v = cli_opt_value(argc, argv, &i, "--max-sentence"))) {
        rc = EXIT_USAGE;
      } else {
        unsigned long long n = strtoull(v, &end, 10);
        if (*end || n < 16) {
          cli_warn("--max-sentence needs a number of bytes >= 16");
          rc = EXIT_USAGE;
        }
        opt.max_sentence = (size_t)n;
      }
    } else if (cli_opt(a, "--abbreviations")) {
      if (!(abbrev_file = cli_opt_value(argc, argv, &i, "--abbreviations")))
        rc = EXIT_USAGE;
    } else if (cli_opt(a, "--data-dir")) {
      if (!(data_dir = cli_opt_value(argc, argv, &i, "--data-dir")))
        rc = EXIT_USAGE;
    } else if (strcmp(a, "--") == 0) {
      while (++i < argc) files[nfiles++] = argv[i];
    } else if (a[0] == '-' && a[1] != '\0') {
      cli_warn("segment: unknown option '%s' (see 'juru segment --help')", a);
      rc = EXIT_USAGE;
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (rc == 0 && strcmp(format, "text") != 0 && strcmp(format, "jsonl") != 0) {
    cli_warn("segment: unknown format '%s' (text or jsonl)", format);
    rc = EXIT_USAGE;
  }
  if (rc) {
    free(files);
    return rc;
  }
  if (nfiles == 0) files[nfiles++] = "-";
  r.jsonl = strcmp(format, "jsonl") == 0;
  juru_abbrevs *ab = NULL;
  rc = cli_load_abbrevs(abbrev_file, data_dir, &ab);
  cli_output out;
  if (rc == 0) rc = cli_output_open(&out, output);
  if (rc == 0) {
    r.fp = out.fp;
    for (int k = 0; k < nfiles && rc == 0; k++) {
      r.file = nfiles > 1 ? files[k] : NULL;
      rc = segment_file(files[k], ab, &opt, &r);
    }
    int rc2 = cli_output_close(&out, rc == 0);
    if (rc == 0) rc = rc2;
  }
  juru_abbrevs_free(ab);
  free(files);
  return rc;
}
