/* Backend configuration: command-line flags, then the environment, then
 * the config file ($XDG_CONFIG_HOME/juru/config, else ~/.config/juru/config),
 * the first that says wins.  The config file holds "name = value" lines:
 *   backend = deepl          url = http://localhost:5000
 *   model = qwen2.5-7b       jobs = 8       timeout = 60
 *   key = ...                (a key here must not be readable by others)
 * Keys are never printed: `describe` shows only where one came from. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static char *dup_str(const char *s) {
  size_t n = strlen(s);
  char *d = malloc(n + 1);
  if (d) memcpy(d, s, n + 1);
  return d;
}

char *cli_config_path(void) {
  const char *x = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
  char buf[4096];
  if (x && *x) snprintf(buf, sizeof buf, "%s/juru/config", x);
  else if (home && *home) snprintf(buf, sizeof buf, "%s/.config/juru/config", home);
  else return NULL;
  return dup_str(buf);
}

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  char *e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) e--;
  *e = '\0';
  return s;
}

static void set_from(char **field, const char **from, const char *value,
                     const char *source) {
  if (*field) return; /* a higher-precedence source said it */
  *field = dup_str(value);
  *from = source;
}

static int read_file(cli_backend_config *c, const char *path) {
  FILE *fp = fopen(path, "r");
  if (!fp) return errno == ENOENT ? 0 : (cli_warn("%s: %s", path, strerror(errno)), EXIT_CONFIG);
  struct stat sb;
  if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
    cli_warn("%s: is a directory, not a config file", path);
    fclose(fp);
    return EXIT_CONFIG;
  }
  struct {
    const char *name;
    char **field;
    const char **from;
  } settings[] = {
      {"backend", &c->backend, &c->backend_from},
      {"url", &c->url, &c->url_from},
      {"model", &c->model, &c->model_from},
      {"jobs", &c->jobs, &c->jobs_from},
      {"timeout", &c->timeout, &c->timeout_from},
      {"key", &c->key, &c->key_from},
  };
  enum { N = sizeof settings / sizeof settings[0] };
  size_t set_on[N] = {0}; /* the line each setting is on */
  char *line = NULL;
  size_t cap = 0, no = 0;
  ssize_t len;
  int rc = 0, has_key = 0;
  /* getline: a line of any length is one line (a long key stays whole) */
  while (rc == 0 && (len = getline(&line, &cap, fp)) >= 0) {
    no++;
    if (memchr(line, '\0', (size_t)len)) {
      cli_warn("%s:%zu:%zu: NUL byte: not a text file", path, no,
               strlen(line) + 1);
      rc = EXIT_CONFIG;
      break;
    }
    char *s = trim(line);
    if (!*s || *s == '#') continue;
    char *eq = strchr(s, '=');
    if (!eq) {
      cli_warn("%s:%zu:%zu: expected 'name = value'", path, no,
               (size_t)(s - line) + 1);
      rc = EXIT_CONFIG;
      break;
    }
    *eq = '\0';
    char *name = trim(s), *value = trim(eq + 1);
    size_t k = 0;
    while (k < N && strcmp(name, settings[k].name) != 0) k++;
    if (k == N) {
      cli_warn("%s:%zu:%zu: unknown setting '%s' (backend, url, model, jobs, "
               "timeout, key)", path, no, (size_t)(name - line) + 1, name);
      rc = EXIT_CONFIG;
    } else if (!*value) {
      cli_warn("%s:%zu:%zu: '%s' has no value", path, no,
               (size_t)(eq - line) + 2, name);
      rc = EXIT_CONFIG;
    } else if (set_on[k]) {
      cli_warn("%s:%zu:%zu: '%s' is set twice (first on line %zu)", path, no,
               (size_t)(name - line) + 1, name, set_on[k]);
      rc = EXIT_CONFIG;
    } else {
      set_on[k] = no;
      set_from(settings[k].field, settings[k].from, value, "config file");
      has_key |= settings[k].field == &c->key;
    }
  }
  if (rc == 0 && ferror(fp)) {
    cli_warn("%s: cannot read: %s", path, strerror(errno));
    rc = EXIT_CONFIG;
  }
  if (line) memset(line, 0, cap); /* it may have held a key */
  free(line);
  if (rc == 0 && has_key && fstat(fileno(fp), &sb) == 0 && (sb.st_mode & 077))
    cli_warn("warning: %s holds an API key and others can read it "
             "(chmod 600 %s)", path, path);
  fclose(fp);
  return rc;
}

/* The environment variable that holds a backend's key. */
static const char *key_variable(const char *backend) {
  if (!backend) return NULL;
  if (strcmp(backend, "deepl") == 0) return "DEEPL_AUTH_KEY";
  if (strcmp(backend, "google") == 0) return "GOOGLE_API_KEY";
  if (strcmp(backend, "openai") == 0) return "OPENAI_API_KEY";
  if (strcmp(backend, "libretranslate") == 0) return "LIBRETRANSLATE_API_KEY";
  return NULL;
}

int cli_config_resolve(cli_backend_config *c) {
  const char *e;
  if ((e = getenv("JURU_BACKEND")) && *e) set_from(&c->backend, &c->backend_from, e, "JURU_BACKEND");
  if ((e = getenv("JURU_URL")) && *e) set_from(&c->url, &c->url_from, e, "JURU_URL");
  if ((e = getenv("JURU_MODEL")) && *e) set_from(&c->model, &c->model_from, e, "JURU_MODEL");
  char *path = cli_config_path();
  int rc = path ? read_file(c, path) : 0;
  free(path);
  /* the key variable depends on the backend, known only now */
  const char *var = key_variable(c->backend);
  if (rc == 0 && var && (e = getenv(var)) && *e) {
    if (c->key && strcmp(c->key_from, "config file") == 0) {
      free(c->key); /* the environment outranks the file */
      c->key = NULL;
    }
    set_from(&c->key, &c->key_from, e, var);
  }
  return rc;
}

int cli_config_check_backend(const cli_backend_config *c, const char *command) {
  if (juru_backend_info(c->backend, NULL, NULL, NULL)) return 0;
  /* a bad flag is a usage error; a bad setting, the configuration's */
  int flag = c->backend_from && !strcmp(c->backend_from, "flag");
  cli_warn("%s: unknown backend '%s' from %s (libretranslate, deepl, google, "
           "openai, ollama)", command, c->backend,
           flag ? "--backend" : c->backend_from ? c->backend_from : "the settings");
  return flag ? EXIT_USAGE : EXIT_CONFIG;
}

void cli_config_free(cli_backend_config *c) {
  if (c->key) memset(c->key, 0, strlen(c->key));
  free(c->backend);
  free(c->url);
  free(c->model);
  free(c->jobs);
  free(c->timeout);
  free(c->key);
  memset(c, 0, sizeof *c);
}

static void line(FILE *fp, const char *name, const char *value, const char *from) {
  fprintf(fp, "  %-8s %s%s%s%s\n", name, value ? value : "(not set)",
          from ? "  [" : "", from ? from : "", from ? "]" : "");
}

void cli_config_describe(FILE *fp, const cli_backend_config *c) {
  line(fp, "backend", c->backend, c->backend_from);
  line(fp, "url", c->url, c->url_from);
  line(fp, "model", c->model, c->model_from);
  line(fp, "jobs", c->jobs, c->jobs_from);
  line(fp, "timeout", c->timeout, c->timeout_from);
  line(fp, "key", c->key ? "set (hidden)" : NULL, c->key_from);
}

static int make_dirs(char *path) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/') continue;
    *p = '\0';
    int rc = mkdir(path, 0700);
    *p = '/';
    if (rc != 0 && errno != EEXIST) return -1;
  }
  return 0;
}

char *cli_tm_path(void) {
  const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  char buf[4096];
  if (x && *x) snprintf(buf, sizeof buf, "%s/juru/tm.sqlite", x);
  else if (home && *home) snprintf(buf, sizeof buf, "%s/.cache/juru/tm.sqlite", home);
  else return NULL;
  if (make_dirs(buf) != 0) return NULL;
  return dup_str(buf);
}

int cli_backend_flag(int argc, char **argv, int *i, cli_backend_config *c,
                     int *rc) {
  struct {
    const char *shrt, *lng;
    char **field;
    const char **from;
  } flags[] = {
      {"-b", "--backend", &c->backend, &c->backend_from},
      {"", "--url", &c->url, &c->url_from},
      {"-m", "--model", &c->model, &c->model_from},
      {"-j", "--jobs", &c->jobs, &c->jobs_from},
      {"", "--timeout", &c->timeout, &c->timeout_from},
  };
  const char *a = argv[*i];
  *rc = 0;
  for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++) {
    int is_short = *flags[k].shrt && strcmp(a, flags[k].shrt) == 0;
    if (!is_short && !cli_opt(a, flags[k].lng)) continue;
    const char *v = cli_opt_value(argc, argv, i, is_short ? flags[k].shrt : flags[k].lng);
    char *copy = v ? dup_str(v) : NULL;
    if (!copy) {
      *rc = v ? EXIT_SOFTWARE : EXIT_USAGE;
      return 1;
    }
    free(*flags[k].field);
    *flags[k].field = copy;
    *flags[k].from = "flag";
    return 1;
  }
  return 0;
}
