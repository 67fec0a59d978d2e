/* juru/backend.h: translation servers — LibreTranslate, DeepL, Google
 * (v2), OpenAI-compatible chat servers (llama.cpp, vLLM, Ollama /v1) and
 * Ollama's own API — used well.
 *
 * Sentences go in batches within each API's limits, several requests at
 * once (curl multi), and come back in order.  Transient failures (429 with
 * Retry-After, 5xx, 529, dropped connections, a reply with the wrong number
 * of translations or invalid JSON) are retried with exponential backoff
 * and jitter; 413 splits the batch; 400/401/403/456 stop at once.  Glossary
 * terms are protected as markup the server keeps (LibreTranslate, Google,
 * DeepL: <span translate="no">) or listed in the instructions (LLMs), and
 * every result is checked for them afterwards.  With a translation memory
 * (juru/tm.h), sentences already translated are never requested again and
 * each finished batch is stored at once.
 *
 * The library reads no environment and prints nothing: keys and URLs come
 * from the caller, and log lines (never holding a key) go to a callback. */
#ifndef JURU_BACKEND_H
#define JURU_BACKEND_H

#include "core.h"
#include "glossary.h"
#include "tm.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct juru_backend_options {
  const char *name;        /* libretranslate, deepl, google, openai, ollama */
  const char *url;         /* base URL; NULL: the backend's public default */
  const char *key;         /* API key or NULL; sent only in a header */
  const char *model;       /* openai, ollama: the model name */
  size_t jobs;             /* requests at once; 0: 4 */
  long connect_timeout_ms; /* 0: 10 s */
  long timeout_ms;         /* whole request; 0: 120 s */
  unsigned max_retries;    /* per batch; 0: 5 */
  double backoff_ms;       /* first retry delay; 0: 250 ms, doubling */
  size_t max_batch;        /* sentences per request; 0: the API's limit */
  juru_tm *tm;             /* translation memory, or NULL */
} juru_backend_options;

/* One sentence to translate. */
typedef struct juru_backend_item {
  const char *source;      /* valid UTF-8 */
  size_t len;
  const juru_match *terms; /* its glossary matches (byte ranges) */
  size_t n_terms;
  /* results */
  char *english;           /* allocated (juru_free), or NULL if not done */
  int from_tm;             /* found in the translation memory */
  size_t honoured;         /* terms whose English is in the result */
} juru_backend_item;

typedef struct juru_backend_stats {
  size_t requests, retries, from_tm, translated;
  size_t terms, honoured;
} juru_backend_stats;

typedef void (*juru_backend_log_fn)(const char *line, void *userdata);

/* Is `name` a backend?  Fills its default URL and whether it needs a key
 * and a model. */
int juru_backend_info(const char *name, const char **default_url,
                      int *needs_key, int *needs_model);
/* The backends' names, NULL-terminated. */
const char *const *juru_backend_names(void);

/* Translate items[0..n) with glossary g (the matches' term indexes refer to
 * it; may be NULL).  On failure, items already done keep their English
 * (and are in the memory); err says which batch failed and why. */
juru_status juru_backend_translate(const juru_backend_options *opt,
                                   const juru_glossary *g,
                                   juru_backend_item *items, size_t n,
                                   juru_backend_stats *stats,
                                   juru_backend_log_fn log, void *userdata,
                                   juru_error *err);

/* A health check: one small request.  JURU_OK when the server translated
 * it. */
juru_status juru_backend_check(const juru_backend_options *opt,
                               juru_error *err);

#ifdef __cplusplus
}
#endif
#endif
