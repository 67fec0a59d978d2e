/* The offline translator's internals: the units a sentence becomes, the
 * transfer rules, and the stages that pass units along
 * (translate.c -> transfer.c -> generate.c). */
#ifndef JURU_TRANSLATE_INTERNAL_H
#define JURU_TRANSLATE_INTERNAL_H

#include "juru/translate.h"
#include "../util/strmap.h"
#include "english.h"

/* ---- transfer rules (dictionaries/id/transfer.txt) ---------------------- */

typedef enum juru__role {
  JURU__ROLE_NONE = 0,
  JURU__ROLE_AUX,
  JURU__ROLE_NEGATION,
  JURU__ROLE_RELATIVE,
  JURU__ROLE_DEMONSTRATIVE,
  JURU__ROLE_POSSESSOR,
  JURU__ROLE_QUANTIFIER,
  JURU__ROLE_INDEFINITE,
  JURU__ROLE_AGENT,
  JURU__ROLE_TIME
} juru__role;

/* One rule word.  Strings point into the rules' arena ("_" made spaces). */
typedef struct juru__rule {
  juru__role role;
  const char *english;  /* "" when the word is dropped */
  const char *extra;    /* aux: "be" form; negation: before an active verb;
                           demonstrative: plural */
  juru__en_form next;   /* aux: the verb form after it; negation: the form
                           after its BEFORE-ACTIVE English */
  int verb;             /* aux: ENGLISH is a verb phrase the group inflects
                           (want to -> wanted to, will want to) */
} juru__rule;

typedef struct juru__rules {
  juru__buf arena;
  juru__rule *rules;
  size_t n, cap;
  juru__strmap words;      /* Indonesian word -> rule index */
  juru__strmap invariable; /* English nouns numerals leave alone */
  juru__strmap determiners;/* English words that already determine a noun */
  juru__strmap appositive; /* Indonesian nouns a name after specifies */
  juru__strmap titles;     /* Indonesian nouns a name after bears */
  juru__strmap comparatives; /* lebih: an adjective's comparative after */
  juru__strmap prepositions; /* English: a noun ending in one governs */
  juru__strmap classifiers;  /* orang, buah: counting words, not said */
  juru__strmap subordinators; /* setelah, ketika: open a clause */
  juru__strmap existentials; /* ada -> arena offset of four strings: the
                              English with a subject (be), the words
                              without one (there, be), the adjective after
                              yang ("" for none) */
  juru__strmap clausal;    /* English verbs whose object is a clause */
  juru__strmap premodifiers; /* mantan: modifies the noun after it */
  juru__strmap partitives; /* persen: "of" the noun after it, plural */
  juru__strmap backshift;  /* will -> arena offset of would: said after a
                              verb of saying in the past */
  juru__strmap mid_adverbs; /* English adverbs said after an auxiliary */
  juru__strmap gerunds;    /* setelah, dengan: a verb right after is -ing;
                              the value an arena offset of the word's English
                              there ("" to keep its own) */
  juru__strmap reporting;  /* kata, ujar: said, after a short subject */
  juru__strmap addressee;  /* kepada -> arena offset of the reporting
                              verb's English with a hearer (told) */
  juru__strmap leading;      /* English adjectives before a numeral */
  juru__strmap persons;      /* English nouns that name people: yang after
                                them is "who" */
  juru__strmap nationality;  /* English nouns a country after `origin`
                                qualifies (his Iranian counterpart) */
  juru__strmap ages;       /* "berusia tahun" -> arena offset of what the
                              number between takes (59-year-old) */
  juru__strmap age_predicates; /* the same, as a predicate (59 years old) */
  juru__strmap number_suffix; /* -an -> arena offset of what the digits
                                 take in English (1970-an: 1970s) */
  juru__strmap after_numeral; /* phrase -> arena offset of its English
                                 after a numeral (tahun lalu: years ago) */
  juru__strmap governing;  /* adjective -> arena offset of its English
                              before a noun it governs (dekat: near) */
  juru__strmap objects;    /* pronoun -> arena offset of its object form */
  juru__strmap own;        /* sendiri -> arena offset of "own", said
                              after the owner of the phrase before it */
  juru__strmap regional;   /* direction -> arena offset of its English
                              before a place (selatan: southern) */
  juru__strmap directions; /* direction -> arena offset of its English
                              heading a place after it (utara: north of) */
  const char *month[13];   /* offsets resolved after loading */
  juru__en_form tense;     /* narrative tense */
  const char *passive_be;
  const char *article;     /* the definite article, or NULL for none */
  const char *copula;      /* before an adjective predicate, or NULL */
  const char *agent;       /* before the agent of a passive (by), or NULL */
  const char *genitive;    /* between a noun phrase and a noun that owns
                              it (full recovery of relations), or NULL */
  const char *person_possessive; /* -nya after a title names a person
                                    (his counterpart), or NULL */
  const char *origin;      /* the Indonesian word for "from" (dari) */
  const char *who, *who_is; /* the relative after a person, or NULL */
} juru__rules;

juru_status juru__rules_load(const char *path, juru__rules *r, juru_error *err);
void juru__rules_free(juru__rules *r);
const juru__rule *juru__rules_find(const juru__rules *r, const char *word,
                                   size_t len);

/* ---- units -------------------------------------------------------------- */

typedef enum juru__cat {
  JURU__CAT_NONE = 0,
  JURU__CAT_NOUN,
  JURU__CAT_VERB,
  JURU__CAT_ADJ,
  JURU__CAT_ADV,
  JURU__CAT_PREP,
  JURU__CAT_CONJ,
  JURU__CAT_DET,
  JURU__CAT_PRON,
  JURU__CAT_NUM,
  JURU__CAT_PROPN,  /* a known proper noun or abbreviation */
  JURU__CAT_PLACE,  /* a country or city: modifies a noun before it */
  JURU__CAT_NAME,   /* an unknown capitalised word: kept, never moved */
  JURU__CAT_PUNCT
} juru__cat;

enum {
  JURU__U_PASSIVE = 1u << 0,  /* di- verb */
  JURU__U_PLURAL = 1u << 1,
  JURU__U_CAP = 1u << 2,      /* capitalised in the source, not first */
  JURU__U_DROP = 1u << 3,     /* gives no English */
  JURU__U_ARTICLE = 1u << 4,  /* a/an, chosen by the next word */
  JURU__U_FINITE = 1u << 5,   /* a verb that takes the narrative tense */
  JURU__U_NUMERAL = 1u << 6,  /* a number above one: plural after it */
  JURU__U_OBJECT = 1u << 7,   /* -nya after a verb or preposition: "it" */
  JURU__U_INVARIABLE = 1u << 8,
  JURU__U_ALT = 1u << 9,     /* say the demonym, not the place */
  JURU__U_FIXED = 1u << 10,  /* English that is not a verb lemma: as is */
  JURU__U_OWNER = 1u << 11,  /* heads the "of" phrase after a noun phrase */
  JURU__U_QUALIFIED = 1u << 12, /* a phrase ending in an adjective */
  JURU__U_COMPARATIVE = 1u << 13, /* say the adjective's comparative */
  JURU__U_AGREE = 1u << 14,  /* its first word agrees with a plural
                                subject (was -> were, has -> have) */
  JURU__U_BARE = 1u << 16,   /* a lone noun the rules gave no article:
                                the decoder may put "the" before it */
  JURU__U_LEMMA = 1u << 17,  /* a verb whose rule English is a lemma to
                                inflect (ada: be -> was) */
  JURU__U_KEEP = 1u << 15    /* English a rule chose for the phrase around
                                it (southeast of): the model keeps it */
};

typedef struct juru__unit {
  size_t start, end;     /* bytes of the sentence */
  juru_unit_kind kind;
  juru__cat cat;
  unsigned flags;
  const juru__rule *rule;
  size_t en_off, en_len; /* the chosen English, in the translator's arena */
  juru__en_form form;    /* how generation inflects it */
  const char *rule_en;   /* English a transfer rule gave (overrides en_*) */
  const char *pre;       /* words before it (auxiliaries, "was") */
  const char *post;      /* words after it (the "by" of a passive's agent) */
  const char *det;       /* determiner moved before its noun phrase */
  const char *possessive;/* the possessor English of a -nya/-ku/-mu */
  size_t term;           /* glossary index or JURU_NO_TERM */
  size_t alt_off, alt_len;   /* a place's demonym (Somali) */
  size_t note_off, note_len; /* analysis, for --explain */
} juru__unit;

/* transfer.c: verb groups, plurals, noun-phrase order.  `order` receives
 * the English order of the units (a permutation of 0..n-1). */
void juru__transfer(const juru__rules *r, const juru__english *en,
                    const char *src, const char *arena, juru__unit *u,
                    size_t n, size_t *order);

/* generate.c: the English sentence from the ordered units.  Each unit's
 * English as generated is recorded in out_off/out_len (byte range of
 * `out`), or JURU_NO_TERM offsets when it gave none. */
juru_status juru__generate(const juru__rules *r, const juru__english *en,
                           const char *src, const char *arena,
                           const juru__unit *u, size_t n, const size_t *order,
                           juru__buf *out, size_t *out_off, size_t *out_len);

/* numbers.c: 1.000 -> 1,000; 1,5 -> 1.5; 10.30 after pukul -> 10:30;
 * 19/1 -> January 19.  Appends to `out`. */
juru_status juru__number_english(const juru__rules *r, const char *s, size_t n,
                                 int clock, juru__buf *out);
/* The numeric value of a number token (thousand separators read), or -1. */
double juru__number_value(const char *s, size_t n);

/* decode.c: with a model, choose between the rules' English and the
 * phrase table's alternatives (see juru/model.h).  Rewrites `out` and the
 * units' offsets into it.  *d is the decoder's scratch, made on first use. */
typedef struct juru__decoder juru__decoder;
juru_status juru__decode(juru__decoder **d, const juru_model *m,
                         const juru__english *en,
                         const juru_abbrevs *ab, const char *src,
                         const juru__unit *u, size_t n, const size_t *order,
                         juru__buf *out, size_t *out_off, size_t *out_len);
void juru__decoder_free(juru__decoder *d);

#endif
