/* Reporting, input streaming, atomic output, JSON strings, options. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

const char *cli_progname = "juru";

void cli_warn(const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "%s: ", cli_progname);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

void cli_report(const char *source, const juru_error *err) {
  const char *src = err->source[0] && strcmp(err->source, "<input>") != 0
                        ? err->source
                        : source;
  if (err->line)
    cli_warn("%s:%zu:%zu: %s", src, err->line, err->column, err->text);
  else
    cli_warn("%s: %s", src, err->text[0] ? err->text
                                         : juru_strerror(err->status));
}

int cli_exit_status(juru_status st) {
  switch (st) {
    case JURU_OK: return 0;
    case JURU_EUTF8: case JURU_ENUL: case JURU_EENCODING: case JURU_ETOOBIG:
      return EXIT_DATAERR;
    case JURU_ESYNTAX: return EXIT_CONFIG;
    case JURU_EIO: return EXIT_IOERR;
    case JURU_EINVAL: return EXIT_USAGE;
    case JURU_EBACKEND: case JURU_EAUTH: return EXIT_UNAVAILABLE;
    default: return EXIT_SOFTWARE;
  }
}

int cli_stream_file(const char *path, cli_chunk_fn fn, void *ud,
                    juru_error *err, juru_status *st) {
  int stdin_input = strcmp(path, "-") == 0;
  const char *name = stdin_input ? "<stdin>" : path;
  int fd = stdin_input ? STDIN_FILENO : open(path, O_RDONLY);
  *st = JURU_OK;
  if (fd < 0) {
    cli_warn("%s: cannot open: %s", name, strerror(errno));
    return EXIT_NOINPUT;
  }
  struct stat sb;
  if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
    cli_warn("%s: is a directory, not a text file", name);
    if (!stdin_input) close(fd);
    return EXIT_NOINPUT;
  }
  static char chunk[1 << 16];
  int rc = 0;
  for (;;) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      cli_warn("%s: cannot read: %s", name, strerror(errno));
      rc = EXIT_IOERR;
      break;
    }
    if (n == 0) break;
    *st = fn(chunk, (size_t)n, ud, err);
    if (*st != JURU_OK) {
      /* cancelled: the output failed, which its owner reports */
      if (*st != JURU_ECANCELLED) cli_report(name, err);
      rc = cli_exit_status(*st);
      break;
    }
  }
  if (!stdin_input) close(fd);
  return rc;
}

int cli_output_open(cli_output *out, const char *path) {
  memset(out, 0, sizeof *out);
  if (!path || strcmp(path, "-") == 0) {
    out->fp = stdout;
    return 0;
  }
  size_t n = strlen(path);
  out->path = strdup(path);
  out->tmp = malloc(n + 16);
  if (!out->path || !out->tmp) {
    cli_warn("out of memory");
    return EXIT_SOFTWARE;
  }
  snprintf(out->tmp, n + 16, "%s.tmpXXXXXX", path);
  int fd = mkstemp(out->tmp);
  if (fd < 0) {
    cli_warn("%s: cannot create: %s", path, strerror(errno));
    free(out->tmp);
    out->tmp = NULL;
    return EXIT_CANTCREAT;
  }
  /* mkstemp makes 0600; give the file the mode a plain create would, or
   * keep the mode of the file it replaces. */
  struct stat sb;
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, stat(path, &sb) == 0 ? (sb.st_mode & 07777) : (0666 & ~mask));
  out->fp = fdopen(fd, "wb");
  if (!out->fp) {
    close(fd);
    unlink(out->tmp);
    cli_warn("%s: cannot create: %s", path, strerror(errno));
    return EXIT_CANTCREAT;
  }
  return 0;
}

int cli_stdout_check(void) {
  static int reported;
  errno = 0;
  if (fflush(stdout) == 0 && !ferror(stdout)) return 0;
  if (!reported && errno != EPIPE)
    cli_warn("standard output: %s", errno ? strerror(errno) : "write error");
  reported = 1;
  return EXIT_IOERR;
}

int cli_output_close(cli_output *out, int ok) {
  int rc = 0;
  if (!out->fp) return 0;
  if (out->fp == stdout) {
    out->fp = NULL;
    return cli_stdout_check();
  }
  if (ok && (fflush(out->fp) != 0 || ferror(out->fp) ||
             fsync(fileno(out->fp)) != 0)) {
    cli_warn("%s: cannot write: %s", out->path, strerror(errno));
    ok = 0;
    rc = EXIT_IOERR;
  }
  if (fclose(out->fp) != 0 && ok) {
    cli_warn("%s: cannot write: %s", out->path, strerror(errno));
    ok = 0;
    rc = EXIT_IOERR;
  }
  out->fp = NULL;
  if (ok && rename(out->tmp, out->path) != 0) {
    cli_warn("%s: cannot replace: %s", out->path, strerror(errno));
    rc = EXIT_CANTCREAT;
    ok = 0;
  }
  if (!ok) unlink(out->tmp);
  free(out->tmp);
  free(out->path);
  out->tmp = out->path = NULL;
  return rc;
}

void cli_json_string(FILE *fp, const char *s, size_t len) {
  fputc('"', fp);
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    fwrite(s + run, 1, i - run, fp);
    run = i + 1;
    switch (c) {
      case '"': fputs("\\\"", fp); break;
      case '\\': fputs("\\\\", fp); break;
      case '\n': fputs("\\n", fp); break;
      case '\r': fputs("\\r", fp); break;
      case '\t': fputs("\\t", fp); break;
      default: fprintf(fp, "\\u%04x", c); break;
    }
  }
  fwrite(s + run, 1, len - run, fp);
  fputc('"', fp);
}

int cli_opt(const char *arg, const char *name) {
  size_t n = strlen(name);
  return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

const char *cli_opt_value(int argc, char **argv, int *i, const char *name) {
  const char *arg = argv[*i];
  size_t n = strlen(name);
  if (arg[n] == '=') return arg + n + 1;
  if (*i + 1 >= argc) {
    cli_warn("option %s needs a value", name);
    return NULL;
  }
  return argv[++*i];
}

/* "meN- + seru + -kan" */
void cli_format_affixes(const juru_analysis *a, char *out, size_t size) {
  size_t o = 0;
  out[0] = '\0';
#define ADD(...) \
  if (o < size) o += (size_t)snprintf(out + o, size - o, __VA_ARGS__)
  for (size_t i = 0; i < a->n_prefix; i++) ADD("%s + ", a->prefix[i]);
  ADD("%s", a->lemma);
  if (a->reduplicated) ADD(" (reduplicated)");
  if (a->suffix) ADD(" + %s", a->suffix);
  if (a->possessive) ADD(" + %s", a->possessive);
  if (a->particle) ADD(" + %s", a->particle);
#undef ADD
}

void cli_print_meanings(FILE *fp, const juru_morph *m, const juru_analysis *a) {
  const char *labels[JURU_MAX_PREFIXES + 3];
  size_t n = 0;
  char confix[32] = "";
  if (a->n_prefix && a->suffix) {
    snprintf(confix, sizeof confix, "%s%s", a->prefix[a->n_prefix - 1],
             a->suffix + 1);
    if (!juru_morph_meaning(m, confix)) confix[0] = '\0';
  }
  for (size_t i = 0; i < a->n_prefix; i++)
    if (!confix[0] || i + 1 < a->n_prefix) labels[n++] = a->prefix[i];
  if (confix[0]) labels[n++] = confix;
  else if (a->suffix) labels[n++] = a->suffix;
  if (a->possessive) labels[n++] = a->possessive;
  if (a->particle) labels[n++] = a->particle;
  for (size_t i = 0; i < n; i++) {
    const char *meaning = juru_morph_meaning(m, labels[i]);
    fprintf(fp, "%s%s: %s", i ? "; " : "", labels[i], meaning ? meaning : "?");
  }
  if (a->reduplicated)
    fprintf(fp, "%sreduplication: plural, variety or repetition",
            n ? "; " : "");
}

typedef struct segment_feed {
  juru_segmenter *seg;
  juru_sentence_fn fn;
  void *ud;
} segment_feed;

static juru_status feed_segmenter(const char *data, size_t len, void *ud,
                                  juru_error *err) {
  segment_feed *f = ud;
  return juru_segmenter_feed(f->seg, data, len, f->fn, f->ud, err);
}

int cli_segment_file(const char *path, const juru_abbrevs *ab,
                     const juru_segment_options *opt, juru_sentence_fn fn,
                     void *ud) {
  segment_feed f = {juru_segmenter_new(ab, opt), fn, ud};
  if (!f.seg) {
    cli_warn("out of memory");
    return EXIT_SOFTWARE;
  }
  juru_error err = {0};
  juru_status st;
  int rc = cli_stream_file(path, feed_segmenter, &f, &err, &st);
  if (rc == 0 && (st = juru_segmenter_finish(f.seg, fn, ud, &err)) != JURU_OK &&
      st != JURU_ECANCELLED) {
    cli_report(strcmp(path, "-") == 0 ? "<stdin>" : path, &err);
    rc = cli_exit_status(st);
  }
  /* a callback that stopped did so because its output failed */
  if (st == JURU_ECANCELLED) rc = EXIT_IOERR;
  juru_segmenter_free(f.seg);
  return rc;
}

int cli_parse_weights(const char *s, float *w) {
  for (int k = 0; k < JURU_N_WEIGHTS; k++) {
    char *end;
    w[k] = strtof(s, &end);
    if (end == s || (k + 1 < JURU_N_WEIGHTS ? *end != ',' : *end != '\0')) return 0;
    s = end + 1;
  }
  return 1;
}
