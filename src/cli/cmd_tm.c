/* juru tm: the translation memory — export as TMX, import a TMX file. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: juru tm export [--tm FILE] [-o OUT.tmx]\n"
    "       juru tm import [--tm FILE] [--backend NAME] [--model M] FILE.tmx\n"
    "       juru tm count [--tm FILE]\n"
    "The translation memory holds every sentence a translation server has\n"
    "translated (default $XDG_CACHE_HOME/juru/tm.sqlite).  Imported pairs\n"
    "serve the backend named (default libretranslate) as if it had made them.\n";

int cmd_tm(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
    fputs(usage, argc < 2 ? stderr : stdout);
    return argc < 2 ? EXIT_USAGE : 0;
  }
  const char *action = argv[1], *tm_path = NULL, *output = NULL, *file = NULL;
  const char *backend = "libretranslate", *model = "";
  int rc = 0;
  for (int i = 2; i < argc && rc == 0; i++) {
    const char *a = argv[i], *v = NULL;
    if (cli_opt(a, "--tm")) {
      if (!(v = cli_opt_value(argc, argv, &i, "--tm"))) rc = EXIT_USAGE;
      tm_path = v;
    } else if (strcmp(a, "-o") == 0 || cli_opt(a, "--output")) {
      if (!(v = cli_opt_value(argc, argv, &i, a[1] == 'o' ? "-o" : "--output"))) rc = EXIT_USAGE;
      output = v;
    } else if (cli_opt(a, "--backend")) {
      if (!(v = cli_opt_value(argc, argv, &i, "--backend"))) rc = EXIT_USAGE;
      backend = v;
    } else if (cli_opt(a, "--model")) {
      if (!(v = cli_opt_value(argc, argv, &i, "--model"))) rc = EXIT_USAGE;
      model = v;
    } else if (a[0] == '-' && a[1]) {
      cli_warn("tm: unknown option '%s'", a);
      rc = EXIT_USAGE;
    } else {
      file = a;
    }
  }
  if (rc) return rc;
  char *def = tm_path ? NULL : cli_tm_path();
  const char *path = tm_path ? tm_path : def;
  juru_tm *tm = NULL;
  juru_error err = {0};
  if (!path) {
    cli_warn("tm: no place for the translation memory; use --tm FILE");
    rc = EXIT_CONFIG;
  } else if (juru_tm_open(path, &tm, &err) != JURU_OK) {
    cli_report(path, &err);
    rc = EXIT_NOINPUT;
  }
  if (rc == 0 && strcmp(action, "export") == 0) {
    char *tmx = NULL;
    size_t len = 0;
    cli_output out;
    if (juru_tm_export_tmx(tm, &tmx, &len) != JURU_OK) rc = EXIT_SOFTWARE;
    if (rc == 0) rc = cli_output_open(&out, output);
    if (rc == 0) {
      fwrite(tmx, 1, len, out.fp);
      rc = cli_output_close(&out, 1);
    }
    juru_free(tmx);
  } else if (rc == 0 && strcmp(action, "import") == 0) {
    size_t n = 0;
    juru_tm_key key = {backend, model, ""};
    if (!file) {
      cli_warn("tm import: which TMX file?");
      rc = EXIT_USAGE;
    } else if (juru_tm_import_tmx(tm, &key, file, &n, &err) != JURU_OK) {
      cli_report(file, &err);
      rc = err.status == JURU_EIO ? EXIT_NOINPUT : EXIT_DATAERR;
    } else {
      fprintf(stderr, "juru: imported %zu pairs into %s\n", n, path);
    }
  } else if (rc == 0 && strcmp(action, "count") == 0) {
    printf("%zu\n", juru_tm_count(tm));
  } else if (rc == 0) {
    cli_warn("tm: unknown action '%s' (export, import, count)", action);
    rc = EXIT_USAGE;
  }
  juru_tm_close(tm);
  free(def);
  return rc;
}
