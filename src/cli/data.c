/* Finding and loading the dictionaries (and the abbreviation list).  Text sources are the truth; the
 * build compiles them (juru compile) into mmap-able files beside the
 * program, stamped with the size and a hash of every source.  A compiled
 * file is used only when its stamp matches the sources as they are now, so
 * an edited dictionary is never shadowed by a stale compiled one. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef JURU_INSTALL_DATADIR
#define JURU_INSTALL_DATADIR "/usr/local/share/juru/dictionaries"
#endif
#ifndef JURU_SOURCE_DATADIR
#define JURU_SOURCE_DATADIR ""
#endif

#define MAX_SOURCES 32

/* The directory of the running program, into buf; 0 if unknown. */
static int program_dir(char *buf, size_t size) {
  ssize_t n = readlink("/proc/self/exe", buf, size - 1);
  if (n <= 0) return 0;
  buf[n] = '\0';
  char *slash = strrchr(buf, '/');
  if (!slash) return 0;
  *slash = '\0';
  return 1;
}

static char *join_path(const char *dir, const char *rel) {
  size_t n = strlen(dir) + strlen(rel) + 2;
  char *p = malloc(n);
  if (p) snprintf(p, n, "%s/%s", dir, rel);
  return p;
}

static char *existing(char *p) {
  if (p && access(p, R_OK) == 0) return p;
  free(p);
  return NULL;
}

/* <directory of the executable>/../share/juru/dictionaries */
static char *beside_executable(const char *rel) {
  char exe[PATH_MAX];
  if (!program_dir(exe, sizeof exe)) return NULL;
  char dir[PATH_MAX + 32];
  snprintf(dir, sizeof dir, "%s/../share/juru/dictionaries", exe);
  return existing(join_path(dir, rel));
}

char *cli_data_path(const char *data_dir, const char *relative) {
  if (data_dir) return existing(join_path(data_dir, relative));
  const char *env = getenv("JURU_DATA_DIR");
  if (env && *env) return existing(join_path(env, relative));
  char *p = beside_executable(relative);
  if (!p && JURU_SOURCE_DATADIR[0])
    p = existing(join_path(JURU_SOURCE_DATADIR, relative));
  if (!p) p = existing(join_path(JURU_INSTALL_DATADIR, relative));
  return p;
}

int cli_load_abbrevs(const char *file, const char *data_dir,
                     juru_abbrevs **out) {
  char *path = file ? strdup(file)
                    : cli_data_path(data_dir, "id/abbreviations.txt");
  if (!path) {
    cli_warn("cannot find the dictionaries (id/abbreviations.txt): set "
             "JURU_DATA_DIR or pass --data-dir");
    return EXIT_CONFIG;
  }
  juru_error err = {0};
  juru_status st = juru_abbrevs_load(path, out, &err);
  if (st != JURU_OK) cli_report(path, &err);
  free(path);
  return st == JURU_OK ? 0 : (st == JURU_EIO ? EXIT_NOINPUT : EXIT_CONFIG);
}


static const char *const morph_files[] = {
    "id/affixes.txt", "id/lemma-exceptions.tsv", "id/lemmas-ud.tsv",
    "id/frequencies.tsv", "hunspell/id_ID.dic", "id/spelling-variants.tsv"};
enum { N_MORPH_FILES = sizeof morph_files / sizeof morph_files[0] };

/* ---- file lists and stamps ------------------------------------------------ */

/* The lexicon files named by id/lexicon/sources.txt, as paths relative to
 * the data directory.  Returns the count, or -1 after printing why. */
static int lexicon_sources(const char *data_dir, char **rel, int max) {
  char *manifest = cli_data_path(data_dir, "id/lexicon/sources.txt");
  if (!manifest) {
    cli_warn("cannot find the dictionaries (id/lexicon/sources.txt): set "
             "JURU_DATA_DIR or pass --data-dir");
    return -1;
  }
  FILE *f = fopen(manifest, "r");
  int n = 0;
  char line[1024];
  while (f && fgets(line, sizeof line, f)) {
    line[strcspn(line, "\t\r\n")] = '\0';
    if (line[0] == '\0' || line[0] == '#') continue;
    if (n == max) break;
    size_t len = strlen(line) + sizeof "id/lexicon/";
    rel[n] = malloc(len);
    if (!rel[n]) break;
    snprintf(rel[n++], len, "id/lexicon/%s", line);
  }
  if (f) fclose(f);
  free(manifest);
  return n;
}

static uint64_t hash_file(const char *path, off_t *size) {
  FILE *f = fopen(path, "rb");
  uint64_t h = 1469598103934665603ull;
  *size = -1;
  if (!f) return 0;
  unsigned char buf[65536];
  size_t n;
  off_t total = 0;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
    for (size_t i = 0; i < n; i++) h = (h ^ buf[i]) * 1099511628211ull;
    total += (off_t)n;
  }
  fclose(f);
  *size = total;
  return h;
}

/* "REL SIZE MTIME HASH\n" for each source, in order; NULL if one is
 * missing.  With `hash` 0 the content hash is left out ("-"), so that the
 * common check costs a stat() per file. */
static char *make_stamp(const char *data_dir, char **rel, int n, int hash) {
  size_t cap = 256 * (size_t)n + 1, len = 0;
  char *s = malloc(cap);
  if (!s) return NULL;
  s[0] = '\0';
  for (int i = 0; i < n; i++) {
    char *path = cli_data_path(data_dir, rel[i]);
    struct stat sb;
    if (!path || stat(path, &sb) != 0) {
      free(path);
      free(s);
      return NULL;
    }
    off_t size;
    char h[20] = "-";
    if (hash) snprintf(h, sizeof h, "%016llx",
                       (unsigned long long)hash_file(path, &size));
    free(path);
    len += (size_t)snprintf(s + len, cap - len, "%s %lld %lld %s\n", rel[i],
                            (long long)sb.st_size, (long long)sb.st_mtime, h);
  }
  return s;
}

/* Does a stored stamp describe the sources as they are?  Sizes must match;
 * where a modification time differs (a copied or installed tree), the
 * content hash decides. */
static int stamp_matches(const char *stored, const char *data_dir, char **rel,
                         int n) {
  char *now = make_stamp(data_dir, rel, n, 0);
  if (!now) return 0;
  int ok = 1;
  const char *a = stored, *b = now;
  for (int i = 0; i < n && ok; i++) {
    char ra[512], rb[512], ha[20], hb[2];
    long long sa, sb, ma, mb;
    if (sscanf(a, "%511s %lld %lld %19s", ra, &sa, &ma, ha) != 4 ||
        sscanf(b, "%511s %lld %lld %1s", rb, &sb, &mb, hb) != 4 ||
        strcmp(ra, rb) != 0 || sa != sb) {
      ok = 0;
      break;
    }
    if (ma != mb) {
      char *path = cli_data_path(data_dir, rel[i]);
      off_t size;
      char h[20];
      snprintf(h, sizeof h, "%016llx",
               (unsigned long long)(path ? hash_file(path, &size) : 0));
      free(path);
      ok = strcmp(h, ha) == 0;
    }
    a = strchr(a, '\n');
    b = strchr(b, '\n');
    if (!a || !b) ok = i + 1 == n && ok;
    else a++, b++;
  }
  if (ok && a && *a) ok = 0; /* the stored stamp names more files */
  free(now);
  return ok;
}

static char *read_small(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *s = malloc(65536);
  size_t n = s ? fread(s, 1, 65535, f) : 0;
  fclose(f);
  if (s) s[n] = '\0';
  return s;
}

/* Where compiled files live: beside the program (build tree) or in the
 * installed share directory. */
static char *compiled_dir(void) {
  char exe[PATH_MAX];
  if (!program_dir(exe, sizeof exe)) return NULL;
  const char *tails[] = {"/share/juru/compiled", "/../share/juru/compiled"};
  for (size_t i = 0; i < 2; i++) {
    char *d = malloc(strlen(exe) + strlen(tails[i]) + 1);
    if (!d) return NULL;
    strcpy(d, exe);
    strcat(d, tails[i]);
    if (access(d, R_OK) == 0) return d;
    free(d);
  }
  return NULL;
}

/* The compiled file `name` when its stamp matches the sources, else NULL. */
static char *fresh_compiled(const char *name, const char *data_dir,
                            char **rel, int n) {
  char *dir = compiled_dir();
  if (!dir) return NULL;
  size_t len = strlen(dir) + strlen(name) + 16;
  char *file = malloc(len), *stamp_file = malloc(len);
  char *found = NULL;
  if (file && stamp_file) {
    snprintf(file, len, "%s/%s.jdat", dir, name);
    snprintf(stamp_file, len, "%s/%s.stamp", dir, name);
    char *old = read_small(stamp_file);
    if (old && stamp_matches(old, data_dir, rel, n) &&
        access(file, R_OK) == 0) {
      found = file;
      file = NULL;
    }
    free(old);
  }
  free(file);
  free(stamp_file);
  free(dir);
  return found;
}

static void free_list(char **rel, int n) {
  for (int i = 0; i < n; i++) free(rel[i]);
}

/* ---- morphology ----------------------------------------------------------- */

typedef struct morph_paths {
  char *p[N_MORPH_FILES];
} morph_paths;

static int morph_locate(const char *data_dir, morph_paths *mp) {
  for (size_t i = 0; i < N_MORPH_FILES; i++)
    mp->p[i] = cli_data_path(data_dir, morph_files[i]);
  if (!mp->p[0] || !mp->p[4]) {
    cli_warn("cannot find the dictionaries (id/affixes.txt, "
             "hunspell/id_ID.dic): set JURU_DATA_DIR or pass --data-dir");
    return EXIT_CONFIG;
  }
  return 0;
}

static void morph_paths_free(morph_paths *mp) {
  for (size_t i = 0; i < N_MORPH_FILES; i++) free(mp->p[i]);
}

static int load_morph(const char *data_dir, const char *lemmas_file,
                      int allow_compiled, juru_morph **out) {
  morph_paths mp = {{0}};
  int rc = morph_locate(data_dir, &mp);
  char *aff = cli_data_path(data_dir, "hunspell/id_ID.aff");
  char *compiled = NULL;
  if (rc == 0 && allow_compiled && !lemmas_file) {
    char *rel[N_MORPH_FILES];
    for (int i = 0; i < N_MORPH_FILES; i++) rel[i] = (char *)morph_files[i];
    compiled = fresh_compiled("morph", data_dir, rel, N_MORPH_FILES);
  }
  if (rc == 0) {
    juru_morph_files files = {
        .affixes = mp.p[0],
        .exceptions = mp.p[1],
        .hunspell_aff = aff,
        .hunspell_dic = mp.p[4],
        .frequencies = mp.p[3],
        .lemmas = lemmas_file ? lemmas_file : mp.p[2],
        .variants = mp.p[5],
        .compiled = compiled};
    juru_error err = {0};
    juru_status st = juru_morph_load(&files, out, &err);
    if (st != JURU_OK && compiled) { /* passed over for the sources */
      files.compiled = NULL;
      st = juru_morph_load(&files, out, &err);
    }
    if (st != JURU_OK) {
      cli_report(mp.p[0], &err);
      rc = st == JURU_ENOMEM ? EXIT_SOFTWARE : EXIT_CONFIG;
    }
  }
  free(compiled);
  free(aff);
  morph_paths_free(&mp);
  return rc;
}

int cli_load_morph(const char *data_dir, const char *lemmas_file,
                   juru_morph **out) {
  return load_morph(data_dir, lemmas_file, 1, out);
}

/* ---- lexicon -------------------------------------------------------------- */

static int load_lexicon(const char *data_dir, int allow_compiled,
                        juru_lexicon **out, char **stamp_out) {
  char *rel[MAX_SOURCES];
  int n = lexicon_sources(data_dir, rel, MAX_SOURCES);
  if (n < 0) return EXIT_CONFIG;
  char *compiled = allow_compiled ? fresh_compiled("lexicon", data_dir, rel, n)
                                   : NULL;
  char *stamp = stamp_out ? make_stamp(data_dir, rel, n, 1) : NULL;
  juru_error err = {0};
  juru_status st = JURU_OK;
  int rc = 0;
  /* a compiled file that does not open (another version, damaged) is
   * passed over for the sources */
  if (compiled && juru_lexicon_open(compiled, out, &err) == JURU_OK) {
    st = JURU_OK;
  } else {
    char *paths[MAX_SOURCES];
    int k = 0;
    for (; k < n; k++) {
      paths[k] = cli_data_path(data_dir, rel[k]);
      if (!paths[k]) {
        cli_warn("%s: listed in id/lexicon/sources.txt but missing", rel[k]);
        rc = EXIT_CONFIG;
        break;
      }
    }
    if (rc == 0) {
      st = juru_lexicon_load((const char *const *)paths, (size_t)n, out, &err);
      if (st != JURU_OK) cli_report("lexicon", &err);
    }
    free_list(paths, k);
  }
  if (rc == 0 && st != JURU_OK)
    rc = st == JURU_ENOMEM ? EXIT_SOFTWARE : EXIT_CONFIG;
  if (stamp_out) *stamp_out = stamp;
  else free(stamp);
  free(compiled);
  free_list(rel, n);
  return rc;
}

int cli_load_lexicon(const char *data_dir, juru_lexicon **out) {
  return load_lexicon(data_dir, 1, out, NULL);
}

/* ---- juru compile --------------------------------------------------------- */

static int write_text(const char *path, const char *text) {
  char tmp[PATH_MAX];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "w");
  if (!f || fputs(text, f) < 0 || fclose(f) != 0 || rename(tmp, path) != 0) {
    cli_warn("%s: cannot write: %s", path, strerror(errno));
    return EXIT_CANTCREAT;
  }
  return 0;
}

static const char compile_usage[] =
    "Usage: juru compile [--data-dir DIR] -o OUTDIR\n"
    "Compile the dictionaries (morphology tables and lexicon) into files that\n"
    "load by mmap: OUTDIR/{morph,lexicon}.jdat, each with a .stamp naming the\n"
    "sources it was made from.  The build runs this; juru finds the result\n"
    "in share/juru/compiled beside the program and uses it while the stamps\n"
    "match the sources.\n";

int cmd_compile(int argc, char **argv) {
  const char *data_dir = NULL, *outdir = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      fputs(compile_usage, stdout);
      return 0;
    } else if (cli_opt(argv[i], "--data-dir")) {
      if (!(data_dir = cli_opt_value(argc, argv, &i, "--data-dir")))
        return EXIT_USAGE;
    } else if (strcmp(argv[i], "-o") == 0 || cli_opt(argv[i], "--output")) {
      if (!(outdir = cli_opt_value(argc, argv, &i, argv[i][1] == 'o' ? "-o"
                                                                     : "--output")))
        return EXIT_USAGE;
    } else {
      cli_warn("compile: unexpected '%s' (see 'juru compile --help')", argv[i]);
      return EXIT_USAGE;
    }
  }
  if (!outdir) {
    cli_warn("compile: -o OUTDIR is required");
    return EXIT_USAGE;
  }
  char path[PATH_MAX];
  juru_error err = {0};
  juru_morph *m = NULL;
  int rc = load_morph(data_dir, NULL, 0, &m);
  if (rc == 0) {
    snprintf(path, sizeof path, "%s/morph.jdat", outdir);
    if (juru_morph_save(m, path, &err) != JURU_OK) {
      cli_report(path, &err);
      rc = EXIT_CANTCREAT;
    }
  }
  if (rc == 0) {
    char *rel[N_MORPH_FILES];
    for (int i = 0; i < N_MORPH_FILES; i++) rel[i] = (char *)morph_files[i];
    char *stamp = make_stamp(data_dir, rel, N_MORPH_FILES, 1);
    snprintf(path, sizeof path, "%s/morph.stamp", outdir);
    rc = stamp ? write_text(path, stamp) : EXIT_CONFIG;
    free(stamp);
  }
  juru_morph_free(m);
  juru_lexicon *lx = NULL;
  char *stamp = NULL;
  if (rc == 0) rc = load_lexicon(data_dir, 0, &lx, &stamp);
  if (rc == 0) {
    snprintf(path, sizeof path, "%s/lexicon.jdat", outdir);
    if (juru_lexicon_save(lx, path, stamp, &err) != JURU_OK) {
      cli_report(path, &err);
      rc = EXIT_CANTCREAT;
    }
  }
  if (rc == 0 && stamp) {
    snprintf(path, sizeof path, "%s/lexicon.stamp", outdir);
    rc = write_text(path, stamp);
  }
  free(stamp);
  juru_lexicon_free(lx);
  return rc;
}

/* ---- the translation model ------------------------------------------------ */

int cli_load_model(const char *path, juru_model **out) {
  *out = NULL;
  char *found = NULL;
  if (!path) {
    char *dir = compiled_dir();
    found = dir ? join_path(dir, "default.model") : NULL;
    free(dir);
    if (!found || access(found, R_OK) != 0) { /* rules alone, as before */
      free(found);
      return 0;
    }
  }
  juru_error err = {0};
  juru_status st = juru_model_open(path ? path : found, out, &err);
  if (st != JURU_OK) {
    cli_report(path ? path : found, &err);
    free(found);
    if (!path) return EXIT_CONFIG;
    return st == JURU_EIO ? EXIT_NOINPUT : st == JURU_ENOMEM ? EXIT_SOFTWARE : EXIT_DATAERR;
  }
  free(found);
  return 0;
}
