/* juru glossary: an article's key terms with their English, in the format
 * a translator's tools read. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: juru glossary [OPTIONS] FILE...\n"
    "List the key terms of Indonesian articles (names, organisations, places,\n"
    "roles, multi-word terms) with their English, one glossary over all FILEs\n"
    "('-' is standard input).\n"
    "\n"
    "Options:\n"
    "  -f, --format F        table (default), tsv, csv, json, md, tbx (TBX-Basic\n"
    "                        v3), tbx2 (TBX 2 martif, for OmegaT), omegat (.utf8\n"
    "                        TSV), deepl (two-column TSV)\n"
    "      --full            add category, frequency, origin and context\n"
    "                        columns (tsv, csv, json, md)\n"
    "  -g, --glossary FILE   your glossary (tsv, csv, json, tbx); its terms\n"
    "                        win; repeat to stack, the first one first\n"
    "      --min-freq N      only terms seen at least N times (default 1)\n"
    "      --max N           at most N terms (default: all)\n"
    "      --categories LIST person,org,place,role,term (name = person)\n"
    "  -o, --output FILE     write to FILE atomically\n"
    "      --data-dir DIR    where the dictionaries are\n"
    "  -h, --help            show this help\n";

static int on_sentence(const juru_sentence *s, void *ud) {
  return juru_extractor_add(ud, s->text, s->len) != JURU_OK;
}

static int parse_categories(const char *list, unsigned *out) {
  *out = 0;
  const char *p = list;
  while (*p) {
    size_t n = strcspn(p, ",");
    static const struct {
      const char *name;
      juru_term_category c;
    } names[] = {{"person", JURU_TERM_PERSON}, {"name", JURU_TERM_PERSON},
                 {"org", JURU_TERM_ORG},       {"organisation", JURU_TERM_ORG},
                 {"place", JURU_TERM_PLACE},   {"role", JURU_TERM_ROLE},
                 {"term", JURU_TERM_TERM}};
    int ok = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
      if (strlen(names[i].name) == n && strncmp(p, names[i].name, n) == 0) {
        *out |= 1u << names[i].c;
        ok = 1;
      }
    if (!ok) return 0;
    p += n + (p[n] == ',');
  }
  return 1;
}

/* Columns on a terminal count characters, not bytes. */
static size_t width(const char *s) {
  size_t w = 0;
  for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
  return w;
}

static void pad(FILE *fp, const char *s, size_t to) {
  fputs(s, fp);
  for (size_t w = width(s); w < to; w++) fputc(' ', fp);
}

/* The default: an aligned table for reading in a terminal. */
static void write_table(FILE *fp, const juru_glossary *g) {
  size_t w = 10, we = 10;
  for (size_t i = 0; i < juru_glossary_count(g); i++) {
    const juru_term *t = juru_glossary_get(g, i);
    size_t n = width(t->source), e = width(t->target);
    if (n > w && n < 48) w = n;
    if (e > we && e < 48) we = e;
  }
  for (size_t i = 0; i < juru_glossary_count(g); i++) {
    const juru_term *t = juru_glossary_get(g, i);
    pad(fp, t->source, w + 2);
    pad(fp, t->target, we + 2);
    fprintf(fp, "%-6s %3zu  %s\n", juru_term_category_name(t->category),
            t->frequency, juru_term_origin_name(t->origin));
  }
}

static int load_user(juru_glossary *user, char **files, int n) {
  for (int i = 0; i < n; i++) {
    juru_error err = {0};
    juru_status st = juru_glossary_load(user, files[i], JURU_GLOSSARY_AUTO, &err);
    if (st != JURU_OK) {
      cli_report(files[i], &err);
      return st == JURU_EIO ? EXIT_NOINPUT : EXIT_DATAERR;
    }
  }
  return 0;
}

int cmd_glossary(int argc, char **argv) {
  const char *format = "table", *output = NULL, *data_dir = NULL;
  juru_extract_options opt = {0, 0, 0, NULL};
  int full = 0, nfiles = 0, nuser = 0, rc = 0;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  char **user_files = calloc((size_t)argc + 1, sizeof *user_files);
  if (!files || !user_files) return EXIT_SOFTWARE;
  for (int i = 1; i < argc && rc == 0; i++) {
    const char *a = argv[i], *v;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      free(files);
      free(user_files);
      return 0;
    } else if (strcmp(a, "-f") == 0 || cli_opt(a, "--format")) {
      if (!(v = cli_opt_value(argc, argv, &i, a[1] == 'f' ? "-f" : "--format")))
        rc = EXIT_USAGE;
      else format = v;
    } else if (strcmp(a, "-o") == 0 || cli_opt(a, "--output")) {
      if (!(v = cli_opt_value(argc, argv, &i, a[1] == 'o' ? "-o" : "--output")))
        rc = EXIT_USAGE;
      else output = v;
    } else if (strcmp(a, "-g") == 0 || cli_opt(a, "--glossary")) {
      if (!(v = cli_opt_value(argc, argv, &i, a[1] == 'g' ? "-g" : "--glossary")))
        rc = EXIT_USAGE;
      else user_files[nuser++] = (char *)v;
    } else if (strcmp(a, "--full") == 0) {
      full = 1;
    } else if (cli_opt(a, "--min-freq") || cli_opt(a, "--max")) {
      int is_min = a[2] == 'm' && a[3] == 'i';
      char *end;
      if (!(v = cli_opt_value(argc, argv, &i, is_min ? "--min-freq" : "--max"))) {
        rc = EXIT_USAGE;
      } else {
        unsigned long n = strtoul(v, &end, 10);
        if (*end || !*v) {
          cli_warn("glossary: %s needs a number", is_min ? "--min-freq" : "--max");
          rc = EXIT_USAGE;
        } else if (is_min) {
          opt.min_frequency = n;
        } else {
          opt.max_terms = n;
        }
      }
    } else if (cli_opt(a, "--categories")) {
      if (!(v = cli_opt_value(argc, argv, &i, "--categories"))) rc = EXIT_USAGE;
      else if (!parse_categories(v, &opt.categories)) {
        cli_warn("glossary: unknown category in '%s' (person, org, place, "
                 "role, term)", v);
        rc = EXIT_USAGE;
      }
    } else if (cli_opt(a, "--data-dir")) {
      if (!(data_dir = cli_opt_value(argc, argv, &i, "--data-dir")))
        rc = EXIT_USAGE;
    } else if (a[0] == '-' && a[1] != '\0') {
      cli_warn("glossary: unknown option '%s' (see 'juru glossary --help')", a);
      rc = EXIT_USAGE;
    } else {
      files[nfiles++] = argv[i];
    }
  }
  juru_glossary_format fmt = juru_glossary_format_named(format);
  if (rc == 0 && strcmp(format, "table") != 0 && fmt == JURU_GLOSSARY_AUTO) {
    cli_warn("glossary: unknown format '%s'", format);
    rc = EXIT_USAGE;
  }
  if (rc == 0 && nfiles == 0) files[nfiles++] = "-";
  juru_abbrevs *ab = NULL;
  juru_lexicon *lx = NULL;
  juru_morph *morph = NULL;
  juru_glossary *user = juru_glossary_new(), *result = NULL;
  char *rules = NULL;
  if (rc == 0 && !user) rc = EXIT_SOFTWARE;
  if (rc == 0) rc = cli_load_abbrevs(NULL, data_dir, &ab);
  if (rc == 0) rc = cli_load_lexicon(data_dir, &lx);
  if (rc == 0) rc = cli_load_morph(data_dir, NULL, &morph);
  if (rc == 0) rc = load_user(user, user_files, nuser);
  if (rc == 0) {
    rules = cli_data_path(data_dir, "id/glossary.txt");
    opt.rules = rules;
  }
  juru_extractor *ex = NULL;
  if (rc == 0 && juru_extractor_new(lx, morph, user, &opt, &ex) != JURU_OK) {
    cli_warn("glossary: cannot set up the extractor (%s)",
             rules ? rules : "id/glossary.txt missing");
    rc = EXIT_CONFIG;
  }
  for (int k = 0; k < nfiles && rc == 0; k++)
    rc = cli_segment_file(files[k], ab, NULL, on_sentence, ex);
  if (rc == 0 && juru_extractor_finish(ex, &result) != JURU_OK)
    rc = EXIT_SOFTWARE;
  cli_output out;
  if (rc == 0) rc = cli_output_open(&out, output);
  if (rc == 0) {
    if (strcmp(format, "table") == 0) {
      write_table(out.fp, result);
    } else {
      char *text = NULL;
      size_t len = 0;
      juru_error err = {0};
      if (juru_glossary_write(result, fmt, full, &text, &len, &err) == JURU_OK)
        fwrite(text, 1, len, out.fp);
      else
        rc = EXIT_SOFTWARE;
      juru_free(text);
    }
    int rc2 = cli_output_close(&out, rc == 0);
    if (rc == 0) rc = rc2;
  }
  juru_extractor_free(ex);
  juru_glossary_free(result);
  juru_glossary_free(user);
  juru_morph_free(morph);
  juru_lexicon_free(lx);
  juru_abbrevs_free(ab);
  free(rules);
  free(files);
  free(user_files);
  return rc;
}
