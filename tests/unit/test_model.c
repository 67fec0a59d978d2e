/* What the translator learns: alignment and phrase extraction on a toy
 * corpus whose answer is known, the model file's round trip and its
 * refusal of damaged copies, the corpus readers' errors with their lines,
 * and a translator that decodes with a model keeping glossary terms. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "juru.h"
#include "model/model.h"
#include "test.h"

static char dir[] = "/tmp/juru-test-model-XXXXXX";

static char *path_in(const char *name) {
  static char buf[256];
  snprintf(buf, sizeof buf, "%s/%s", dir, name);
  return buf;
}

static void write_text(const char *name, const char *text) {
  FILE *f = fopen(path_in(name), "wb");
  fputs(text, f);
  fclose(f);
}

/* The best English of an Indonesian phrase in the model, or "". */
static const char *best(const juru_model *m, const char *id) {
  static char out[256];
  out[0] = '\0';
  const juru__model_entry *e = juru__model_find(m, id, strlen(id));
  if (!e || !e->n_cand) return out;
  const juru__model_cand *c = &m->cands[e->first_cand];
  size_t at = 0;
  for (uint32_t i = 0; i < c->tgt_len; i++) {
    size_t n;
    const char *w = juru__model_en_word(m, m->tgt[c->tgt_off + i], &n);
    at += (size_t)snprintf(out + at, sizeof out - at, "%s%.*s", i ? " " : "", (int)n, w);
  }
  return out;
}

static const char *const toy[][2] = {
    {"rumah besar", "big house"},   {"rumah kecil", "small house"},
    {"mobil besar", "big car"},     {"mobil kecil", "small car"},
    {"rumah", "house"},             {"mobil", "car"},
    {"buku besar", "big book"},     {"buku kecil", "small book"},
    {"rumah itu besar", "the house is big"},
    {"mobil itu kecil", "the car is small"},
    {"buku itu besar", "the book is big"},
};

static juru_model *train_toy(const float *weights) {
  juru_train_options o;
  juru_train_options_default(&o);
  o.lm_order = 3;
  if (weights) memcpy(o.weights, weights, sizeof o.weights);
  juru_trainer *t = NULL;
  CHECK(juru_trainer_new(NULL, NULL, &o, &t) == JURU_OK);
  /* twice: a multi-word phrase pair needs two sightings */
  for (size_t i = 0; i < 2 * (sizeof toy / sizeof toy[0]); i++) {
    size_t k = i % (sizeof toy / sizeof toy[0]);
    CHECK(juru_trainer_add_pair(t, toy[k][0], strlen(toy[k][0]), toy[k][1],
                                strlen(toy[k][1])) == JURU_OK);
  }
  CHECK(juru_trainer_add_english(t, "a big house", 11) == JURU_OK);
  juru_train_stats stats;
  juru_error err = {0};
  CHECK(juru_trainer_write(t, path_in("toy.model"), &stats, &err) == JURU_OK);
  CHECK(stats.pairs == 2 * (sizeof toy / sizeof toy[0]));
  CHECK(stats.english_sentences == stats.pairs + 1);
  juru_trainer_free(t);
  juru_model *m = NULL;
  CHECK(juru_model_open(path_in("toy.model"), &m, &err) == JURU_OK);
  return m;
}

static void test_toy_alignment(void) {
  juru_model *m = train_toy(NULL);
  if (!m) return;
  /* head-first Indonesian, head-last English: the alignment must cross */
  CHECK_STR(best(m, "rumah"), "house");
  CHECK_STR(best(m, "mobil"), "car");
  CHECK_STR(best(m, "buku"), "book");
  CHECK_STR(best(m, "besar"), "big");
  CHECK_STR(best(m, "kecil"), "small");
  CHECK_STR(best(m, "rumah besar"), "big house");
  CHECK_STR(best(m, "mobil kecil"), "small car");
  CHECK_STR(best(m, "pesawat"), ""); /* never seen */
  /* every feature is a log probability */
  for (size_t i = 0; i < m->n_cands; i++)
    for (int k = 0; k < 4; k++) CHECK(m->cands[i].f[k] <= 0.0f);
  juru_model_free(m);
}

static void test_round_trip(void) {
  float w[JURU_N_WEIGHTS];
  for (int i = 0; i < JURU_N_WEIGHTS; i++) w[i] = 0.25f * (float)(i + 1);
  juru_model *m = train_toy(w);
  if (!m) return;
  CHECK(memcmp(juru_model_weights(m), w, sizeof w) == 0);
  /* ids and words map onto each other */
  for (uint32_t id = 3; id < m->n_en; id++) {
    size_t n;
    const char *word = juru__model_en_word(m, id, &n);
    CHECK(juru__model_en_id(m, word, n) == id);
  }
  CHECK(juru__model_en_id(m, "zebra", 5) == JURU__LM_UNK);
  /* the language model came through: a seen sentence beats a shuffled one */
  uint32_t seen[3] = {juru__model_en_id(m, "big", 3), juru__model_en_id(m, "house", 5)};
  uint32_t shuffled[3] = {seen[1], seen[0]};
  CHECK(juru__lm_sentence_logprob(&m->lm, seen, 2) >
        juru__lm_sentence_logprob(&m->lm, shuffled, 2));
  juru_model_free(m);
}

/* Truncated and flipped copies are refused or, if they still parse, safe
 * to use (run under ASan). */
static void test_damaged(void) {
  FILE *f = fopen(path_in("toy.model"), "rb");
  if (!f) return;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  rewind(f);
  unsigned char *data = malloc((size_t)size);
  CHECK(fread(data, 1, (size_t)size, f) == (size_t)size);
  fclose(f);
  srand(7);
  int refused = 0;
  for (int trial = 0; trial < 300; trial++) {
    unsigned char *copy = malloc((size_t)size);
    memcpy(copy, data, (size_t)size);
    size_t n = (size_t)size;
    if (trial < 100) n = (size_t)rand() % (size_t)size;
    else for (int k = 0; k < 4; k++) copy[rand() % size] ^= (unsigned char)(1 + rand() % 255);
    FILE *g = fopen(path_in("bad.model"), "wb");
    fwrite(copy, 1, n, g);
    fclose(g);
    juru_model *m = NULL;
    juru_error err = {0};
    if (juru_model_open(path_in("bad.model"), &m, &err) != JURU_OK) {
      refused++;
      CHECK(m == NULL && err.text[0]);
    } else {
      best(m, "rumah besar");
      best(m, "mobil");
      uint32_t s[2] = {3, 4};
      (void)juru__lm_sentence_logprob(&m->lm, s, 2);
      juru_model_free(m);
    }
    free(copy);
  }
  CHECK(refused >= 100); /* every truncation at least */
  juru_model *m = NULL;
  juru_error err = {0};
  CHECK(juru_model_open(path_in("missing.model"), &m, &err) == JURU_EIO);
  write_text("text.model", "not a model\n");
  CHECK(juru_model_open(path_in("text.model"), &m, &err) == JURU_ESYNTAX);
  free(data);
}

static juru_status count_pair(void *ud, const char *id, size_t id_len,
                              const char *en, size_t en_len) {
  (void)id, (void)id_len, (void)en, (void)en_len;
  ++*(int *)ud;
  return JURU_OK;
}

/* The corpus error for `text` as a TSV file: its line, or -1 if read. */
static long tsv_error_line(const char *text, juru_status *st) {
  write_text("c.tsv", text);
  int n = 0;
  size_t count;
  juru_error err = {0};
  *st = juru_corpus_read(path_in("c.tsv"), NULL, count_pair, &n, &count, &err);
  return *st == JURU_OK ? -1 : (long)err.line;
}

static void test_corpus_errors(void) {
  juru_status st;
  CHECK(tsv_error_line("satu\tone\ndua\ttwo\n", &st) == -1);
  CHECK(tsv_error_line("satu\tone\ndua two\n", &st) == 2 && st == JURU_ESYNTAX);
  CHECK(tsv_error_line("satu\tone\n\n\ndua\ttwo\tthree\n", &st) == 4);
  CHECK(tsv_error_line("satu\t \n", &st) == 1 && st == JURU_ESYNTAX);
  CHECK(tsv_error_line("satu\tone\ndua\ttw\xC3\n", &st) == 2 && st == JURU_EUTF8);
  CHECK(tsv_error_line("\n\n", &st) == 0 && st == JURU_ESYNTAX); /* no pairs */
  CHECK(tsv_error_line("<tmx><body><tu><tuv xml:lang=\"id\"><seg>a</seg></tuv>\n"
                       "<tuv xml:lang=\"en\"><seg>b</seg></tu></body></tmx>\n",
                       &st) == 2 && st == JURU_ESYNTAX);
  CHECK(tsv_error_line("<tmx><body><tu><tuv xml:lang=\"id\"><seg>satu</seg></tuv>"
                       "<tuv xml:lang=\"en-GB\"><seg>one</seg></tuv></tu></body></tmx>",
                       &st) == -1);
  /* two files: the shorter one is named, at the line where it ended */
  write_text("c.id", "satu\ndua\ntiga\n");
  write_text("c.en", "one\ntwo\n");
  int n = 0;
  size_t count;
  juru_error err = {0};
  char id_path[256];
  snprintf(id_path, sizeof id_path, "%s", path_in("c.id"));
  st = juru_corpus_read(id_path, path_in("c.en"), count_pair, &n, &count, &err);
  CHECK(st == JURU_ESYNTAX && err.line == 3 && strstr(err.source, "c.en"));
  write_text("c.en", "one\n\nthree\n");
  st = juru_corpus_read(id_path, path_in("c.en"), count_pair, &n, &count, &err);
  CHECK(st == JURU_ESYNTAX && err.line == 2);
}

/* A translator decoding with the toy model still gives a glossary's
 * terms exactly. */
static void test_decoding(const char *data) {
  juru_abbrevs *ab = NULL;
  juru_lexicon *lx = NULL;
  juru_morph *morph = NULL;
  juru_translator *tr = NULL;
  char rules[512], english[512], lexicon[512];
  snprintf(rules, sizeof rules, "%s/id/transfer.txt", data);
  snprintf(english, sizeof english, "%s/en", data);
  snprintf(lexicon, sizeof lexicon, "%s/id/lexicon/news-general.tsv", data);
  const char *lex_paths[1] = {lexicon};
  juru_translator_files files = {rules, english};
  juru_error err = {0};
  if (juru_morph_load_dir(data, &morph, &err) != JURU_OK ||
      juru_lexicon_load(lex_paths, 1, &lx, &err) != JURU_OK ||
      juru_translator_new(lx, morph, ab, &files, &tr, &err) != JURU_OK) {
    fprintf(stderr, "cannot load the dictionaries: %s\n", err.text);
    test_failed++;
  } else {
    juru_model *m = train_toy(NULL);
    juru_translator_set_model(tr, m);
    juru_glossary *g = juru_glossary_new();
    juru_term term = {"rumah besar", "Great Hall", "", "", "", JURU_TERM_TERM,
                      JURU_ORIGIN_USER, 1, 1.0};
    CHECK(juru_glossary_add(g, &term) == JURU_OK);
    CHECK(juru_translator_set_glossary(tr, g) == JURU_OK);
    const juru_translation *t = NULL;
    const char *s = "Mobil kecil itu di rumah besar.";
    CHECK(juru_translate_sentence(tr, s, strlen(s), &t) == JURU_OK);
    CHECK(t && strstr(t->english, "Great Hall"));
    CHECK(t && strstr(t->english, "small car"));
    juru_translator_set_glossary(tr, NULL);
    juru_glossary_free(g);
    juru_model_free(m);
    /* a lone noun the rules leave bare takes "a" when its weight says so,
     * and the decoder keeps the sentence otherwise as the rules made it */
    const char *bought = "Dia membeli mobil.";
    float w[JURU_N_WEIGHTS] = {1, 1, 1, 1, 1, 0, 0, 1, -1, 5};
    m = train_toy(w);
    juru_translator_set_model(tr, m);
    CHECK(juru_translate_sentence(tr, bought, strlen(bought), &t) == JURU_OK);
    CHECK(t && strcmp(t->english, "He bought a car.") == 0);
    juru_model_free(m);
    w[JURU_W_ADD_ARTICLE] = -5;
    m = train_toy(w);
    juru_translator_set_model(tr, m);
    CHECK(juru_translate_sentence(tr, bought, strlen(bought), &t) == JURU_OK);
    CHECK(t && strcmp(t->english, "He bought car.") == 0);
    juru_translator_free(tr);
    juru_model_free(m);
  }
  juru_lexicon_free(lx);
  juru_morph_free(morph);
}

int main(int argc, char **argv) {
  if (!mkdtemp(dir)) return 1;
  test_toy_alignment();
  test_round_trip();
  test_damaged();
  test_corpus_errors();
  if (argc > 1) test_decoding(argv[1]);
  const char *names[] = {"toy.model", "bad.model", "text.model", "c.tsv", "c.id", "c.en"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) unlink(path_in(names[i]));
  rmdir(dir);
  return TEST_REPORT();
}
