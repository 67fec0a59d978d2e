/* A hash map from byte strings to 32-bit values: open addressing, keys
 * copied into one growing arena.  Used for abbreviation lists, the root
 * dictionary, lexicon indexes and analysis caches. */
#ifndef JURU_STRMAP_H
#define JURU_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef struct juru__strmap_slot {
  uint32_t off;  /* key offset in the arena */
  uint32_t len;  /* 0: empty */
  uint32_t value;
  uint32_t hash; /* of the key, checked before comparing bytes */
} juru__strmap_slot;

typedef struct juru__strmap {
  juru__buf keys;
  juru__strmap_slot *slots;
  size_t nslots; /* power of two */
  size_t count;
  int borrowed;  /* a read-only view into a data file: never grown or freed */
} juru__strmap;

uint64_t juru__hash(const char *s, size_t len);

/* Insert `key` with `value`.  When the key exists its value is left alone
 * and *existing (if not NULL) receives it; returns JURU_OK either way. */
juru_status juru__strmap_put(juru__strmap *m, const char *key, size_t len,
                             uint32_t value, uint32_t *existing);
/* 1 and *value when found, else 0. */
int juru__strmap_get(const juru__strmap *m, const char *key, size_t len,
                     uint32_t *value);
/* Overwrite the value of an existing key; 0 when absent. */
int juru__strmap_set(juru__strmap *m, const char *key, size_t len,
                     uint32_t value);
/* The stored copy of a key (valid until the next put). */
const char *juru__strmap_key(const juru__strmap *m,
                             const juru__strmap_slot *slot);
void juru__strmap_free(juru__strmap *m);

#endif
