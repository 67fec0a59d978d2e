/* Lookup: the lexicon reached through morphology (see juru/lookup.h). */
#include <stdio.h>
#include <string.h>

#include "juru/lookup.h"
#include "../util/util.h"

static int try_form(const juru_lexicon *lx, const char *form,
                    juru_lookup_how how, juru_lookup_result *out) {
  size_t n = strlen(form);
  if (n == 0) return 0;
  size_t k = juru_lexicon_find(lx, form, n, out->entries,
                               JURU_LOOKUP_MAX_ENTRIES);
  if (k == 0) return 0;
  out->n_entries = k < JURU_LOOKUP_MAX_ENTRIES ? k : JURU_LOOKUP_MAX_ENTRIES;
  out->how = how;
  snprintf(out->form, sizeof out->form, "%s", form);
  return 1;
}

/* The active form of a passive: di- + REST -> meN- + REST, where a rest
 * that starts with per- or ber- gives memper-, member- (diperkirakan ->
 * memperkirakan, diberhentikan -> memberhentikan); and of a bare verb in
 * -kan or -i, the object voice or an imperative (bicarakan ->
 * membicarakan). */
static int active_form(juru_morph *m, const juru_analysis *a, char *out,
                       size_t size) {
  if (a->n_prefix == 0 && a->suffix)  /* bicarakan -> membicarakan */
    return juru_morph_generate(m, a->base, "meN-", NULL, out, size) > 0;
  if (a->n_prefix == 0 || strcmp(a->prefix[0], "di-") != 0) return 0;
  const char *rest = a->base + 2;
  if (a->n_prefix > 1 && (strcmp(a->prefix[1], "per-") == 0 ||
                          strcmp(a->prefix[1], "ber-") == 0))
    return snprintf(out, size, "mem%s", rest) < (int)size;
  if (a->n_prefix > 1) return 0;
  return juru_morph_generate(m, a->lemma, "meN-", a->suffix, out, size) > 0;
}

/* menetralisir -> menetralkan: -isir is the non-standard -kan. */
static int standard_suffix(juru_morph *m, const juru_analysis *a, char *out,
                           size_t size) {
  if (!a->suffix || strcmp(a->suffix, "-isir") != 0 || a->n_prefix != 1)
    return 0;
  return juru_morph_generate(m, a->lemma, a->prefix[0], "-kan", out, size) > 0;
}

/* pernafasan -> pernapasan: the root's standard spelling with the same
 * affixes. */
static int standard_root(juru_morph *m, const juru_analysis *a, char *out,
                         size_t size) {
  const char *std = juru_morph_standard_spelling(m, a->lemma, strlen(a->lemma));
  if (!std || a->n_prefix > 1) return 0;
  if (a->n_prefix == 0) {
    int n = snprintf(out, size, "%s%s", std, a->suffix ? a->suffix + 1 : "");
    return n > 0 && (size_t)n < size;
  }
  return juru_morph_generate(m, std, a->prefix[0], a->suffix, out, size) > 0;
}

/* A non-standard spelling of the word, its base or its root, in the
 * lexicon under the standard one (ijin -> izin, resikonya -> risiko,
 * pernafasan -> pernapasan). */
static int find_standard(const juru_lexicon *lx, juru_morph *m,
                         const juru_analysis *a, juru_lookup_result *out) {
  char form[JURU_LOOKUP_MAX_FORM];
  const char *std;
  if ((std = juru_morph_standard_spelling(m, a->word, strlen(a->word))) &&
      try_form(lx, std, JURU_LOOKUP_STANDARD, out))
    return 1;
  if ((std = juru_morph_standard_spelling(m, a->base, strlen(a->base))) &&
      try_form(lx, std, JURU_LOOKUP_STANDARD, out))
    return 1;
  return standard_root(m, a, form, sizeof form) &&
         try_form(lx, form, JURU_LOOKUP_STANDARD, out);
}

/* A multi-word entry written as one word (jurubicara -> juru bicara,
 * rumahsakit -> rumah sakit): the first split whose halves, a space
 * between them, are an entry; or with a hyphen (sayap-kiri). */
static int find_closed_compound(const juru_lexicon *lx, const char *w,
                                juru_lookup_result *out) {
  char form[JURU_LOOKUP_MAX_FORM];
  size_t n = strlen(w);
  if (n + 2 > sizeof form) return 0;
  const char *dash = memchr(w, '-', n);
  if (dash) {
    if (memchr(dash + 1, '-', n - (size_t)(dash - w) - 1)) return 0;
    memcpy(form, w, n + 1);
    form[dash - w] = ' ';
    return try_form(lx, form, JURU_LOOKUP_STANDARD, out);
  }
  for (size_t i = 3; i + 3 <= n; i++) {
    memcpy(form, w, i);
    form[i] = ' ';
    memcpy(form + i + 1, w + i, n - i + 1);
    if (try_form(lx, form, JURU_LOOKUP_STANDARD, out)) return 1;
  }
  return 0;
}

static void root_gloss(const juru_lexicon *lx, const juru_analysis *a,
                       juru_lookup_result *out) {
  if (strcmp(a->lemma, out->form) == 0) return;
  size_t k = juru_lexicon_find(lx, a->lemma, strlen(a->lemma),
                               out->root_entries, JURU_LOOKUP_MAX_ENTRIES);
  out->n_root_entries = k < JURU_LOOKUP_MAX_ENTRIES ? k : JURU_LOOKUP_MAX_ENTRIES;
}

/* A name or an acronym is not built by affixation, whatever it looks like
 * (asean is not ase + -an): only its clitics are split off (ASEAN-nya). */
static int names_a_thing(const juru_lookup_result *r) {
  const juru_lex_entry *e = &r->entries[0];
  return (r->how == JURU_LOOKUP_EXACT || r->how == JURU_LOOKUP_BASE) &&
         r->n_entries > 0 &&
         ((e->pos_len == 5 && memcmp(e->pos, "propn", 5) == 0) ||
          (e->pos_len == 4 && memcmp(e->pos, "abbr", 4) == 0));
}

static void keep_name_whole(juru_analysis *a, const char *name) {
  size_t n = strlen(name);
  if (n >= sizeof a->lemma) return; /* forms come from analyses: they fit */
  memcpy(a->lemma, name, n + 1);
  a->n_prefix = 0;
  a->suffix = NULL;
  a->pos = NULL;
}

/* The root with its suffix but not its prefixes, where the suffix makes a
 * word of its own (memprivatisasi -> privatisasi). */
static int stem_form(const juru_lexicon *lx, const juru_analysis *a,
                     juru_lookup_result *out) {
  char form[JURU_LOOKUP_MAX_FORM];
  if (a->n_prefix == 0 || !a->suffix) return 0;
  int n = snprintf(form, sizeof form, "%s%s", a->lemma, a->suffix + 1);
  return n > 0 && (size_t)n < sizeof form &&
         try_form(lx, form, JURU_LOOKUP_ROOT, out);
}

/* The forms an analysis points to, nearest the word first. */
static int find_by_analysis(const juru_lexicon *lx, juru_morph *m,
                            const juru_analysis *a, juru_lookup_result *out) {
  char form[JURU_LOOKUP_MAX_FORM];
  if (a->reduplicated) {
    /* kamp-kamp, serangan-serangan: the single form */
    const char *dash = strchr(a->word, '-');
    snprintf(form, sizeof form, "%.*s", dash ? (int)(dash - a->word) : 0,
             a->word);
    if (try_form(lx, form, JURU_LOOKUP_BASE, out)) return 1;
  }
  if (strcmp(a->base, a->word) != 0 &&
      try_form(lx, a->base, JURU_LOOKUP_BASE, out))
    return 1;
  if (active_form(m, a, form, sizeof form) &&
      try_form(lx, form, JURU_LOOKUP_ACTIVE, out))
    return 1;
  if (standard_suffix(m, a, form, sizeof form) &&
      try_form(lx, form, JURU_LOOKUP_STANDARD, out))
    return 1;
  if (find_standard(lx, m, a, out) || stem_form(lx, a, out) ||
      try_form(lx, a->lemma, JURU_LOOKUP_ROOT, out))
    return 1;
  const char *std = juru_morph_standard_spelling(m, a->lemma, strlen(a->lemma));
  return std && try_form(lx, std, JURU_LOOKUP_ROOT, out);
}

/* A misspelt ending (dimasukan -> dimasukkan), then the forms of the word
 * as respelled. */
static int find_respelled(const juru_lexicon *lx, juru_morph *m,
                          juru_analysis *a, juru_lookup_result *out) {
  char form[JURU_MAX_WORD];
  size_t n = juru_morph_respell_ending(m, a->word, strlen(a->word), form,
                                       sizeof form);
  juru_analysis re;
  if (n == 0 || juru_morph_analyze(m, form, n, &re) != JURU_OK) return 0;
  if (!try_form(lx, re.word, JURU_LOOKUP_EXACT, out) &&
      !find_by_analysis(lx, m, &re, out))
    return 0;
  memcpy(re.word, a->word, sizeof re.word);
  *a = re;
  out->how = JURU_LOOKUP_STANDARD;
  snprintf(out->form, sizeof out->form, "%s", form);
  return 1;
}

/* ponselnya: a clitic on a word the lexicon has and the root dictionary
 * lacks. */
static int find_past_clitic(const juru_lexicon *lx, juru_morph *m,
                            juru_analysis *a, juru_lookup_result *out) {
  juru_analysis sc;
  if (juru_morph_split_clitic(m, a->word, strlen(a->word), &sc) != JURU_OK ||
      !(try_form(lx, sc.base, JURU_LOOKUP_BASE, out) ||
        find_by_analysis(lx, m, &sc, out)))
    return 0;
  *a = sc;
  return 1;
}

/* A lemma fixed by a corpus the lexicon does not know (lakukan), or a
 * reading through such a lemma (diberlakukan + -nya): the rules' own
 * reading on the dictionary's roots (laku + -kan) may be there. */
static int find_by_rules(const juru_lexicon *lx, juru_morph *m,
                         juru_analysis *a, juru_lookup_result *out) {
  juru_analysis byrules;
  if (juru_morph_analyze_rules(m, a->word, strlen(a->word), &byrules) !=
          JURU_OK ||
      strcmp(byrules.lemma, a->lemma) == 0 ||
      !find_by_analysis(lx, m, &byrules, out))
    return 0;
  *a = byrules;
  return 1;
}

/* The bound form first in the analysis (anti- + korupsi). */
static void prepend_bound(juru_analysis *a, const char *label,
                          const char *word) {
  if (a->n_prefix < JURU_MAX_PREFIXES) {
    memmove(a->prefix + 1, a->prefix, a->n_prefix * sizeof a->prefix[0]);
    a->prefix[0] = label;
    a->n_prefix++;
  }
  snprintf(a->word, sizeof a->word, "%s", word);
}

static int pos_is(const juru_lex_entry *e, const char *pos) {
  return e->pos_len == strlen(pos) && memcmp(e->pos, pos, e->pos_len) == 0;
}

/* A bound form makes a modifier of a noun or a name (anti-korupsi:
 * anti-corruption, pro-Suriah: pro-Syria); before other words (multiguna:
 * guna "for") its English would mislead. */
static int bound_applies(const juru_lex_entry *e) {
  return pos_is(e, "n") || pos_is(e, "adj") || pos_is(e, "propn") ||
         pos_is(e, "abbr");
}

/* Written closed, a bound form is part of the word for all a reader can
 * tell: only a word found as itself (not through its root), of four
 * letters or more, not a name (a name takes a hyphen: anti-Amerika) and
 * not only from WordNet Bahasa's noisy links counts (neonatal is no neo- +
 * Natal, antiinflamasi no anti- + "excitement"). */
static int closed_rest_ok(const juru_lookup_result *rest, size_t len) {
  const juru_lex_entry *e = &rest->entries[0];
  return len >= 4 &&
         (rest->how == JURU_LOOKUP_EXACT || rest->how == JURU_LOOKUP_BASE) &&
         !pos_is(e, "propn") &&
         !(e->source_len >= 7 && memcmp(e->source, "wordnet", 7) == 0);
}

static int lookup_word(const juru_lexicon *lx, juru_morph *m, const char *q,
                       size_t len, int bound_ok, juru_lookup_result *out);

/* A bound form on a word with an entry: antikorupsi, anti-korupsi,
 * pro-Suriah.  Hyphenated, the closed spelling (the standard one) is tried
 * first: anti-terorisme -> antiterorisme. */
static int find_bound(const juru_lexicon *lx, juru_morph *m, const char *w,
                      juru_lookup_result *out) {
  const char *label = NULL;
  size_t n = strlen(w), k = juru_morph_bound_form(m, w, n, &label);
  if (k == 0) return 0;
  int hyphen = w[k - 1] == '-';
  char closed[JURU_MAX_WORD];
  if (hyphen && n < sizeof closed) {
    memcpy(closed, w, k - 1);
    memcpy(closed + k - 1, w + k, n - k + 1);
    if (try_form(lx, closed, JURU_LOOKUP_STANDARD, out)) return 1;
  }
  char word[JURU_MAX_WORD]; /* w is in out->analysis, which rest replaces */
  snprintf(word, sizeof word, "%s", w);
  juru_lookup_result rest;
  memset(&rest, 0, sizeof rest);
  /* one bound form: anti-anti-x is not worth a search as deep as the word
   * is long (the suggestions look up thousands of edits of it) */
  if (!lookup_word(lx, m, w + k, n - k, 0, &rest) || rest.n_entries == 0 ||
      !bound_applies(&rest.entries[0]) ||
      (!hyphen && !closed_rest_ok(&rest, n - k)))
    return 0;
  *out = rest;
  out->bound = label;
  prepend_bound(&out->analysis, label, word);
  return 1;
}

static int lookup_word(const juru_lexicon *lx, juru_morph *m, const char *q,
                       size_t len, int bound_ok, juru_lookup_result *out) {
  juru_analysis *a = &out->analysis;
  juru_morph_analyze(m, q, len, a);
  /* nearest the word as written first; the guesses last */
  int found = try_form(lx, a->word, JURU_LOOKUP_EXACT, out) ||
              find_by_analysis(lx, m, a, out) ||
              find_by_rules(lx, m, a, out) ||
              find_closed_compound(lx, a->word, out) ||
              (strcmp(a->base, a->word) != 0 &&
               find_closed_compound(lx, a->base, out)) ||
              find_respelled(lx, m, a, out) ||
              find_past_clitic(lx, m, a, out);
  if (!found && bound_ok && find_bound(lx, m, a->word, out)) return 1;
  if (found && names_a_thing(out)) keep_name_whole(a, out->form);
  else if (found) root_gloss(lx, a, out);
  return found;
}

/* Serangan-serangan drone, Komite Keamanan Nasional-nya: each word of a
 * phrase reduced to its base form, then the phrase tried again. */
static int lookup_phrase(const juru_lexicon *lx, juru_morph *m, const char *q,
                         size_t len, juru_lookup_result *out) {
  if (try_form(lx, q, JURU_LOOKUP_EXACT, out)) return 1;
  if (!m) return 0;
  char form[JURU_LOOKUP_MAX_FORM];
  size_t o = 0;
  for (size_t i = 0; i < len;) {
    while (i < len && q[i] == ' ') i++;
    size_t j = i;
    while (j < len && q[j] != ' ') j++;
    if (j == i) break;
    juru_analysis a;
    juru_morph_analyze(m, q + i, j - i, &a);
    const char *w = a.word;
    size_t wl = strlen(w);
    const char *dash = strchr(w, '-');
    if (a.reduplicated && dash) {
      wl = (size_t)(dash - w); /* serangan-serangan -> serangan */
    } else if (a.possessive) {
      w = a.base;              /* nasional-nya -> nasional */
      wl = strlen(w);
    }
    int n = snprintf(form + o, sizeof form - o, "%s%.*s", o ? " " : "",
                     (int)wl, w);
    if (n < 0 || (size_t)n >= sizeof form - o) return 0;
    o += (size_t)n;
    i = j;
  }
  return try_form(lx, form, JURU_LOOKUP_BASE, out);
}

juru_status juru_lookup(const juru_lexicon *lx, juru_morph *morph,
                        const char *query, size_t len,
                        juru_lookup_result *out) {
  if (!lx || !out || (!query && len)) return JURU_EINVAL;
  memset(out, 0, sizeof *out);
  while (len && (query[len - 1] == ' ' || query[len - 1] == '\t')) len--;
  while (len && (*query == ' ' || *query == '\t')) query++, len--;
  if (len == 0) return JURU_ENOTFOUND;
  out->phrase = memchr(query, ' ', len) != NULL;
  int found;
  if (out->phrase || !morph)
    found = lookup_phrase(lx, morph, query, len, out);
  else
    found = lookup_word(lx, morph, query, len, 1, out);
  return found ? JURU_OK : JURU_ENOTFOUND;
}

/* ---- suggestions -------------------------------------------------------- */

static int already(char **out, size_t n, const char *w) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(out[i], w) == 0) return 1;
  return 0;
}

static int add_if_known(const juru_lexicon *lx, juru_morph *m, const char *w,
                        const char *query, char **out, size_t *n, size_t max) {
  if (*n >= max || strcmp(w, query) == 0 || already(out, *n, w)) return 0;
  juru_lookup_result r;
  if (juru_lookup(lx, m, w, strlen(w), &r) != JURU_OK ||
      r.how == JURU_LOOKUP_ROOT || r.bound)
    return 0;
  char *copy = juru__strndup(w, strlen(w));
  if (!copy) return 0;
  out[(*n)++] = copy;
  return 1;
}

static void edits1(const juru_lexicon *lx, juru_morph *m, const char *w,
                   size_t len, char **out, size_t *n, size_t max) {
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
  char buf[JURU_MAX_WORD + 2];
  if (len + 2 > sizeof buf) return;
  for (size_t i = 0; i < len; i++) { /* deletions: pemerintahh */
    memcpy(buf, w, i);
    memcpy(buf + i, w + i + 1, len - i - 1);
    buf[len - 1] = '\0';
    add_if_known(lx, m, buf, w, out, n, max);
  }
  for (size_t i = 0; i + 1 < len; i++) { /* transpositions */
    memcpy(buf, w, len + 1);
    buf[i] = w[i + 1];
    buf[i + 1] = w[i];
    add_if_known(lx, m, buf, w, out, n, max);
  }
  for (size_t i = 0; i < len; i++) /* substitutions */
    for (const char *c = letters; *c; c++) {
      if (*c == w[i]) continue;
      memcpy(buf, w, len + 1);
      buf[i] = *c;
      add_if_known(lx, m, buf, w, out, n, max);
    }
  for (size_t i = 0; i <= len; i++) /* insertions */
    for (const char *c = letters; *c; c++) {
      memcpy(buf, w, i);
      buf[i] = *c;
      memcpy(buf + i + 1, w + i, len - i);
      buf[len + 1] = '\0';
      add_if_known(lx, m, buf, w, out, n, max);
    }
}

size_t juru_lookup_suggest(const juru_lexicon *lx, juru_morph *morph,
                           const char *word, size_t len, char **out,
                           size_t max) {
  if (!lx || !morph || !word || len == 0 || len >= JURU_MAX_WORD) return 0;
  juru_analysis a;
  juru_morph_analyze(morph, word, len, &a); /* a.word: lower case */
  size_t n = 0;
  size_t wl = strlen(a.word);
  int ascii = 1;
  for (size_t i = 0; i < wl; i++) ascii &= (unsigned char)a.word[i] < 0x80;
  if (ascii) edits1(lx, morph, a.word, wl, out, &n, max);
  int capitalised = word[0] >= 'A' && word[0] <= 'Z';
  if (n < max && !capitalised) {
    char *h[8];
    size_t k = juru_morph_suggest(morph, word, len, h, 8);
    for (size_t i = 0; i < k; i++) {
      char low[JURU_MAX_WORD];
      juru_analysis ha;
      juru_morph_analyze(morph, h[i], strlen(h[i]), &ha);
      snprintf(low, sizeof low, "%s", ha.word);
      add_if_known(lx, morph, low, a.word, out, &n, max);
      juru_free(h[i]);
    }
  }
  return n;
}
