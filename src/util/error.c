/* Status descriptions and error detail. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

const char *juru_version(void) { return JURU_VERSION_STRING; }

const char *juru_strerror(juru_status status) {
  switch (status) {
    case JURU_OK: return "success";
    case JURU_ENOMEM: return "out of memory";
    case JURU_EINVAL: return "invalid argument";
    case JURU_EIO: return "input/output error";
    case JURU_EUTF8: return "invalid UTF-8";
    case JURU_ENUL: return "NUL byte in text";
    case JURU_EENCODING: return "unsupported encoding";
    case JURU_ESYNTAX: return "syntax error in data file";
    case JURU_ETOOBIG: return "input too large";
    case JURU_ECANCELLED: return "cancelled";
    case JURU_ENOTFOUND: return "not found";
    case JURU_EBACKEND: return "translation server failed";
    case JURU_EAUTH: return "translation server refused the request";
  }
  return "unknown status";
}

juru_status juru__fail(juru_error *err, juru_status status, const char *source,
                       size_t line, size_t column, size_t offset,
                       const char *fmt, ...) {
  if (!err) return status;
  err->status = status;
  err->line = line;
  err->column = column;
  err->offset = offset;
  snprintf(err->source, sizeof err->source, "%s", source ? source : "<input>");
  if (fmt) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
  } else {
    snprintf(err->text, sizeof err->text, "%s", juru_strerror(status));
  }
  return status;
}

juru_status juru__read_file(const char *path, juru__buf *b, juru_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return juru__fail(err, JURU_EIO, path, 0, 0, JURU__NONE, "cannot open: %s",
                      strerror(errno));
  char chunk[65536];
  size_t n;
  juru_status st = JURU_OK;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    st = juru__buf_append(b, chunk, n);
    if (st != JURU_OK) break;
  }
  if (st == JURU_OK && ferror(f))
    st = juru__fail(err, JURU_EIO, path, 0, 0, JURU__NONE, "cannot read: %s",
                    strerror(errno));
  else if (st != JURU_OK)
    juru__fail(err, st, path, 0, 0, JURU__NONE, NULL);
  fclose(f);
  return st;
}
