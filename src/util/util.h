/* Internal helpers shared by every module: allocation through the
 * replaceable allocator, error filling, and a size-capped growable buffer. */
#ifndef JURU_UTIL_H
#define JURU_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "juru/core.h"

#define JURU__NONE SIZE_MAX

void *juru__malloc(size_t size);
void *juru__calloc(size_t n, size_t size);
void *juru__realloc(void *ptr, size_t size);
void juru__free(void *ptr);
char *juru__strndup(const char *s, size_t len);
/* Grow an array *p of *cap elements of `size` bytes to hold at least
 * `need` (doubling, from 64). */
juru_status juru__grow(void **p, size_t *cap, size_t need, size_t size);
/* Clear memory that held a secret, in a way the compiler keeps. */
void juru__explicit_bzero(void *p, size_t n);

/* Fill `err` (when not NULL) and return `status`, so that callers can write
 * `return juru__fail(err, JURU_EIO, ...)`. */
juru_status juru__fail(juru_error *err, juru_status status, const char *source,
                       size_t line, size_t column, size_t offset,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* A growable byte buffer that refuses to grow past `max` bytes (0: no cap)
 * and keeps its contents NUL-terminated. */
typedef struct juru__buf {
  char *data;
  size_t len;
  size_t cap;
  size_t max;
} juru__buf;

juru_status juru__buf_reserve(juru__buf *b, size_t extra);
juru_status juru__buf_append(juru__buf *b, const void *data, size_t len);
/* Drop the first `n` bytes. */
void juru__buf_consume(juru__buf *b, size_t n);
void juru__buf_clear(juru__buf *b);
void juru__buf_free(juru__buf *b);

/* The lines of a buffer: LF ends a line and a CR before it is dropped.
 * Start with {data, len, 0, 0}; `number` is the 1-based number of the line
 * last returned. */
typedef struct juru__lines {
  const char *data;
  size_t len, pos, number;
} juru__lines;
/* 1 and the next line in (*line, *n); 0 at the end. */
int juru__next_line(juru__lines *it, const char **line, size_t *n);

/* Read a whole file into `b` (capped by b->max). */
juru_status juru__read_file(const char *path, juru__buf *b, juru_error *err);

#endif
