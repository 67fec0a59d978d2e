/* Allocation failure (jansson's test_chaos, curl's torture): each main
 * entry point runs with the n-th allocation failing, for n = 1, 2, ...
 * until it runs through.  Every failure must come back as an error status:
 * no crash, and (under ASan's leak checker) no leak. */
#include <stdlib.h>

#include "juru.h"
#include "test.h"

#include "chaos.h"

typedef juru_status (*scenario)(void);

static const char *dir;
static juru_lexicon *lexicon;
static juru_morph *morph;

static const char article[] =
    "Pakistan mengumumkan pemulihan hubungan dengan Iran. \"Kami datang,\" "
    "kata Dr. Jilani (19/1) pukul 10.30 WIB. Serangan drone menewaskan 11 "
    "petugas polisi di kamp-kamp.\n\nKomite Keamanan Nasional-nya bertemu.";

static int count_sentence(const juru_sentence *s, void *ud) {
  (void)s;
  (*(size_t *)ud)++;
  return 0;
}

static juru_status run_segment(void) {
  juru_abbrevs *ab = NULL;
  const char list[] = "Dr.\ttitle\ndll.\tend\n";
  juru_status st = juru_abbrevs_parse(list, sizeof list - 1, "a.txt", &ab, NULL);
  size_t n = 0;
  if (st == JURU_OK)
    st = juru_segment(ab, NULL, article, sizeof article - 1, count_sentence, &n, NULL);
  juru_abbrevs_free(ab);
  char *norm = NULL;
  size_t len;
  if (st == JURU_OK)
    st = juru_normalize(article, sizeof article - 1, JURU_NORM_DEFAULT, &norm, &len, NULL);
  juru_free(norm);
  return st;
}

static juru_status run_lexicon(void) {
  const char tsv[] = "# h\nrudal\tmissile; rocket\tn\nserangan drone\tdrone strike\tn\n";
  juru_lexicon *lx = NULL;
  juru_status st = juru_lexicon_parse(tsv, sizeof tsv - 1, "t.tsv", &lx, NULL);
  juru_lex_entry e[2];
  if (st == JURU_OK && juru_lexicon_find(lx, "rudal", 5, e, 2) != 1) st = JURU_EINVAL;
  juru_lexicon_free(lx);
  return st;
}

static juru_status run_glossary(void) {
  const char tsv[] = "Komite Keamanan Nasional\tNational Security Committee\n"
                     "serangan drone|serangan nirawak\tdrone strike\tnote\n";
  juru_glossary *g = juru_glossary_new();
  if (!g) return JURU_ENOMEM;
  juru_status st = juru_glossary_parse(g, tsv, sizeof tsv - 1, JURU_GLOSSARY_TSV,
                                       "g.tsv", NULL);
  juru_glossary_format formats[] = {JURU_GLOSSARY_TSV, JURU_GLOSSARY_CSV,
                                    JURU_GLOSSARY_JSON, JURU_GLOSSARY_TBX,
                                    JURU_GLOSSARY_MARKDOWN};
  for (size_t i = 0; st == JURU_OK && i < 5; i++) {
    char *out = NULL;
    size_t len;
    st = juru_glossary_write(g, formats[i], 1, &out, &len, NULL);
    juru_free(out);
  }
  juru_matcher *mt = NULL;
  if (st == JURU_OK) st = juru_matcher_new(g, NULL, &mt);
  juru_match m[4];
  if (st == JURU_OK && juru_matcher_find(mt, article, sizeof article - 1, m, 4) == 0)
    st = JURU_EINVAL;
  juru_matcher_free(mt);
  juru_glossary_free(g);
  return st;
}

static int discard(const char *d, size_t n, void *ud) {
  (void)d;
  (void)n;
  (void)ud;
  return 0;
}

static juru_status run_translate(void) {
  char rules[4096], english[4096];
  snprintf(rules, sizeof rules, "%s/id/transfer.txt", dir);
  snprintf(english, sizeof english, "%s/en", dir);
  juru_translator_files files = {rules, english};
  juru_translator *tr = NULL;
  juru_status st = juru_translator_new(lexicon, morph, NULL, &files, &tr, NULL);
  juru_writer *w = NULL;
  if (st == JURU_OK)
    st = juru_writer_new(JURU_FORMAT_TMX, "a.txt", NULL, discard, NULL, &w);
  const juru_translation *t;
  if (st == JURU_OK) st = juru_translate_sentence(tr, article, sizeof article - 1, &t);
  if (st == JURU_OK) st = juru_writer_sentence(w, 1, 0, article, sizeof article - 1, t);
  if (st == JURU_OK) st = juru_writer_finish(w);
  juru_writer_free(w);
  juru_translator_free(tr);
  return st;
}

/* The translation memory, and the backend client against a port where no
 * server listens (refused at once): the expected outcome is JURU_EBACKEND. */
static juru_status run_backend(void) {
  juru_tm *tm = NULL;
  juru_status st = juru_tm_open(":memory:", &tm, NULL);
  juru_tm_key key = {"libretranslate", "", ""};
  const char *src = "Kami datang.", *en = "We came.";
  size_t len = 12;
  if (st == JURU_OK) st = juru_tm_put(tm, &key, &src, &len, &en, 1);
  char *got = NULL, *tmx = NULL;
  size_t tmx_len;
  if (st == JURU_OK) st = juru_tm_get(tm, &key, src, len, &got);
  if (st == JURU_OK) st = juru_tm_export_tmx(tm, &tmx, &tmx_len);
  juru_free(got);
  juru_free(tmx);
  juru_backend_options o = {0};
  o.name = "libretranslate";
  o.url = "http://127.0.0.1:1";
  o.max_retries = 1;
  o.backoff_ms = 1;
  o.tm = tm;
  juru_backend_item items[2] = {{"Kami datang.", 12, NULL, 0, NULL, 0, 0},
                                {"Rumah itu.", 10, NULL, 0, NULL, 0, 0}};
  if (st == JURU_OK) {
    st = juru_backend_translate(&o, NULL, items, 2, NULL, NULL, NULL, NULL);
    if (st == JURU_EBACKEND) st = JURU_OK; /* refused: what is expected */
    if (st == JURU_OK && !items[0].from_tm) st = JURU_EINVAL;
  }
  juru_free(items[0].english);
  juru_free(items[1].english);
  juru_tm_close(tm);
  return st;
}

static void torture(const char *name, scenario fn) {
  juru_set_allocator(chaos_malloc, chaos_realloc, free);
  long n;
  int clean = 0;
  for (n = 0; n < 200000 && !clean; n++) {
    countdown = n;
    failures = 0;
    juru_status st = fn();
    if (failures == 0) {
      clean = 1; /* ran through with no failure left to inject */
      CHECK(st == JURU_OK);
    } else if (st == JURU_OK) {
      /* a failure absorbed on purpose (a cache that cannot grow) is fine
       * only if the result is still right: the scenarios check theirs */
    }
  }
  countdown = -1;
  juru_set_allocator(NULL, NULL, NULL);
  printf("%s: %ld allocation points, each failing once\n", name, n - 1);
  CHECK(clean);
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  dir = argv[1];
  const char *rel[] = {"news-politics-security", "news-general", "news-places"};
  char paths[3][4096];
  const char *p[3];
  for (int i = 0; i < 3; i++) {
    snprintf(paths[i], sizeof paths[i], "%s/id/lexicon/%s.tsv", dir, rel[i]);
    p[i] = paths[i];
  }
  if (juru_lexicon_load(p, 3, &lexicon, NULL) != JURU_OK ||
      juru_morph_load_dir(dir, &morph, NULL) != JURU_OK)
    return 1;
  /* warm the morphology's cache so the translator's run is what fails */
  CHECK(run_translate() == JURU_OK);
  torture("segment+normalize", run_segment);
  torture("lexicon", run_lexicon);
  torture("glossary", run_glossary);
  torture("translate+tmx", run_translate);
  torture("translation memory+backend", run_backend);
  juru_morph_free(morph);
  juru_lexicon_free(lexicon);
  return TEST_REPORT();
}
