/* The matcher: a trie over token keys.  An edge is one hash-map entry,
 * keyed by the parent node's number and the token's key, so following a
 * term costs one probe per token whatever the glossary's size.  Matches are
 * longest-leftmost. */
#include <string.h>

#include "glossary.h"
#include "juru/text.h"

#define MAX_KEY 256

/* Token keys are numbered through a vocabulary; an edge is keyed by the
 * pair (parent node, token number) in an integer hash table.  A text token
 * outside the vocabulary costs one lookup in the (small) vocabulary and no
 * more; the edge table is only probed for words some term contains. */
#define NO_TOKEN UINT32_MAX

typedef struct edge {
  uint32_t node, tok, child;
} edge;

struct juru_matcher {
  const juru_glossary *g;
  juru_morph *morph;
  juru__strmap vocab;   /* token key -> token number */
  edge *edges;          /* open addressing; node NO_TOKEN = empty */
  uint32_t *root;       /* token number -> child of the root (0: none), so
                           the first step of every match costs no probe */
  size_t nroot;
  size_t nedges, capedges;
  uint32_t *terminal;   /* node -> term index + 1, 0 none */
  unsigned char *caps;  /* node -> its term is an acronym (AS, IT): the
                           text must be in capitals too, not as, it */
  size_t nodes, cap;
  /* scratch for one text: its tokens and their numbers */
  juru_token *tok;
  uint32_t *tokid;
  size_t ntok, captok;
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

static uint64_t mix(uint32_t node, uint32_t tok) {
  uint64_t x = ((uint64_t)node << 32 | tok) * 0x9E3779B97F4A7C15ull;
  return x ^ (x >> 31);
}

static edge *edge_slot(const juru_matcher *mt, uint32_t node, uint32_t tok) {
  size_t mask = mt->capedges - 1;
  for (size_t i = mix(node, tok) & mask;; i = (i + 1) & mask) {
    edge *e = &mt->edges[i];
    if (e->node == NO_TOKEN || (e->node == node && e->tok == tok)) return e;
  }
}

static juru_status grow_edges(juru_matcher *mt) {
  size_t cap = mt->capedges ? mt->capedges * 2 : 1024;
  edge *old = mt->edges;
  size_t oldcap = mt->capedges;
  mt->edges = juru__malloc(cap * sizeof *mt->edges);
  if (!mt->edges) {
    mt->edges = old;
    return JURU_ENOMEM;
  }
  memset(mt->edges, 0xFF, cap * sizeof *mt->edges);
  mt->capedges = cap;
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].node != NO_TOKEN) *edge_slot(mt, old[i].node, old[i].tok) = old[i];
  juru__free(old);
  return JURU_OK;
}

/* Number the text's tokens; with `learn`, new words join the vocabulary. */
static juru_status tokenize_ids(juru_matcher *mt, const char *text, size_t len,
                                int learn) {
  mt->ntok = 0;
  size_t pos = 0;
  juru_token t;
  while (juru_token_next(NULL, text, len, &pos, &t)) {
    if (mt->ntok == mt->captok) {
      size_t cap = mt->captok ? mt->captok * 2 : 256;
      juru_token *p = juru__realloc(mt->tok, cap * sizeof *p);
      if (!p) return JURU_ENOMEM;
      mt->tok = p;
      uint32_t *q = juru__realloc(mt->tokid, cap * sizeof *q);
      if (!q) return JURU_ENOMEM;
      mt->tokid = q;
      mt->captok = cap;
    }
    char key[MAX_KEY];
    size_t k = token_key(mt->morph, text + t.start, t.end - t.start, key);
    uint32_t id = NO_TOKEN;
    if (!juru__strmap_get(&mt->vocab, key, k, &id) && learn) {
      id = (uint32_t)mt->vocab.count;
      juru_status st = juru__strmap_put(&mt->vocab, key, k, id, NULL);
      if (st != JURU_OK) return st;
    }
    mt->tok[mt->ntok] = t;
    mt->tokid[mt->ntok++] = id;
  }
  return JURU_OK;
}

static juru_status new_node(juru_matcher *mt, uint32_t *id) {
  if (mt->nodes == mt->cap) {
    size_t cap = mt->cap ? mt->cap * 2 : 1024;
    uint32_t *p = juru__realloc(mt->terminal, cap * sizeof *p);
    if (!p) return JURU_ENOMEM;
    mt->terminal = p;
    unsigned char *c = juru__realloc(mt->caps, cap);
    if (!c) return JURU_ENOMEM;
    mt->caps = c;
    mt->cap = cap;
  }
  mt->terminal[mt->nodes] = 0;
  mt->caps[mt->nodes] = 0;
  *id = (uint32_t)mt->nodes++;
  return JURU_OK;
}

static juru_status root_child(juru_matcher *mt, uint32_t tok, uint32_t *node) {
  if (tok >= mt->nroot) {
    size_t n = mt->nroot ? mt->nroot : 1024;
    while (n <= tok) n *= 2;
    uint32_t *p = juru__realloc(mt->root, n * sizeof *p);
    if (!p) return JURU_ENOMEM;
    memset(p + mt->nroot, 0, (n - mt->nroot) * sizeof *p);
    mt->root = p;
    mt->nroot = n;
  }
  if (!mt->root[tok]) {
    juru_status st = new_node(mt, &mt->root[tok]);
    if (st != JURU_OK) return st;
  }
  *node = mt->root[tok];
  return JURU_OK;
}

/* Capitals only, at least two letters: an acronym. */
static int acronym(const char *s, size_t n) {
  size_t upper = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= 'a' && s[i] <= 'z') return 0;
    upper += s[i] >= 'A' && s[i] <= 'Z';
  }
  return upper >= 2;
}

static juru_status insert_form(juru_matcher *mt, size_t index,
                               const char *src, size_t len) {
  juru_status st = tokenize_ids(mt, src, len, 1);
  uint32_t node = 0;
  if (st == JURU_OK && mt->ntok) st = root_child(mt, mt->tokid[0], &node);
  for (size_t i = 1; st == JURU_OK && i < mt->ntok; i++) {
    if ((mt->nedges + 1) * 2 > mt->capedges && (st = grow_edges(mt)) != JURU_OK)
      break;
    edge *e = edge_slot(mt, node, mt->tokid[i]);
    if (e->node == NO_TOKEN) {
      uint32_t child;
      st = new_node(mt, &child);
      if (st != JURU_OK) break;
      e->node = node;
      e->tok = mt->tokid[i];
      e->child = child;
      mt->nedges++;
    }
    node = e->child;
  }
  if (st == JURU_OK && node != 0 && mt->terminal[node] == 0) {
    mt->terminal[node] = (uint32_t)index + 1; /* the first term wins */
    mt->caps[node] = acronym(src, len);
  }
  return st;
}

/* A source may list variants: "duta besar|dubes" matches either. */
static juru_status insert_term(juru_matcher *mt, size_t index) {
  const char *src = mt->g->terms[index].source;
  juru_status st = JURU_OK;
  while (st == JURU_OK && *src) {
    size_t n = strcspn(src, "|");
    st = insert_form(mt, index, src, n);
    src += n + (src[n] == '|');
  }
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
  if (st == JURU_OK) st = grow_edges(mt);
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
  juru__strmap_free(&mt->vocab);
  juru__free(mt->edges);
  juru__free(mt->root);
  juru__free(mt->terminal);
  juru__free(mt->caps);
  juru__free(mt->tok);
  juru__free(mt->tokid);
  juru__free(mt);
}

/* May the term ending at `node`, over tokens i..j, match here? */
static int case_fits(const juru_matcher *mt, uint32_t node, const char *text,
                     size_t i, size_t j) {
  if (!mt->caps[node]) return 1;
  for (size_t k = i; k <= j; k++)
    if (!acronym(text + mt->tok[k].start, mt->tok[k].end - mt->tok[k].start))
      return 0;
  return 1;
}

size_t juru_matcher_find(juru_matcher *mt, const char *text, size_t len,
                         juru_match *out, size_t max) {
  if (!mt || (!text && len) || tokenize_ids(mt, text, len, 0) != JURU_OK)
    return 0;
  size_t found = 0;
  for (size_t i = 0; i < mt->ntok;) {
    uint32_t id = mt->tokid[i];
    uint32_t node = id < mt->nroot ? mt->root[id] : 0, term = 0;
    size_t last = i;
    if (node && mt->terminal[node] && case_fits(mt, node, text, i, i))
      term = mt->terminal[node];
    for (size_t j = i + 1; node && j < mt->ntok && mt->tokid[j] != NO_TOKEN;
         j++) {
      const edge *e = edge_slot(mt, node, mt->tokid[j]);
      if (e->node == NO_TOKEN) break;
      node = e->child;
      if (mt->terminal[node] && case_fits(mt, node, text, i, j)) {
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
