/* The translation memory in SQLite (see juru/tm.h).  The only file that
 * includes <sqlite3.h>. */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "juru/model.h"
#include "juru/tm.h"
#include "../util/util.h"

struct juru_tm {
  sqlite3 *db;
  sqlite3_stmt *get, *put;
};

static const char schema[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "CREATE TABLE IF NOT EXISTS pairs ("
    " backend TEXT NOT NULL, model TEXT NOT NULL, glossary TEXT NOT NULL,"
    " source TEXT NOT NULL, english TEXT NOT NULL,"
    " created INTEGER NOT NULL DEFAULT (strftime('%s','now')),"
    " PRIMARY KEY (backend, model, glossary, source));"
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);";

static juru_status fail_db(juru_tm *tm, const char *path, juru_error *err) {
  juru_status st = juru__fail(err, JURU_EIO, path, 0, 0, JURU__NONE,
                              "translation memory: %s",
                              tm->db ? sqlite3_errmsg(tm->db) : "cannot open");
  juru_tm_close(tm);
  return st;
}

juru_status juru_tm_open(const char *path, juru_tm **out, juru_error *err) {
  *out = NULL;
  juru_tm *tm = juru__calloc(1, sizeof *tm);
  if (!tm) return juru__fail(err, JURU_ENOMEM, path, 0, 0, JURU__NONE, "out of memory");
  if (sqlite3_open_v2(path, &tm->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      NULL) != SQLITE_OK)
    return fail_db(tm, path, err);
  sqlite3_busy_timeout(tm->db, 5000);
  if (sqlite3_exec(tm->db, schema, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(tm->db,
                         "SELECT english FROM pairs WHERE backend=? AND model=?"
                         " AND glossary=? AND source=?", -1, &tm->get, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(tm->db,
                         "INSERT OR REPLACE INTO pairs (backend, model, glossary,"
                         " source, english) VALUES (?,?,?,?,?)", -1, &tm->put,
                         NULL) != SQLITE_OK)
    return fail_db(tm, path, err);
  *out = tm;
  return JURU_OK;
}

void juru_tm_close(juru_tm *tm) {
  if (!tm) return;
  sqlite3_finalize(tm->get);
  sqlite3_finalize(tm->put);
  sqlite3_close(tm->db);
  juru__free(tm);
}

static void bind_key(sqlite3_stmt *s, const juru_tm_key *k) {
  sqlite3_bind_text(s, 1, k->backend ? k->backend : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 2, k->model ? k->model : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 3, k->glossary ? k->glossary : "", -1, SQLITE_TRANSIENT);
}

juru_status juru_tm_get(juru_tm *tm, const juru_tm_key *key,
                        const char *source, size_t len, char **english) {
  *english = NULL;
  sqlite3_reset(tm->get);
  bind_key(tm->get, key);
  sqlite3_bind_text(tm->get, 4, source, (int)len, SQLITE_TRANSIENT);
  int rc = sqlite3_step(tm->get);
  juru_status st = JURU_ENOTFOUND;
  if (rc == SQLITE_ROW) {
    const char *e = (const char *)sqlite3_column_text(tm->get, 0);
    int n = sqlite3_column_bytes(tm->get, 0);
    *english = e ? juru__strndup(e, (size_t)n) : NULL;
    st = *english ? JURU_OK : JURU_ENOMEM;
  } else if (rc != SQLITE_DONE) {
    st = JURU_EIO;
  }
  sqlite3_reset(tm->get);
  return st;
}

juru_status juru_tm_put(juru_tm *tm, const juru_tm_key *key,
                        const char *const *sources, const size_t *lens,
                        const char *const *english, size_t n) {
  if (sqlite3_exec(tm->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return JURU_EIO;
  juru_status st = JURU_OK;
  for (size_t i = 0; i < n && st == JURU_OK; i++) {
    sqlite3_reset(tm->put);
    bind_key(tm->put, key);
    sqlite3_bind_text(tm->put, 4, sources[i], (int)lens[i], SQLITE_TRANSIENT);
    sqlite3_bind_text(tm->put, 5, english[i], -1, SQLITE_TRANSIENT);
    if (sqlite3_step(tm->put) != SQLITE_DONE) st = JURU_EIO;
  }
  sqlite3_reset(tm->put);
  if (sqlite3_exec(tm->db, st == JURU_OK ? "COMMIT" : "ROLLBACK", NULL, NULL,
                   NULL) != SQLITE_OK)
    st = JURU_EIO;
  return st;
}

size_t juru_tm_count(juru_tm *tm) {
  sqlite3_stmt *s;
  size_t n = 0;
  if (sqlite3_prepare_v2(tm->db, "SELECT count(*) FROM pairs", -1, &s, NULL) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    n = (size_t)sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return n;
}

juru_status juru_tm_get_meta(juru_tm *tm, const char *name, char **value) {
  *value = NULL;
  sqlite3_stmt *s;
  juru_status st = JURU_ENOTFOUND;
  if (sqlite3_prepare_v2(tm->db, "SELECT value FROM meta WHERE name=?", -1, &s,
                         NULL) != SQLITE_OK)
    return JURU_EIO;
  sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step(s) == SQLITE_ROW) {
    const char *v = (const char *)sqlite3_column_text(s, 0);
    *value = juru__strndup(v ? v : "", v ? strlen(v) : 0);
    st = *value ? JURU_OK : JURU_ENOMEM;
  }
  sqlite3_finalize(s);
  return st;
}

juru_status juru_tm_put_meta(juru_tm *tm, const char *name, const char *value) {
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(tm->db, "INSERT OR REPLACE INTO meta VALUES (?,?)", -1,
                         &s, NULL) != SQLITE_OK)
    return JURU_EIO;
  sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
  juru_status st = sqlite3_step(s) == SQLITE_DONE ? JURU_OK : JURU_EIO;
  sqlite3_finalize(s);
  return st;
}

/* ---- TMX ---------------------------------------------------------------- */

static juru_status add_xml(juru__buf *b, const char *s) {
  juru_status st = JURU_OK;
  for (; *s && st == JURU_OK; s++) {
    switch (*s) {
    case '&': st = juru__buf_append(b, "&amp;", 5); break;
    case '<': st = juru__buf_append(b, "&lt;", 4); break;
    case '>': st = juru__buf_append(b, "&gt;", 4); break;
    default:
      st = (unsigned char)*s < 0x20 && *s != '\t' && *s != '\n'
               ? juru__buf_append(b, " ", 1)
               : juru__buf_append(b, s, 1);
    }
  }
  return st;
}

static juru_status add_str(juru__buf *b, const char *s) {
  return juru__buf_append(b, s, strlen(s));
}

juru_status juru_tm_export_tmx(juru_tm *tm, char **out, size_t *len) {
  *out = NULL;
  juru__buf b = {0};
  sqlite3_stmt *s;
  juru_status st = add_str(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<tmx version=\"1.4\">\n  <header creationtool=\"juru\" "
                               "creationtoolversion=\"" JURU_VERSION_STRING "\" "
                               "datatype=\"plaintext\" segtype=\"sentence\" "
                               "adminlang=\"en\" srclang=\"id\" o-tmf=\"juru\"/>\n  <body>\n");
  if (sqlite3_prepare_v2(tm->db, "SELECT source, english, backend, model FROM pairs"
                         " ORDER BY rowid", -1, &s, NULL) != SQLITE_OK)
    st = JURU_EIO;
  while (st == JURU_OK && sqlite3_step(s) == SQLITE_ROW) {
    const char *src = (const char *)sqlite3_column_text(s, 0);
    const char *en = (const char *)sqlite3_column_text(s, 1);
    st = add_str(&b, "    <tu><prop type=\"x-backend\">");
    if (st == JURU_OK) st = add_xml(&b, (const char *)sqlite3_column_text(s, 2));
    if (st == JURU_OK) st = add_str(&b, "</prop>\n      <tuv xml:lang=\"id\"><seg>");
    if (st == JURU_OK) st = add_xml(&b, src ? src : "");
    if (st == JURU_OK) st = add_str(&b, "</seg></tuv>\n      <tuv xml:lang=\"en\"><seg>");
    if (st == JURU_OK) st = add_xml(&b, en ? en : "");
    if (st == JURU_OK) st = add_str(&b, "</seg></tuv>\n    </tu>\n");
  }
  sqlite3_finalize(s);
  if (st == JURU_OK) st = add_str(&b, "  </body>\n</tmx>\n");
  if (st != JURU_OK) {
    juru__buf_free(&b);
    return st;
  }
  *out = b.data;
  *len = b.len;
  return JURU_OK;
}

typedef struct tmx_import {
  juru_tm *tm;
  const juru_tm_key *key;
} tmx_import;

static juru_status put_pair(void *ud, const char *id, size_t id_len,
                            const char *en, size_t en_len) {
  tmx_import *x = ud;
  (void)en_len; /* the TMX reader's buffers end in a NUL */
  return juru_tm_put(x->tm, x->key, &id, &id_len, &en, 1);
}

juru_status juru_tm_import_tmx(juru_tm *tm, const juru_tm_key *key,
                               const char *path, size_t *count,
                               juru_error *err) {
  tmx_import x = {tm, key};
  return juru_corpus_read_tmx(path, put_pair, &x, count, err);
}
