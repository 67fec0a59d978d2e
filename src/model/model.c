/* Reading a model file: map it, check every table against the file's size
 * once, then answer lookups without further checks.  See model.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../util/strmap.h"
#include "../util/util.h"
#include "model.h"

static juru_status bad(juru_error *err, const char *path, const char *what) {
  return juru__fail(err, JURU_ESYNTAX, path, 0, 0, JURU__NONE,
                    "not a valid juru model: %s", what);
}

/* Section `name` as an array of `width`-byte items, or NULL. */
static const void *items(const juru__datafile *df, const char *name,
                         size_t width, size_t *count) {
  const juru__section *s = juru__datafile_get(df, name);
  if (!s || s->size % width) return NULL;
  *count = s->size / width;
  return s->data;
}

static juru_status view_english(juru_model *m, const char *path, juru_error *err) {
  size_t n_index = 0, pool = 0;
  m->en_index = items(&m->df, "en.index", sizeof(uint32_t), &n_index);
  m->en_pool = items(&m->df, "en.pool", 1, &pool);
  if (!m->en_index || !m->en_pool || n_index < 4 ||
      juru__strmap_view(&m->en, &m->df, "en") != JURU_OK)
    return bad(err, path, "English vocabulary");
  m->n_en = n_index - 1;
  if (m->en_index[0] != 0 || m->en_index[m->n_en] > pool)
    return bad(err, path, "English index");
  for (size_t i = 0; i < m->n_en; i++)
    if (m->en_index[i] > m->en_index[i + 1]) return bad(err, path, "English index");
  return JURU_OK;
}

static juru_status view_phrases(juru_model *m, const char *path, juru_error *err) {
  m->entries = items(&m->df, "entries", sizeof *m->entries, &m->n_entries);
  m->cands = items(&m->df, "cands", sizeof *m->cands, &m->n_cands);
  m->tgt = items(&m->df, "tgt", sizeof *m->tgt, &m->n_tgt);
  if (!m->entries || !m->cands || !m->tgt ||
      juru__strmap_view(&m->src, &m->df, "src") != JURU_OK)
    return bad(err, path, "phrase table");
  for (size_t i = 0; i < m->n_entries; i++) {
    const juru__model_entry *e = &m->entries[i];
    if (e->first_cand > m->n_cands || e->n_cand > m->n_cands - e->first_cand)
      return bad(err, path, "phrase entry");
  }
  for (size_t i = 0; i < m->n_cands; i++) {
    const juru__model_cand *c = &m->cands[i];
    if (c->tgt_off > m->n_tgt || c->tgt_len > m->n_tgt - c->tgt_off || !c->tgt_len)
      return bad(err, path, "phrase candidate");
    for (int k = 0; k < 4; k++)
      if (!isfinite(c->f[k]) || c->f[k] > 0.001f) return bad(err, path, "phrase score");
  }
  for (size_t i = 0; i < m->n_tgt; i++)
    if (m->tgt[i] >= m->n_en) return bad(err, path, "English word id");
  return JURU_OK;
}

static juru_status view_model(juru_model *m, const char *path, juru_error *err) {
  size_t n = 0;
  const juru__model_info *info = items(&m->df, "model.info", sizeof *info, &n);
  if (!info || n != 1 || info->version != JURU__MODEL_VERSION ||
      info->n_weights != JURU_N_WEIGHTS)
    return bad(err, path, "missing or unsupported version");
  for (int i = 0; i < JURU_N_WEIGHTS; i++)
    if (!isfinite(info->weights[i])) return bad(err, path, "weights");
  memcpy(m->weights, info->weights, sizeof m->weights);
  juru_status st = view_english(m, path, err);
  if (st == JURU_OK) st = view_phrases(m, path, err);
  if (st != JURU_OK) return st;
  const juru__section *lm = juru__datafile_get(&m->df, "lm");
  if (!lm) return bad(err, path, "no language model");
  st = juru__lm_open(&m->lm, lm->data, lm->size, err);
  m->the = juru__model_en_id(m, "the", 3);
  m->a = juru__model_en_id(m, "a", 1);
  m->an = juru__model_en_id(m, "an", 2);
  m->to = juru__model_en_id(m, "to", 2);
  m->of = juru__model_en_id(m, "of", 2);
  if (st == JURU_OK && m->lm.vocab_size > m->n_en)
    st = bad(err, path, "language model vocabulary");
  if (st != JURU_OK && err) snprintf(err->source, sizeof err->source, "%s", path);
  return st;
}

juru_status juru_model_open(const char *path, juru_model **out,
                            juru_error *err) {
  *out = NULL;
  juru_model *m = juru__calloc(1, sizeof *m);
  if (!m) return juru__fail(err, JURU_ENOMEM, path, 0, 0, JURU__NONE, "out of memory");
  juru_status st = juru__datafile_open(path, &m->df, err);
  if (st == JURU_ESYNTAX) bad(err, path, "not a Juru data file");
  if (st == JURU_OK) st = view_model(m, path, err);
  if (st != JURU_OK) {
    juru_model_free(m);
    return st;
  }
  *out = m;
  return JURU_OK;
}

void juru_model_free(juru_model *m) {
  if (!m) return;
  juru__datafile_close(&m->df);
  juru__free(m);
}

const float *juru_model_weights(const juru_model *m) { return m->weights; }

void juru_model_set_weights(juru_model *m, const float *w) {
  memcpy(m->weights, w, sizeof m->weights);
}

const char *juru__model_en_word(const juru_model *m, uint32_t id, size_t *n) {
  if (id >= m->n_en) id = JURU__LM_UNK;
  *n = m->en_index[id + 1] - m->en_index[id];
  return m->en_pool + m->en_index[id];
}

uint32_t juru__model_en_id(const juru_model *m, const char *w, size_t n) {
  uint32_t id;
  if (!juru__strmap_get(&m->en, w, n, &id) || id >= m->n_en) return JURU__LM_UNK;
  return id;
}

const juru__model_entry *juru__model_find(const juru_model *m, const char *s,
                                          size_t n) {
  uint32_t i;
  if (!juru__strmap_get(&m->src, s, n, &i) || i >= m->n_entries) return NULL;
  return &m->entries[i];
}

/* ---- tokenisation shared with training ---------------------------------- */

static int is_alnum_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

/* Bytes of a non-ASCII punctuation mark (curly quotes, dashes: E2 80 xx),
 * which must not glue to a word as a letter would. */
static size_t punct_utf8(const unsigned char *s, size_t n) {
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) return 3;
  if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB || s[1] == 0xA0)) return 2;
  return 0;
}

int juru__en_token_next(const char *s, size_t n, size_t *pos, juru__span *tok) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = *pos;
  while (i < n && (u[i] == ' ' || u[i] == '\t' || u[i] == '\n' || u[i] == '\r')) i++;
  if (i >= n) {
    *pos = n;
    return 0;
  }
  tok->start = i;
  size_t p = punct_utf8(u + i, n - i);
  if (p || !is_alnum_byte(u[i])) {
    i += p ? p : 1;
    while (i < n && (u[i] & 0xC0) == 0x80) i++;
  } else {
    while (i < n) {
      if (punct_utf8(u + i, n - i)) break;
      if (is_alnum_byte(u[i])) { i++; continue; }
      if ((u[i] == '\'' || u[i] == '-' || u[i] == '.') && i + 1 < n &&
          is_alnum_byte(u[i + 1]) && !punct_utf8(u + i + 1, n - i - 1)) {
        i += 2;
        continue;
      }
      break;
    }
  }
  tok->end = i;
  *pos = i;
  return 1;
}

void juru__lower(const char *s, size_t n, char *out) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    out[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
  }
}

int juru__phrase_word(const char *s, size_t n) {
  int letter = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= '0' && c <= '9') return 0;
    if ((c >= 'a' && c <= 'z') || c >= 0x80) letter = 1;
  }
  return letter;
}
