/* Hunspell behind a small interface: spelling and suggestions.  Hunspell
 * wants NUL-terminated strings; words are copied into a bounded buffer. */
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <string.h>

#include "../util/util.h"
#include "hunspell.h"

struct juru__hunspell {
  Hunhandle *h;
};

juru__hunspell *juru__hunspell_open(const char *aff, const char *dic) {
  FILE *a = fopen(aff, "r"), *d = fopen(dic, "r");
  int readable = a && d;
  if (a) fclose(a);
  if (d) fclose(d);
  if (!readable) return NULL; /* Hunspell_create does not report this */
  juru__hunspell *h = juru__calloc(1, sizeof *h);
  if (!h) return NULL;
  h->h = Hunspell_create(aff, dic);
  if (!h->h) {
    juru__free(h);
    return NULL;
  }
  return h;
}

void juru__hunspell_close(juru__hunspell *h) {
  if (!h) return;
  Hunspell_destroy(h->h);
  juru__free(h);
}

static int terminated(const char *word, size_t len, char *buf, size_t size) {
  if (len == 0 || len >= size || memchr(word, '\0', len)) return 0;
  memcpy(buf, word, len);
  buf[len] = '\0';
  return 1;
}

int juru__hunspell_spell(juru__hunspell *h, const char *word, size_t len) {
  char buf[256];
  return terminated(word, len, buf, sizeof buf) && Hunspell_spell(h->h, buf);
}

size_t juru__hunspell_suggest(juru__hunspell *h, const char *word, size_t len,
                              char **out, size_t max) {
  char buf[256];
  if (!terminated(word, len, buf, sizeof buf)) return 0;
  char **list = NULL;
  int n = Hunspell_suggest(h->h, &list, buf);
  size_t k = 0;
  for (int i = 0; i < n && k < max; i++) {
    char *s = juru__strndup(list[i], strlen(list[i]));
    if (s) out[k++] = s;
  }
  if (list) Hunspell_free_list(h->h, &list, n);
  return k;
}
