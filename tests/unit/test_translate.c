/* The offline translator: each transfer rule and generation step on the
 * smallest sentence that shows it, glossary terms fixed, unknown words kept,
 * long and odd input in bounded time, and every output format. */
#include <stdlib.h>
#include <time.h>

#include "dicts.h"
#include "juru.h"
#include "test.h"

static juru_translator *tr;

static const char *en(const char *id) {
  const juru_translation *t = NULL;
  juru_status st = juru_translate_sentence(tr, id, strlen(id), &t);
  return st == JURU_OK ? t->english : "(error)";
}

static void test_rules(void) {
  CHECK_STR(en("kantor polisi"), "The police station");
  CHECK_STR(en("Dia melihat kantor polisi baru itu."),
            "He saw the new police station.");
  CHECK_STR(en("Mereka menyerang 11 petugas polisi."),
            "They attacked 11 police officers.");
  CHECK_STR(en("kelompok teror yang dibentuk"), "The terror group formed");
  CHECK_STR(en("Rumah itu dibangun."), "The house was built.");
  CHECK_STR(en("Serangan itu dilakukan kelompok teror."),
            "The attack was done by the terror group.");
  CHECK_STR(en("Rumah itu dibangun oleh pemerintah."),
            "The house was built by the government.");
  CHECK_STR(en("Rumah itu akan dibangun."), "The house will be built.");
  CHECK_STR(en("Rumah itu telah dibangun."), "The house has been built.");
  CHECK_STR(en("Kami akan datang."), "We will come.");
  CHECK_STR(en("Kami tidak datang."), "We did not come.");
  CHECK_STR(en("Kami tidak harus membangun."), "We must not build.");
  CHECK_STR(en("Dia sedang membaca."), "He is reading.");
  CHECK_STR(en("para pejabat"), "Officials");
  CHECK_STR(en("kamp-kamp"), "Camps");
  CHECK_STR(en("rumahnya"), "Its house");
  CHECK_STR(en("penting bagi kami"), "Important for us");
  CHECK_STR(en("pemerintah Somalia"), "The Somali government");
  CHECK_STR(en("sebuah rumah"), "A house");
  CHECK_STR(en("sebuah operasi"), "An operation");
}

/* Irregular pasts: WordNet lists only forms that differ from the base,
 * and does not say which of began/begun is the past. */
static void test_verb_forms(void) {
  CHECK(strstr(en("Dia memotong kue itu."), "He cut ") != NULL);
  CHECK(strstr(en("Harga minyak dipotong."), "was cut.") != NULL);
  CHECK(strstr(en("Dia memenangkan pemilu."), "He won ") != NULL);
  CHECK(strstr(en("Dia berlari ke rumah."), "He ran ") != NULL);
  CHECK(strstr(en("Polisi menunjukkan bukti."), "showed") != NULL);
  /* be: was, and is in a headline (verb.exc lists it among -s forms) */
  CHECK_STR(en("Dia ada di rumah."), "He was in the house.");
  CHECK(strstr(en("Ada tiga mobil di jalan."), "There were three cars") != NULL);
  CHECK(strstr(en("Akan ada pemilihan."), "There will be ") != NULL);
  CHECK(strstr(en("Indonesia Ada di Asia"), "Indonesia is in Asia") != NULL);
  /* -man plurals noun.exc leaves out, but not human */
  CHECK_STR(en("para perempuan"), "Women");
  CHECK_STR(en("para pengusaha"), "Businessmen");
  CHECK_STR(en("para manusia"), "Humans");
  /* a phrase ending in a preposition has no plural */
  CHECK(strstr(en("hanya lima milik Pemprov"), "belonging to") != NULL);
  CHECK(strstr(en("hanya lima milik Pemprov"), "tos") == NULL);
}

static void test_numbers(void) {
  CHECK_STR(en("1.000 orang"), "1,000 people");
  CHECK_STR(en("1,5 persen"), "1.5 percent");
  CHECK_STR(en("Rp1,5 triliun"), "Rp1.5 trillion");
  CHECK_STR(en("pada hari Jumat (19/1)"), "On Friday (January 19)");
  CHECK_STR(en("pada 19/1/2024"), "On January 19, 2024");
  CHECK_STR(en("pukul 10.30 WIB"), "At 10:30 Western Indonesia Time");
  CHECK_STR(en("31/13"), "31/13"); /* no such month: kept */
}

static void test_text(void) {
  CHECK_STR(en("\"Kami datang,\" katanya."), "\"We came,\" he said.");
  CHECK_STR(en("“Kami datang,” katanya."), "“We came,” he said.");
  /* a quoted sentence opens with a capital, not its first noun */
  CHECK_STR(en("Dia berkata, \"Rumah itu besar.\""),
            "He said, \"The house was big.\"");
  CHECK_STR(en(""), "");
  const juru_translation *t;
  const char *s = "Zorglub datang ke Blorpania.";
  CHECK(juru_translate_sentence(tr, s, strlen(s), &t) == JURU_OK);
  CHECK(t->n_unknown == 0); /* capitalised: names, kept */
  CHECK(strstr(t->english, "Zorglub") && strstr(t->english, "Blorpania"));
  s = "orang itu membawa xqzwv";
  CHECK(juru_translate_sentence(tr, s, strlen(s), &t) == JURU_OK);
  CHECK(t->n_unknown == 1);
  CHECK(strstr(t->english, "xqzwv") != NULL);
  /* each unit points into the source and the English */
  for (size_t i = 0; i < t->n_units; i++) {
    CHECK(t->units[i].end <= strlen(s));
    CHECK(t->units[i].english >= t->english &&
          t->units[i].english + t->units[i].english_len <=
              t->english + t->english_len);
  }
}

static void test_glossary(void) {
  juru_glossary *g = juru_glossary_new();
  juru_term a = {"Komite Keamanan Nasional", "NSC (National Security Committee)",
                 NULL, NULL, NULL, JURU_TERM_ORG, JURU_ORIGIN_USER, 0, 0};
  juru_term b = {"serangan drone", "UAV strike", NULL, NULL, NULL,
                 JURU_TERM_TERM, JURU_ORIGIN_USER, 0, 0};
  CHECK(juru_glossary_add(g, &a) == JURU_OK);
  CHECK(juru_glossary_add(g, &b) == JURU_OK);
  CHECK(juru_translator_set_glossary(tr, g) == JURU_OK);
  const char *s = "Komite Keamanan Nasional-nya mengutuk serangan-serangan drone itu.";
  const juru_translation *t;
  CHECK(juru_translate_sentence(tr, s, strlen(s), &t) == JURU_OK);
  CHECK(strstr(t->english, "NSC (National Security Committee)") != NULL);
  CHECK(strstr(t->english, "UAV strike") != NULL);
  CHECK(t->n_terms == 2);
  CHECK(juru_translator_set_glossary(tr, NULL) == JURU_OK);
  juru_glossary_free(g);
}

/* 10,000 tokens, a million dots, a hyphen chain: linear, no crash. */
static void test_long(void) {
  size_t n = 10000 * 8;
  char *s = malloc(n + 1);
  for (size_t i = 0; i < n; i += 8) memcpy(s + i, "rumah   ", 8);
  memcpy(s + n / 2, "itu dan ", 8);
  s[n] = '\0';
  clock_t c0 = clock();
  const juru_translation *t;
  CHECK(juru_translate_sentence(tr, s, n, &t) == JURU_OK);
  CHECK(t->n_units > 5000);
  for (size_t i = 0; i < n; i++) s[i] = i % 2 ? '-' : 'a';
  CHECK(juru_translate_sentence(tr, s, n, &t) == JURU_OK);
  memset(s, '.', n);
  CHECK(juru_translate_sentence(tr, s, n, &t) == JURU_OK);
  memset(s, '"', n);
  CHECK(juru_translate_sentence(tr, s, n, &t) == JURU_OK);
  double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
  CHECK(secs < 5.0);
  free(s);
}

typedef struct sink {
  char buf[1 << 16];
  size_t len;
} sink;

static int to_sink(const char *data, size_t len, void *ud) {
  sink *k = ud;
  if (k->len + len >= sizeof k->buf) return 1;
  memcpy(k->buf + k->len, data, len);
  k->len += len;
  k->buf[k->len] = '\0';
  return 0;
}

static void write_one(juru_format f, sink *k) {
  juru_writer *w;
  k->len = 0;
  k->buf[0] = '\0';
  const char *s = "Kantor itu <baru> & \"besar\".";
  const juru_translation *t;
  CHECK(juru_writer_new(f, "a&b.txt", NULL, to_sink, k, &w) == JURU_OK);
  CHECK(juru_translate_sentence(tr, s, strlen(s), &t) == JURU_OK);
  CHECK(juru_writer_sentence(w, 1, 0, s, strlen(s), t) == JURU_OK);
  CHECK(juru_writer_line_end(w) == JURU_OK);
  CHECK(juru_writer_finish(w) == JURU_OK);
  juru_writer_free(w);
}

static void test_formats(void) {
  sink *k = malloc(sizeof *k);
  juru_format f;
  CHECK(juru_format_named("xliff", &f) && f == JURU_FORMAT_XLIFF);
  CHECK(!juru_format_named("docx", &f));
  write_one(JURU_FORMAT_TEXT, k);
  CHECK_STR(k->buf, "The office <new> & \"big\".\n");
  write_one(JURU_FORMAT_TSV, k);
  CHECK_STR(k->buf, "Kantor itu <baru> & \"besar\".\tThe office <new> & \"big\".\n");
  write_one(JURU_FORMAT_TMX, k);
  CHECK(strstr(k->buf, "<seg>Kantor itu &lt;baru&gt; &amp; &quot;besar&quot;.</seg>"));
  CHECK(strstr(k->buf, "</tmx>"));
  write_one(JURU_FORMAT_XLIFF, k);
  CHECK(strstr(k->buf, "original=\"a&amp;b.txt\""));
  CHECK(strstr(k->buf, "<target state=\"translated\">The office &lt;new&gt;"));
  write_one(JURU_FORMAT_JSONL, k);
  CHECK(strstr(k->buf, "\"english\":\"The office <new> & \\\"big\\\".\""));
  write_one(JURU_FORMAT_MARKDOWN, k);
  CHECK(strstr(k->buf, "| Indonesian | English |"));
  free(k);
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  dicts d;
  if (dicts_open(argv[1], &d) != 0) return 1;
  tr = d.translator;

  test_rules();
  test_verb_forms();
  test_numbers();
  test_text();
  test_glossary();
  test_long();
  test_formats();

  /* malformed rules: file and line */
  juru_translator *bad = NULL;
  juru_error e = {0};
  juru_translator_files files = {d.rules, d.english};
  const char *path = "bad-transfer.txt";
  FILE *fp = fopen(path, "w");
  fputs("# x\naux\takan\twill\tsoon\tbe\n", fp);
  fclose(fp);
  files.rules = path;
  CHECK(juru_translator_new(d.lexicon, d.morph, d.abbrevs, &files, &bad, &e) ==
        JURU_ESYNTAX);
  CHECK(e.line == 2 && strstr(e.text, "soon"));
  remove(path);

  dicts_close(&d);
  return TEST_REPORT();
}
