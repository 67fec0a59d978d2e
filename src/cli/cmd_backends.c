/* juru backends: the translation servers Juru speaks, the configuration in
 * effect (keys shown only as set or not), and a health check. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: juru backends [--check] [-b NAME] [--url URL] [-m MODEL]\n"
    "List the translation servers Juru can use and the configuration in\n"
    "effect (flags, then JURU_BACKEND / JURU_URL / JURU_MODEL and the key\n"
    "variables, then $XDG_CONFIG_HOME/juru/config).  With --check, send the\n"
    "configured backend one sentence and say whether it answered.\n"
    "\n"
    "Exit status: 0 ok, 64 usage, 69 the check failed, 78 bad config file.\n";

int cmd_backends(int argc, char **argv) {
  cli_backend_config c = {0};
  int check = 0, rc = 0;
  for (int i = 1; i < argc && rc == 0; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(usage, stdout);
      cli_config_free(&c);
      return 0;
    } else if (strcmp(a, "--check") == 0) {
      check = 1;
    } else if (!cli_backend_flag(argc, argv, &i, &c, &rc)) {
      cli_warn("backends: unknown option '%s'", a);
      rc = EXIT_USAGE;
    }
  }
  if (rc == 0) rc = cli_config_resolve(&c);
  if (rc == 0) {
    printf("Backends:\n");
    for (const char *const *n = juru_backend_names(); *n; n++) {
      const char *url;
      int key, model;
      juru_backend_info(*n, &url, &key, &model);
      printf("  %-15s %-36s%s%s\n", *n, url, key ? " needs a key" : "",
             model ? " needs --model" : "");
    }
    printf("  (offline)       the built-in engine, used when no backend is set\n");
    char *path = cli_config_path();
    printf("\nIn effect (config file: %s):\n", path ? path : "none");
    free(path);
    cli_config_describe(stdout, &c);
  }
  if (rc == 0 && check) {
    if (!c.backend) {
      cli_warn("backends: --check needs a backend");
      rc = EXIT_USAGE;
    } else if ((rc = cli_config_check_backend(&c, "backends")) == 0) {
      juru_backend_options o = {0};
      o.name = c.backend;
      o.url = c.url;
      o.model = c.model;
      o.key = c.key;
      o.timeout_ms = 15000;
      juru_error err = {0};
      juru_status st = juru_backend_check(&o, &err);
      if (st == JURU_OK) {
        printf("\ncheck: %s answered\n", c.backend);
      } else {
        printf("\ncheck: %s failed: %s\n", c.backend, err.text);
        rc = cli_exit_status(st);
      }
    }
  }
  cli_config_free(&c);
  return rc;
}
