/* juru/tm.h: the translation memory — finished sentence pairs in SQLite.
 *
 * Pairs are keyed by backend, model, glossary version (a hash of the terms
 * that bear on the sentence) and source text.  The database runs in WAL
 * mode and every put is its own committed transaction, so a process killed
 * at any moment leaves every finished pair readable. */
#ifndef JURU_TM_H
#define JURU_TM_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct juru_tm juru_tm;

typedef struct juru_tm_key {
  const char *backend;
  const char *model;       /* "" when the backend has none */
  const char *glossary;    /* glossary version, "" for none */
} juru_tm_key;

/* Open or create the database (its directory must exist). */
juru_status juru_tm_open(const char *path, juru_tm **out, juru_error *err);
void juru_tm_close(juru_tm *tm);

/* The stored English of `source` (allocated, juru_free) or JURU_ENOTFOUND. */
juru_status juru_tm_get(juru_tm *tm, const juru_tm_key *key,
                        const char *source, size_t len, char **english);
/* Store pairs in one transaction. */
juru_status juru_tm_put(juru_tm *tm, const juru_tm_key *key,
                        const char *const *sources, const size_t *lens,
                        const char *const *english, size_t n);
size_t juru_tm_count(juru_tm *tm);

/* Small named values kept beside the pairs (a DeepL glossary's id by the
 * hash of its entries).  get: allocated value or JURU_ENOTFOUND. */
juru_status juru_tm_get_meta(juru_tm *tm, const char *name, char **value);
juru_status juru_tm_put_meta(juru_tm *tm, const char *name, const char *value);

/* Write every pair as TMX 1.4 (the caller owns *out), or read a TMX file's
 * id/en pairs into the memory under `key`.  Import returns how many. */
juru_status juru_tm_export_tmx(juru_tm *tm, char **out, size_t *len);
juru_status juru_tm_import_tmx(juru_tm *tm, const juru_tm_key *key,
                               const char *path, size_t *count,
                               juru_error *err);

#ifdef __cplusplus
}
#endif
#endif
