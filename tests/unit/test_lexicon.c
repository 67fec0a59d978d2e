/* The lexicon: TSV loading and its errors, priority, reverse index, the
 * compiled form; lookup through morphology. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <unistd.h>

#include "juru.h"
#include "test.h"

static const char *write_tmp(const char *name, const char *text) {
  static char path[8][256];
  static int k;
  char *p = path[k++ % 8];
  snprintf(p, 256, "/tmp/juru-test-%d-%s", (int)getpid(), name);
  FILE *f = fopen(p, "wb");
  fputs(text, f);
  fclose(f);
  return p;
}

static const char *first_english(const juru_lexicon *lx, const char *key) {
  static char out[256];
  juru_lex_entry e[4];
  size_t n = juru_lexicon_find(lx, key, strlen(key), e, 4);
  if (!n) return "(none)";
  snprintf(out, sizeof out, "%.*s [%.*s]", (int)e[0].english_len, e[0].english,
           (int)e[0].source_len, e[0].source);
  return out;
}

static void test_load_and_find(void) {
  const char *a = write_tmp("news.tsv",
                            "# indonesian\tenglish\tpos\tnote\n"
                            "duta besar\tambassador\tn\n"
                            "rudal\tmissile; rocket\tn\n"
                            "DPR\tHouse of Representatives\tabbr\tDewan "
                            "Perwakilan Rakyat\n"
                            "Minggu\tSunday\tpropn\n"
                            "minggu\tweek\tn\n");
  const char *b = write_tmp("wordnet.tsv", "rudal\tcannon\tn\r\n"
                                           "pangkalan\tbase\tn\n");
  const char *paths[] = {a, b};
  juru_lexicon *lx = NULL;
  juru_error e;
  CHECK(juru_lexicon_load(paths, 2, &lx, &e) == JURU_OK);
  CHECK(juru_lexicon_count(lx) == 5);
  CHECK(juru_lexicon_max_words(lx) == 2);
  CHECK(strncmp(first_english(lx, "rudal"), "missile; rocket [juru-test-",
                27) == 0);
  CHECK(strstr(first_english(lx, "rudal"), "-news]") != NULL);
  juru_lex_entry ent[4];
  CHECK(juru_lexicon_find(lx, "RUDAL", 5, ent, 4) == 2);
  CHECK(ent[0].source_len > 0 && memcmp(ent[1].english, "cannon", 6) == 0);
  CHECK(juru_lexicon_find(lx, "  Duta   Besar ", 15, ent, 4) == 1);
  CHECK(ent[0].headword_len == 10 && ent[0].pos_len == 1);
  CHECK(juru_lexicon_find(lx, "dpr", 3, ent, 4) == 1);
  CHECK(ent[0].note_len == strlen("Dewan Perwakilan Rakyat"));
  CHECK(juru_lexicon_find(lx, "minggu", 6, ent, 4) == 2);
  CHECK(juru_lexicon_find(lx, "nothing", 7, ent, 4) == 0);
  CHECK(juru_lexicon_reverse(lx, "Rocket", 6, ent, 4) == 1);
  CHECK(memcmp(ent[0].headword, "rudal", 5) == 0);
  CHECK(juru_lexicon_reverse(lx, "base", 4, ent, 4) == 1);
  /* the words of multi-word headwords, not single-word headwords */
  CHECK(juru_lexicon_containing(lx, "Besar", 5, ent, 4) == 1);
  CHECK(ent[0].headword_len == 10 && memcmp(ent[0].headword, "duta", 4) == 0);
  CHECK(juru_lexicon_containing(lx, "duta", 4, NULL, 0) == 1);
  CHECK(juru_lexicon_containing(lx, "rudal", 5, ent, 4) == 0);
  CHECK(juru_lexicon_containing(lx, "duta besar", 10, ent, 4) == 0);

  /* compiled round trip */
  const char *bin = "/tmp/juru-test-lexicon.jdat";
  CHECK(juru_lexicon_save(lx, bin, "stamp-1", &e) == JURU_OK);
  juru_lexicon *lx2 = NULL;
  CHECK(juru_lexicon_open(bin, &lx2, &e) == JURU_OK);
  CHECK_STR(juru_lexicon_stamp(lx2), "stamp-1");
  CHECK(juru_lexicon_count(lx2) == 5 && juru_lexicon_max_words(lx2) == 2);
  CHECK(juru_lexicon_find(lx2, "rudal", 5, ent, 4) == 2);
  CHECK(juru_lexicon_reverse(lx2, "ambassador", 10, ent, 4) == 1);
  CHECK(juru_lexicon_containing(lx2, "besar", 5, ent, 4) == 1);
  juru_lexicon_free(lx2);
  /* damage: flip bytes in the index; it must be refused or stay in bounds */
  FILE *f = fopen(bin, "r+b");
  fseek(f, 200, SEEK_SET);
  for (int i = 0; i < 64; i++) fputc(0xFF, f);
  fclose(f);
  lx2 = NULL;
  if (juru_lexicon_open(bin, &lx2, &e) == JURU_OK) {
    juru_lexicon_find(lx2, "rudal", 5, ent, 4);
    juru_lexicon_free(lx2);
  }
  CHECK(truncate(bin, 10) == 0);
  CHECK(juru_lexicon_open(bin, &lx2, &e) == JURU_ESYNTAX && lx2 == NULL);
  unlink(bin);
  juru_lexicon_free(lx);
}

static void test_errors(void) {
  struct {
    const char *text;
    size_t line, column;
    const char *msg;
  } cases[] = {
      {"rudal\tmissile\tn\nkata\tword\n", 2, 10, "3 or 4"},
      {"rudal\tmissile\tn\tnote\textra\n", 1, 1, "3 or 4"},
      {"# h\n\trocket\tn\n", 2, 1, "empty indonesian"},
      {"rudal\t\tn\n", 1, 7, "empty english"},
      {"rudal\tmissile\t\n", 1, 15, "empty pos"},
      {"ok\tfine\tn\nru\xFF\tx\tn\n", 2, 3, "UTF-8"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *p = write_tmp("bad.tsv", cases[i].text);
    juru_lexicon *lx = (juru_lexicon *)1;
    juru_error e;
    memset(&e, 0, sizeof e);
    juru_status st = juru_lexicon_load(&p, 1, &lx, &e);
    CHECK(st == JURU_ESYNTAX || st == JURU_EUTF8);
    CHECK(lx == NULL);
    CHECK(e.line == cases[i].line);
    CHECK(e.column == cases[i].column);
    CHECK(strstr(e.text, cases[i].msg) != NULL);
    CHECK(strstr(e.source, "bad.tsv") != NULL);
  }
  const char *missing = "/nonexistent/lexicon.tsv";
  juru_lexicon *lx = NULL;
  juru_error e;
  CHECK(juru_lexicon_load(&missing, 1, &lx, &e) == JURU_EIO);
  CHECK(juru_lexicon_open(missing, &lx, &e) == JURU_EIO);
}

static void test_lookup(const char *dir) {
  juru_morph *m = NULL;
  CHECK(juru_morph_load_dir(dir, &m, NULL) == JURU_OK);
  const char *lex = write_tmp("lx.tsv",
                              "serangan drone\tdrone strike\tn\n"
                              "menyerukan\tcall for; urge\tv\n"
                              "meluncurkan\tlaunch\tv\n"
                              "timpalan\tcounterpart\tn\n"
                              "kamp\tcamp\tn\n"
                              "khawatir\tworried\tadj\n"
                              "menetralkan\tneutralize\tv\n"
                              "komite keamanan nasional\tNational Security "
                              "Committee\tpropn\n"
                              "pemerintah\tgovernment\tn\n"
                              "kapal\tship\tn\n"
                              "guna\tfor\tprep\n"
                              "Suriah\tSyria\tpropn\n"
                              "antiterorisme\tcounterterrorism\tadj\n");
  juru_lexicon *lx = NULL;
  CHECK(juru_lexicon_load(&lex, 1, &lx, NULL) == JURU_OK);
  struct {
    const char *q;
    juru_lookup_how how;
    const char *form, *english;
  } cases[] = {
      {"menyerukan", JURU_LOOKUP_EXACT, "menyerukan", "call for; urge"},
      {"diluncurkan", JURU_LOOKUP_ACTIVE, "meluncurkan", "launch"},
      {"timpalannya", JURU_LOOKUP_BASE, "timpalan", "counterpart"},
      {"kamp-kamp", JURU_LOOKUP_BASE, "kamp", "camp"},
      {"kekhawatiran", JURU_LOOKUP_ROOT, "khawatir", "worried"},
      {"menetralisir", JURU_LOOKUP_STANDARD, "menetralkan", "neutralize"},
      {"serangan drone", JURU_LOOKUP_EXACT, "serangan drone", "drone strike"},
      {"Serangan-serangan  drone", JURU_LOOKUP_BASE, "serangan drone",
       "drone strike"},
      {"Komite Keamanan Nasional-nya", JURU_LOOKUP_BASE,
       "komite keamanan nasional", "National Security Committee"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    juru_lookup_result r;
    CHECK(juru_lookup(lx, m, cases[i].q, strlen(cases[i].q), &r) == JURU_OK);
    CHECK(r.how == cases[i].how);
    CHECK_STR(r.form, cases[i].form);
    CHECK(r.n_entries >= 1 &&
          strlen(cases[i].english) == r.entries[0].english_len &&
          memcmp(r.entries[0].english, cases[i].english,
                 r.entries[0].english_len) == 0);
  }
  juru_lookup_result r;
  /* bound forms: on nouns and names; closed only on a word found as
   * itself that is no name; hyphenated, the closed spelling first */
  CHECK(juru_lookup(lx, m, "antikapal", 9, &r) == JURU_OK);
  CHECK_STR(r.bound, "anti-");
  CHECK_STR(r.form, "kapal");
  CHECK_STR(r.analysis.word, "antikapal");
  CHECK(r.analysis.n_prefix == 1 && strcmp(r.analysis.prefix[0], "anti-") == 0);
  CHECK(juru_lookup(lx, m, "pro-Suriah", 10, &r) == JURU_OK && r.bound);
  CHECK(juru_lookup(lx, m, "prosuriah", 9, &r) == JURU_ENOTFOUND);
  CHECK(juru_lookup(lx, m, "antisuriah", 10, &r) == JURU_ENOTFOUND);
  CHECK(juru_lookup(lx, m, "multiguna", 9, &r) == JURU_ENOTFOUND);
  CHECK(juru_lookup(lx, m, "anti-terorisme", 14, &r) == JURU_OK);
  CHECK(r.how == JURU_LOOKUP_STANDARD && r.bound == NULL);
  CHECK_STR(r.form, "antiterorisme");
  CHECK(juru_lookup(lx, m, "Jilani", 6, &r) == JURU_ENOTFOUND);
  CHECK(juru_lookup(lx, m, "  ", 2, &r) == JURU_ENOTFOUND);
  char *s[4];
  size_t n = juru_lookup_suggest(lx, m, "pemerintahh", 11, s, 4);
  CHECK(n >= 1 && strcmp(s[0], "pemerintah") == 0);
  for (size_t i = 0; i < n; i++) juru_free(s[i]);
  CHECK(juru_lookup_suggest(lx, m, "Jilani", 6, s, 4) == 0);
  juru_lexicon_free(lx);
  juru_morph_free(m);
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  test_load_and_find();
  test_errors();
  test_lookup(argv[1]);
  return TEST_REPORT();
}
