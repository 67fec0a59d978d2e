#include <string.h>

#include "strmap.h"

uint64_t juru__hash(const char *s, size_t len) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}

/* The slot holding `key`, or the empty slot where it would go; NULL only
 * for a damaged read-only map (no empty slot, or keys out of bounds), so
 * that a corrupt data file costs a miss, never a hang or a wild read. */
static juru__strmap_slot *find(const juru__strmap *m, const char *key,
                               size_t len, uint64_t h) {
  size_t mask = m->nslots - 1;
  size_t i = h & mask;
  uint32_t h32 = (uint32_t)(h >> 32);
  for (size_t probes = 0; probes < m->nslots; probes++, i = (i + 1) & mask) {
    juru__strmap_slot *s = &m->slots[i];
    if (s->len == 0) return s;
    if (s->len != len || s->hash != h32) continue;
    if (m->borrowed && (s->off > m->keys.len || len > m->keys.len - s->off))
      continue;
    if (memcmp(m->keys.data + s->off, key, len) == 0) return s;
  }
  return NULL;
}

static juru_status grow(juru__strmap *m) {
  size_t n = m->nslots ? m->nslots * 2 : 64;
  juru__strmap_slot *old = m->slots;
  size_t oldn = m->nslots;
  juru__strmap_slot *fresh = juru__calloc(n, sizeof *fresh);
  if (!fresh) return JURU_ENOMEM;
  m->slots = fresh;
  m->nslots = n;
  for (size_t i = 0; i < oldn; i++)
    if (old[i].len)
      *find(m, m->keys.data + old[i].off, old[i].len,
            juru__hash(m->keys.data + old[i].off, old[i].len)) = old[i];
  juru__free(old);
  return JURU_OK;
}

juru_status juru__strmap_put(juru__strmap *m, const char *key, size_t len,
                             uint32_t value, uint32_t *existing) {
  if (len == 0 || len > UINT32_MAX || m->borrowed) return JURU_EINVAL;
  if (m->keys.len + len > UINT32_MAX) return JURU_ETOOBIG;
  if ((m->count + 1) * 2 > m->nslots) { /* at most half full */
    juru_status st = grow(m);
    if (st != JURU_OK) return st;
  }
  uint64_t h = juru__hash(key, len);
  juru__strmap_slot *s = find(m, key, len, h);
  if (!s) return JURU_EINVAL;
  if (s->len) {
    if (existing) *existing = s->value;
    return JURU_OK;
  }
  size_t off = m->keys.len;
  juru_status st = juru__buf_append(&m->keys, key, len);
  if (st != JURU_OK) return st;
  s->off = (uint32_t)off;
  s->len = (uint32_t)len;
  s->value = value;
  s->hash = (uint32_t)(h >> 32);
  m->count++;
  if (existing) *existing = UINT32_MAX;
  return JURU_OK;
}

int juru__strmap_get(const juru__strmap *m, const char *key, size_t len,
                     uint32_t *value) {
  if (!m->nslots || len == 0) return 0;
  const juru__strmap_slot *s = find(m, key, len, juru__hash(key, len));
  if (!s || !s->len) return 0;
  if (value) *value = s->value;
  return 1;
}

int juru__strmap_set(juru__strmap *m, const char *key, size_t len,
                     uint32_t value) {
  if (!m->nslots || len == 0 || m->borrowed) return 0;
  juru__strmap_slot *s = find(m, key, len, juru__hash(key, len));
  if (!s || !s->len) return 0;
  s->value = value;
  return 1;
}

const char *juru__strmap_key(const juru__strmap *m,
                             const juru__strmap_slot *slot) {
  return m->keys.data + slot->off;
}

void juru__strmap_free(juru__strmap *m) {
  if (m->borrowed) {
    memset(m, 0, sizeof *m);
    return;
  }
  juru__buf_free(&m->keys);
  juru__free(m->slots);
  m->slots = NULL;
  m->nslots = m->count = 0;
}
