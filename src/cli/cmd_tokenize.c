/* juru tokenize: the tokens of each sentence, one per line:
 * START<TAB>END<TAB>TYPE<TAB>TEXT, with byte offsets into the input and a
 * blank line after each sentence. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: juru tokenize [OPTIONS] [FILE...]\n"
    "Split Indonesian text into sentences and tokens.  Prints one token per\n"
    "line: START<TAB>END<TAB>TYPE<TAB>TEXT (byte offsets into the input),\n"
    "a blank line after each sentence.  Types: word, number, url, email,\n"
    "hashtag, mention, abbrev, punct, symbol.\n"
    "\n"
    "Options:\n"
    "      --lossy           replace invalid UTF-8 and NUL bytes with U+FFFD\n"
    "      --abbreviations FILE, --data-dir DIR   as for 'juru segment'\n"
    "  -h, --help            show this help\n";

typedef struct tok_run {
  const juru_abbrevs *ab;
  FILE *fp;
} tok_run;

static int on_sentence(const juru_sentence *s, void *ud) {
  tok_run *r = ud;
  size_t pos = 0;
  juru_token t;
  while (juru_token_next(r->ab, s->text, s->len, &pos, &t)) {
    fprintf(r->fp, "%zu\t%zu\t%s\t", s->start + t.start, s->start + t.end,
            juru_token_type_name(t.type));
    fwrite(s->text + t.start, 1, t.end - t.start, r->fp);
    fputc('\n', r->fp);
  }
  fputc('\n', r->fp);
  return ferror(r->fp) ? 1 : 0;
}

int cmd_tokenize(int argc, char **argv) {
  const char *abbrev_file = NULL, *data_dir = NULL;
  juru_segment_options opt = {0, 0};
  int first_file = argc;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      return 0;
    } else if (strcmp(a, "--lossy") == 0) {
      opt.flags |= JURU_SEGMENT_LOSSY;
    } else if (cli_opt(a, "--abbreviations")) {
      if (!(abbrev_file = cli_opt_value(argc, argv, &i, "--abbreviations")))
        return EXIT_USAGE;
    } else if (cli_opt(a, "--data-dir")) {
      if (!(data_dir = cli_opt_value(argc, argv, &i, "--data-dir")))
        return EXIT_USAGE;
    } else if (a[0] == '-' && a[1] != '\0') {
      cli_warn("tokenize: unknown option '%s' (see 'juru tokenize --help')",
               a);
      return EXIT_USAGE;
    } else {
      first_file = i;
      break;
    }
  }
  juru_abbrevs *ab = NULL;
  int rc = cli_load_abbrevs(abbrev_file, data_dir, &ab);
  tok_run r = {ab, stdout};
  char *stdin_only[] = {"-"};
  char **files = first_file < argc ? argv + first_file : stdin_only;
  int nfiles = first_file < argc ? argc - first_file : 1;
  for (int k = 0; k < nfiles && rc == 0; k++)
    rc = cli_segment_file(files[k], ab, &opt, on_sentence, &r);
  if (cli_stdout_check() && rc == 0) rc = EXIT_IOERR;
  juru_abbrevs_free(ab);
  return rc;
}
