/* Internal interface of the glossary module. */
#ifndef JURU_GLOSSARY_INTERNAL_H
#define JURU_GLOSSARY_INTERNAL_H

#include "juru/glossary.h"
#include "../util/strmap.h"

/* Text that stays where it is: blocks that are never moved. */
typedef struct juru__arena_block juru__arena_block;
typedef struct juru__arena {
  juru__arena_block *head;
} juru__arena;
char *juru__arena_strndup(juru__arena *a, const char *s, size_t n);
void juru__arena_free(juru__arena *a);

struct juru_glossary {
  juru__arena text;
  juru_term *terms;
  size_t count, cap;
  juru__strmap seen; /* normalised source -> index */
};

/* Lower case, single spaces: the key under which a glossary keeps one term
 * per source.  Returns the length (0 when it does not fit). */
size_t juru__glossary_key(const char *s, size_t len, char *out, size_t size);

/* A growable output string. */
typedef juru__buf juru__out;
juru_status juru__out_str(juru__out *o, const char *s);
juru_status juru__out_fmt(juru__out *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Readers append terms to g; writers append to o. */
juru_status juru__glossary_read_tsv(juru_glossary *g, const char *data,
                                    size_t len, const char *name,
                                    juru_error *err);
juru_status juru__glossary_read_csv(juru_glossary *g, const char *data,
                                    size_t len, const char *name,
                                    juru_error *err);
juru_status juru__glossary_read_json(juru_glossary *g, const char *data,
                                     size_t len, const char *name,
                                     juru_error *err);
juru_status juru__glossary_read_md(juru_glossary *g, const char *data,
                                   size_t len, const char *name,
                                   juru_error *err);
juru_status juru__glossary_read_tbx(juru_glossary *g, const char *data,
                                    size_t len, const char *name,
                                    juru_error *err);
juru_status juru__glossary_write_text(const juru_glossary *g,
                                      juru_glossary_format f, int full,
                                      juru__out *o);
juru_status juru__glossary_write_json(const juru_glossary *g, int full,
                                      juru__out *o, juru_error *err);
juru_status juru__glossary_write_tbx(const juru_glossary *g, int version,
                                     juru__out *o);

juru_term_category juru__category_named(const char *s, size_t n);
juru_term_origin juru__origin_named(const char *s, size_t n);

#endif
