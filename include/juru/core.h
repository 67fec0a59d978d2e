/* juru/core.h: status codes, error detail, allocator hook and version.
 *
 * Every function of the library that can fail returns a juru_status and, when
 * the caller passes a non-NULL juru_error, fills it with where and why.  The
 * library never prints, never exits and never reads the environment: those
 * decisions belong to the program that links it. */
#ifndef JURU_CORE_H
#define JURU_CORE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JURU_VERSION_MAJOR 0
#define JURU_VERSION_MINOR 1
#define JURU_VERSION_PATCH 0
#define JURU_VERSION_STRING "0.1.0"

typedef enum juru_status {
  JURU_OK = 0,
  JURU_ENOMEM,      /* an allocation failed */
  JURU_EINVAL,      /* a caller passed an impossible argument */
  JURU_EIO,         /* reading or writing a file failed */
  JURU_EUTF8,       /* input is not valid UTF-8 */
  JURU_ENUL,        /* input holds a NUL byte */
  JURU_EENCODING,   /* input is in another encoding (UTF-16/32) or binary */
  JURU_ESYNTAX,     /* a data file (dictionary, list) is malformed */
  JURU_ETOOBIG,     /* input exceeds a configured limit */
  JURU_ECANCELLED,  /* a caller's callback asked to stop */
  JURU_ENOTFOUND,   /* nothing matched */
  JURU_EBACKEND,    /* a translation server failed or refused (see the
                       error's text) */
  JURU_EAUTH        /* a translation server refused the key or quota */
} juru_status;

/* Filled by a failing call.  `line` and `column` are 1-based (0: not known);
 * `column` counts code points.  `offset` is a byte offset into the input
 * ((size_t)-1: not known).  `source` names the file, or "<input>". */
#define JURU_ERROR_SOURCE_LENGTH 160
#define JURU_ERROR_TEXT_LENGTH 200
typedef struct juru_error {
  juru_status status;
  size_t line;
  size_t column;
  size_t offset;
  char source[JURU_ERROR_SOURCE_LENGTH];
  char text[JURU_ERROR_TEXT_LENGTH];
} juru_error;

/* A short English description of a status ("invalid UTF-8").  Never NULL. */
const char *juru_strerror(juru_status status);

/* The library's version, e.g. "0.1.0". */
const char *juru_version(void);

/* Replace the allocator used by the whole library (all three or none: pass
 * NULLs to restore malloc/realloc/free).  Not thread-safe; call before
 * creating any object.  Memory the library hands out (e.g. from
 * juru_normalize) is released with juru_free. */
typedef void *(*juru_malloc_fn)(size_t size);
typedef void *(*juru_realloc_fn)(void *ptr, size_t size);
typedef void (*juru_free_fn)(void *ptr);
void juru_set_allocator(juru_malloc_fn m, juru_realloc_fn r, juru_free_fn f);
void juru_free(void *ptr);

#ifdef __cplusplus
}
#endif
#endif
