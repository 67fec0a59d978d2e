/* The one door to Hunspell: no other file includes <hunspell/hunspell.h>. */
#ifndef JURU_HUNSPELL_H
#define JURU_HUNSPELL_H

#include <stddef.h>

typedef struct juru__hunspell juru__hunspell;

/* NULL when the files cannot be read or memory runs out. */
juru__hunspell *juru__hunspell_open(const char *aff, const char *dic);
void juru__hunspell_close(juru__hunspell *h);
int juru__hunspell_spell(juru__hunspell *h, const char *word, size_t len);
/* Up to `max` suggestions, each allocated with the library's allocator. */
size_t juru__hunspell_suggest(juru__hunspell *h, const char *word, size_t len,
                              char **out, size_t max);

#endif
