#define _POSIX_C_SOURCE 200809L
/* Morphology: analyses, generation, meanings, rule-file errors, and the
 * compiled form. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "juru.h"
#include "test.h"

static char paths[7][4096];
static juru_morph *morph;

static juru_morph_files files_of(const char *dir) {
  const char *rel[7] = {"id/affixes.txt",     "id/lemma-exceptions.tsv",
                        "hunspell/id_ID.aff", "hunspell/id_ID.dic",
                        "id/frequencies.tsv", "id/lemmas-ud.tsv",
                        "id/spelling-variants.tsv"};
  for (int i = 0; i < 7; i++)
    snprintf(paths[i], sizeof paths[i], "%s/%s", dir, rel[i]);
  juru_morph_files f = {.affixes = paths[0],
                        .exceptions = paths[1],
                        .hunspell_aff = paths[2],
                        .hunspell_dic = paths[3],
                        .frequencies = paths[4],
                        .lemmas = paths[5],
                        .variants = paths[6]};
  return f;
}

/* "lemma | meN- + seru + -kan" */
static const char *analysis(const char *word) {
  static char out[512];
  juru_analysis a;
  if (juru_morph_analyze(morph, word, strlen(word), &a) != JURU_OK)
    return "(error)";
  size_t o = (size_t)snprintf(out, sizeof out, "%s |", a.lemma);
  for (size_t i = 0; i < a.n_prefix; i++)
    o += (size_t)snprintf(out + o, sizeof out - o, " %s", a.prefix[i]);
  if (a.suffix) o += (size_t)snprintf(out + o, sizeof out - o, " %s", a.suffix);
  if (a.possessive)
    o += (size_t)snprintf(out + o, sizeof out - o, " %s", a.possessive);
  if (a.particle) o += (size_t)snprintf(out + o, sizeof out - o, " %s", a.particle);
  if (a.reduplicated) snprintf(out + o, sizeof out - o, " redup");
  return out;
}

static void test_analyses(void) {
  struct {
    const char *word, *want;
  } cases[] = {
      {"menyerukan", "seru | meN- -kan"},
      {"diluncurkan", "luncur | di- -kan"},
      {"kekhawatiran", "khawatir | ke- -an"},
      {"timpalannya", "timpal | -an -nya"},
      {"kamp-kamp", "kamp | redup"},
      {"negara-negara", "negara | redup"},
      {"berkali-kali", "kali | ber- redup"},
      {"menetralisir", "netral | meN- -isir"},
      {"mengatakan", "kata | meN- -kan"},
      {"memukul", "pukul | meN-"},
      {"menulis", "tulis | meN-"},
      {"mengirim", "kirim | meN-"},
      {"mengebom", "bom | meN-"},
      {"pemerintah", "perintah | peN-"},
      {"pertumbuhan", "tumbuh | per- -an"},
      {"diperkirakan", "kira | di- per- -kan"},
      {"kupukul", "pukul | ku-"},
      {"bukunyalah", "buku | -nya -lah"},
      {"Pemerintah", "perintah | peN-"},
      {"MENYERUKAN", "seru | meN- -kan"},
      /* lexicalised function words stay whole */
      {"adalah", "adalah |"},
      {"setelah", "setelah |"},
      {"sebagai", "sebagai |"},
      {"kedua", "kedua |"},
      /* names and unknown words are left alone */
      {"Pakistan", "pakistan |"},
      {"Jilani", "jilani |"},
      {"naïve", "naïve |"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    CHECK_STR(analysis(cases[i].word), cases[i].want);
  juru_analysis a;
  char long_word[300];
  memset(long_word, 'a', sizeof long_word);
  CHECK(juru_morph_analyze(morph, long_word, sizeof long_word, &a) == JURU_OK);
  CHECK(strlen(a.lemma) < JURU_MAX_WORD);
  CHECK(juru_morph_analyze(morph, "", 0, &a) == JURU_OK);
}

static void test_generate(void) {
  struct {
    const char *root, *prefix, *suffix, *want;
  } cases[] = {
      {"luncur", "meN-", "-kan", "meluncurkan"},
      {"pukul", "meN-", NULL, "memukul"},
      {"tulis", "meN-", NULL, "menulis"},
      {"kirim", "meN-", NULL, "mengirim"},
      {"serang", "meN-", NULL, "menyerang"},
      {"baca", "meN-", NULL, "membaca"},
      {"bom", "meN-", NULL, "mengebom"},
      {"ambil", "meN-", NULL, "mengambil"},
      {"netral", "meN-", "-kan", "menetralkan"},
      {"serang", "peN-", "-an", "penyerangan"},
      {"kerja", "ber-", NULL, "bekerja"},
      {"ajar", "ber-", NULL, "belajar"},
      {"kerja", NULL, "-an", "kerjaan"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char out[64];
    size_t n = juru_morph_generate(morph, cases[i].root, cases[i].prefix,
                                   cases[i].suffix, out, sizeof out);
    CHECK(n > 0);
    CHECK_STR(n ? out : "", cases[i].want);
  }
  char small[4];
  CHECK(juru_morph_generate(morph, "luncur", "meN-", "-kan", small,
                            sizeof small) == 0);
  CHECK(juru_morph_generate(morph, "luncur", "xx-", NULL, small,
                            sizeof small) == 0);
}

static void test_meanings(void) {
  CHECK_STR(juru_morph_meaning(morph, "di-"), "passive voice");
  CHECK_STR(juru_morph_meaning(morph, "ke-an"), "abstract noun (state, quality)");
  CHECK(strstr(juru_morph_meaning(morph, "-nya"), "his/her/its") != NULL);
  CHECK(juru_morph_meaning(morph, "zz-") == NULL);
}

/* The corpus table keeps lakukan whole; the rules alone strip it, and
 * never to a lemma that only the table knows. */
static void test_rules_past_tables(void) {
  juru_analysis a;
  CHECK(juru_morph_analyze(morph, "lakukan", 7, &a) == JURU_OK);
  CHECK_STR(a.lemma, "lakukan");
  CHECK(a.flags & JURU_ANALYSIS_EXCEPTION);
  CHECK(juru_morph_analyze_rules(morph, "lakukan", 7, &a) == JURU_OK);
  CHECK_STR(a.lemma, "laku");
  CHECK_STR(a.suffix ? a.suffix : "", "-kan");
  CHECK(juru_morph_analyze_rules(morph, "diberlakukan", 12, &a) == JURU_OK);
  CHECK_STR(a.lemma, "berlaku");
  CHECK(juru_morph_analyze_rules(morph, "rumah", 5, &a) == JURU_OK);
  CHECK_STR(a.lemma, "rumah"); /* nothing to strip: the word itself */
  CHECK(juru_morph_analyze_rules(morph, "Lakukan", 7, &a) == JURU_OK);
  CHECK_STR(a.lemma, "laku");
}

/* Stemming reaches the innermost root where lemma analysis keeps a
 * derived entry or a corpus lemma whole; the exception list still holds. */
static void test_roots(void) {
  static const char *cases[][3] = {
      /* word, lemma, root */
      {"bekerja", "bekerja", "kerja"},    /* the corpus table keeps it */
      {"mempelajari", "pelajar", "ajar"}, /* two levels */
      {"kinerja", "kinerja", "kerja"},    /* infix */
      {"keberuntunganmu", "keberuntungan", "untung"},
      {"adalah", "adalah", "adalah"},     /* the exception list holds */
      {"nilai", "nilai", "nilai"},        /* a root that looks derived */
      {"kamp-kamp", "kamp", "kamp"},
      {"Menyerukan", "seru", "seru"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    juru_analysis a, r;
    const char *w = cases[i][0];
    CHECK(juru_morph_analyze(morph, w, strlen(w), &a) == JURU_OK);
    CHECK(juru_morph_root(morph, w, strlen(w), &r) == JURU_OK);
    CHECK_STR(a.lemma, cases[i][1]);
    CHECK_STR(r.lemma, cases[i][2]);
  }
  juru_analysis r;
  CHECK(juru_morph_root(morph, "mempelajari", 11, &r) == JURU_OK);
  CHECK(r.n_prefix == 2 && r.suffix && strcmp(r.suffix, "-i") == 0);
  CHECK(juru_morph_root(NULL, "x", 1, &r) == JURU_EINVAL);
}

static juru_status load_affixes(const char *text, juru_error *err) {
  char path[] = "/tmp/juru-affixXXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return JURU_EIO;
  if (write(fd, text, strlen(text)) < 0) return JURU_EIO;
  close(fd);
  juru_morph_files f = {.affixes = path};
  juru_morph *m = NULL;
  memset(err, 0, sizeof *err);
  juru_status st = juru_morph_load(&f, &m, err);
  juru_morph_free(m);
  unlink(path);
  return st;
}

static void test_rule_errors(void) {
  juru_error e;
  CHECK(load_affixes("prefix\tdi\tdi-\t*\t-\n", &e) == JURU_OK);
  CHECK(load_affixes("# c\nprefix\tdi\tdi-\t*\n", &e) == JURU_ESYNTAX);
  CHECK(e.line == 2);
  CHECK(strstr(e.text, "expected 5 fields") != NULL);
  CHECK(load_affixes("suffix\tkan\t-kan\tx\nbogus\tx\n", &e) == JURU_ESYNTAX);
  CHECK(e.line == 2 && e.column == 1 && strstr(e.text, "unknown kind"));
  CHECK(load_affixes("maxprefix\t9\n", &e) == JURU_ESYNTAX);
  CHECK(load_affixes("suffix\t\t-kan\tx\n", &e) == JURU_ESYNTAX);
  CHECK(load_affixes("suffix\tkan\t-k\xFF\tx\n", &e) == JURU_EUTF8);
  juru_morph_files none = {0};
  juru_morph *m = NULL;
  CHECK(juru_morph_load(&none, &m, &e) == JURU_EINVAL);
  juru_morph_files missing = {.affixes = "/nonexistent"};
  CHECK(juru_morph_load(&missing, &m, &e) == JURU_EIO && m == NULL);
}

/* A malformed spelling-variants line is named by file and line. */
static void test_variant_errors(void) {
  char aff[] = "/tmp/juru-affXXXXXX", var[] = "/tmp/juru-varXXXXXX";
  int fa = mkstemp(aff), fv = mkstemp(var);
  const char *v = "# c\nijin\tizin\nresiko\trisiko\textra\n";
  CHECK(fa >= 0 && fv >= 0 && write(fv, v, strlen(v)) == (ssize_t)strlen(v));
  close(fa);
  close(fv);
  juru_morph_files f = {.affixes = aff, .variants = var};
  juru_morph *m = NULL;
  juru_error e;
  memset(&e, 0, sizeof e);
  CHECK(juru_morph_load(&f, &m, &e) == JURU_ESYNTAX && m == NULL);
  CHECK(e.line == 3 && strstr(e.text, "NONSTANDARD<TAB>STANDARD"));
  const char *ending = "-kan\tkkan\n";
  fv = open(var, O_WRONLY | O_TRUNC);
  CHECK(fv >= 0 && write(fv, ending, strlen(ending)) == (ssize_t)strlen(ending));
  close(fv);
  CHECK(juru_morph_load(&f, &m, &e) == JURU_ESYNTAX && e.line == 1);
  unlink(aff);
  unlink(var);
}

static void test_compiled(const char *dir) {
  const char *path = "/tmp/juru-test-morph.jdat";
  CHECK(juru_morph_save(morph, path, NULL) == JURU_OK);
  juru_morph_files f = files_of(dir);
  f.compiled = path;
  juru_morph *m2 = NULL;
  juru_error e;
  CHECK(juru_morph_load(&f, &m2, &e) == JURU_OK);
  const char *words[] = {"menyerukan", "pemerintah", "adalah", "kamp-kamp",
                         "diluncurkan", "kekhawatiran", "Pakistan"};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    juru_analysis a, b;
    juru_morph_analyze(morph, words[i], strlen(words[i]), &a);
    juru_morph_analyze(m2, words[i], strlen(words[i]), &b);
    CHECK_STR(b.lemma, a.lemma);
    CHECK(a.n_prefix == b.n_prefix);
  }
  CHECK_STR(juru_morph_standard_spelling(m2, "resiko", 6), "risiko");
  juru_analysis r;
  CHECK(juru_morph_analyze_rules(m2, "lakukan", 7, &r) == JURU_OK);
  CHECK_STR(r.lemma, "laku"); /* the compiled roots keep where they came from */
  CHECK(juru_morph_root(m2, "bekerja", 7, &r) == JURU_OK);
  CHECK_STR(r.lemma, "kerja"); /* and the corpus table's lemmas are marked */
  juru_morph_free(m2);
  /* a damaged file is refused, not misread */
  FILE *fp = fopen(path, "r+b");
  fseek(fp, 0, SEEK_SET);
  fputs("JUNKJUNK", fp);
  fclose(fp);
  m2 = NULL;
  CHECK(juru_morph_load(&f, &m2, &e) == JURU_ESYNTAX && m2 == NULL);
  CHECK(truncate(path, 20) == 0);
  CHECK(juru_morph_load(&f, &m2, &e) != JURU_OK && m2 == NULL);
  unlink(path);
}

/* Bound forms: closed or hyphenated, eks- only hyphenated, a rest of at
 * least three letters, any case; never stripped by analysis. */
static void test_bound_forms(void) {
  const char *label = NULL;
  CHECK(juru_morph_bound_form(morph, "antikorupsi", 11, &label) == 4);
  CHECK_STR(label, "anti-");
  CHECK_STR(juru_morph_meaning(morph, label), "anti-");
  CHECK(juru_morph_bound_form(morph, "Pasca-Perang", 12, &label) == 6);
  CHECK_STR(juru_morph_meaning(morph, label), "post-");
  CHECK(juru_morph_bound_form(morph, "antarbank", 9, &label) == 5);
  CHECK_STR(label, "antar-");
  CHECK(juru_morph_bound_form(morph, "eks-rejim", 9, &label) == 4);
  CHECK(juru_morph_bound_form(morph, "eksplosif", 9, &label) == 0);
  CHECK(juru_morph_bound_form(morph, "antik", 5, &label) == 0);
  CHECK(juru_morph_bound_form(morph, "anti--x", 7, &label) == 0);
  CHECK(juru_morph_bound_form(morph, "rumah", 5, &label) == 0);
  CHECK_STR(analysis("antikorupsi"), "antikorupsi |");
}

static void test_spelling(void) {
  CHECK(juru_morph_spell(morph, "rumah", 5) == 1);
  CHECK(juru_morph_spell(morph, "rumahh", 6) == 0);
  char *s[5];
  size_t n = juru_morph_suggest(morph, "rumahh", 6, s, 5);
  CHECK(n > 0);
  int found = 0;
  for (size_t i = 0; i < n; i++) {
    found |= strcmp(s[i], "rumah") == 0;
    juru_free(s[i]);
  }
  CHECK(found);
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  juru_morph_files f = files_of(argv[1]);
  juru_error e;
  if (juru_morph_load(&f, &morph, &e) != JURU_OK) {
    fprintf(stderr, "%s:%zu: %s\n", e.source, e.line, e.text);
    return 1;
  }
  test_analyses();
  test_generate();
  test_meanings();
  test_rules_past_tables();
  test_roots();
  test_variant_errors();
  CHECK_STR(juru_morph_standard_spelling(morph, "ijin", 4), "izin");
  CHECK(juru_morph_standard_spelling(morph, "izin", 4) == NULL);
  CHECK(juru_morph_standard_spelling(morph, "-kan", 4) == NULL);
  char re[16];
  CHECK(juru_morph_respell_ending(morph, "dimasukan", 9, re, sizeof re) == 10);
  CHECK_STR(re, "dimasukkan");
  CHECK(juru_morph_respell_ending(morph, "dimasukan", 9, re, 10) == 0);
  CHECK(juru_morph_respell_ending(morph, "rumah", 5, re, sizeof re) == 0);
  test_bound_forms();
  test_rule_errors();
  test_compiled(argv[1]);
  test_spelling();
  juru_morph_free(morph);
  return TEST_REPORT();
}
