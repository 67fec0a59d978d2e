/* The matcher: a trie over token keys.  An edge is one hash-map entry,
 * keyed by the parent node's number and the token's key, so following a
 * term costs one probe per token whatever the glossary's size.  Matches are
 * longest-leftmost. */
#include <string.h>

#include "glossary.h"
#include "juru/text.h"

#define MAX_KEY 256

struct juru_matcher {
  const juru_glossary *g;
  juru_morph *morph;
  juru__strmap edges;   /* node(4 bytes) + key -> child node */
  uint32_t *terminal;   /* node -> term index + 1, 0 none */
  size_t nodes, cap;
  /* scratch for one text: its tokens and their keys */
  juru_token *tok;
  size_t ntok, captok;
  juru__buf keys;
  size_t *key_off;
  size_t capkey;
};

/* The key of one token: lower case; a reduplicated word as its single form
 * and a clitic after a hyphen dropped (through morphology). */
static size_t token_key(juru_morph *m, const char *s, size_t n, char *out) {
  size_t k = juru__glossary_key(s, n, out, MAX_KEY);
  if (k == 0) { /* too long to fold: its bytes, cut, still tell it apart */
    k = n < MAX_KEY - 1 ? n : MAX_KEY - 1;
    memcpy(out, s, k);
    return k;
  }
  if (!m || !memchr(out, '-', k)) return k;
  juru_analysis a;
  if (juru_morph_analyze(m, out, k, &a) != JURU_OK) return k;
  if (a.reduplicated) {
    const char *dash = strchr(a.word, '-');
    size_t l = dash ? (size_t)(dash - a.word) : strlen(a.word);
    memcpy(out, a.word, l);
    return l;
  }
  if (a.possessive || a.particle) {
    size_t l = strlen(a.base);
    memcpy(out, a.base, l);
    return l;
  }
  return k;
}

static juru_status tokenize_keys(juru_matcher *mt, const char *text,
                                 size_t len) {
  mt->ntok = 0;
  juru__buf_clear(&mt->keys);
  size_t pos = 0;
  juru_token t;
  while (juru_token_next(NULL, text, len, &pos, &t)) {
    if (mt->ntok == mt->captok || mt->ntok == mt->capkey) {
      size_t cap = mt->captok ? mt->captok * 2 : 256;
      juru_token *p = juru__realloc(mt->tok, cap * sizeof *p);
      if (!p) return JURU_ENOMEM;
      mt->tok = p;
      size_t *q = juru__realloc(mt->key_off, (cap + 1) * sizeof *q);
      if (!q) return JURU_ENOMEM;
      mt->key_off = q;
      mt->captok = mt->capkey = cap;
    }
    char key[MAX_KEY];
    size_t k = token_key(mt->morph, text + t.start, t.end - t.start, key);
    mt->key_off[mt->ntok] = mt->keys.len;
    juru_status st = juru__buf_append(&mt->keys, key, k);
    if (st != JURU_OK) return st;
    mt->tok[mt->ntok++] = t;
  }
  mt->key_off[mt->ntok] = mt->keys.len;
  return JURU_OK;
}

/* Edge key: the parent node's number, then the token key. */
static size_t edge_key(uint32_t node, const char *key, size_t n, char *out) {
  memcpy(out, &node, sizeof node);
  memcpy(out + sizeof node, key, n);
  return n + sizeof node;
}

static juru_status new_node(juru_matcher *mt, uint32_t *id) {
  if (mt->nodes == mt->cap) {
    size_t cap = mt->cap ? mt->cap * 2 : 1024;
    uint32_t *p = juru__realloc(mt->terminal, cap * sizeof *p);
    if (!p) return JURU_ENOMEM;
    mt->terminal = p;
    mt->cap = cap;
  }
  mt->terminal[mt->nodes] = 0;
  *id = (uint32_t)mt->nodes++;
  return JURU_OK;
}

static juru_status insert_term(juru_matcher *mt, size_t index) {
  const char *src = mt->g->terms[index].source;
  juru_status st = tokenize_keys(mt, src, strlen(src));
  uint32_t node = 0;
  for (size_t i = 0; st == JURU_OK && i < mt->ntok; i++) {
    char ek[MAX_KEY + 8];
    size_t n = edge_key(node, mt->keys.data + mt->key_off[i],
                        mt->key_off[i + 1] - mt->key_off[i], ek);
    uint32_t child;
    if (!juru__strmap_get(&mt->edges, ek, n, &child)) {
      st = new_node(mt, &child);
      if (st == JURU_OK) st = juru__strmap_put(&mt->edges, ek, n, child, NULL);
    }
    node = child;
  }
  if (st == JURU_OK && node != 0 && mt->terminal[node] == 0)
    mt->terminal[node] = (uint32_t)index + 1; /* the first term wins */
  return st;
}

juru_status juru_matcher_new(const juru_glossary *g, juru_morph *morph,
                             juru_matcher **out) {
  *out = NULL;
  if (!g) return JURU_EINVAL;
  juru_matcher *mt = juru__calloc(1, sizeof *mt);
  if (!mt) return JURU_ENOMEM;
  mt->g = g;
  mt->morph = morph;
  uint32_t root;
  juru_status st = new_node(mt, &root);
  for (size_t i = 0; st == JURU_OK && i < g->count; i++) st = insert_term(mt, i);
  if (st != JURU_OK) {
    juru_matcher_free(mt);
    return st;
  }
  *out = mt;
  return JURU_OK;
}

void juru_matcher_free(juru_matcher *mt) {
  if (!mt) return;
  juru__strmap_free(&mt->edges);
  juru__free(mt->terminal);
  juru__free(mt->tok);
  juru__free(mt->key_off);
  juru__buf_free(&mt->keys);
  juru__free(mt);
}

size_t juru_matcher_find(juru_matcher *mt, const char *text, size_t len,
                         juru_match *out, size_t max) {
  if (!mt || (!text && len) || tokenize_keys(mt, text, len) != JURU_OK)
    return 0;
  size_t found = 0;
  for (size_t i = 0; i < mt->ntok;) {
    uint32_t node = 0, term = 0;
    size_t last = 0;
    for (size_t j = i; j < mt->ntok; j++) {
      char ek[MAX_KEY + 8];
      size_t n = edge_key(node, mt->keys.data + mt->key_off[j],
                          mt->key_off[j + 1] - mt->key_off[j], ek);
      if (!juru__strmap_get(&mt->edges, ek, n, &node)) break;
      if (mt->terminal[node]) {
        term = mt->terminal[node];
        last = j;
      }
    }
    if (!term) {
      i++;
      continue;
    }
    if (found < max) {
      out[found].start = mt->tok[i].start;
      out[found].end = mt->tok[last].end;
      out[found].term = term - 1;
    }
    found++;
    i = last + 1;
  }
  return found;
}
