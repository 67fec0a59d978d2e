/* The segmenter: each rule, paragraphs and line ends, bad input, the
 * streaming contract (chunking invariance, bounded memory), cuts. */
#include <stdint.h>
#include <stdlib.h>

#include "juru.h"
#include "test.h"

static juru_abbrevs *abbrevs;

/* ---- collecting sentences as "a | b || c" ---- */

typedef struct collected {
  char text[1 << 16];
  size_t len;
  size_t last_para;
  int n;
  unsigned flags;
  /* the record of every field, to compare runs */
  uint64_t hash;
} collected;

static void put(collected *c, const char *s, size_t n) {
  if (c->len + n + 1 >= sizeof c->text) n = sizeof c->text - c->len - 1;
  memcpy(c->text + c->len, s, n);
  c->len += n;
  c->text[c->len] = '\0';
}

static uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

static int on_sentence(const juru_sentence *s, void *ud) {
  collected *c = ud;
  if (c->n) {
    const char *sep = s->para != c->last_para ? " || " : " | ";
    put(c, sep, strlen(sep));
  }
  put(c, s->text, s->len);
  c->last_para = s->para;
  c->n++;
  c->flags |= s->flags;
  c->hash = mix(c->hash, s->para);
  c->hash = mix(c->hash, s->index);
  c->hash = mix(c->hash, s->start);
  c->hash = mix(c->hash, s->end);
  c->hash = mix(c->hash, s->flags);
  for (size_t i = 0; i < s->len; i++)
    c->hash = mix(c->hash, (unsigned char)s->text[i]);
  return 0;
}

static juru_status run(const char *text, size_t len, unsigned flags,
                       size_t max, size_t chunk, collected *c,
                       juru_error *err) {
  memset(c, 0, sizeof *c);
  juru_segment_options opt = {flags, max};
  juru_segmenter *seg = juru_segmenter_new(abbrevs, &opt);
  juru_status st = JURU_OK;
  for (size_t i = 0; st == JURU_OK && i < len; i += chunk) {
    size_t n = len - i < chunk ? len - i : chunk;
    st = juru_segmenter_feed(seg, text + i, n, on_sentence, c, err);
  }
  if (st == JURU_OK) st = juru_segmenter_finish(seg, on_sentence, c, err);
  juru_segmenter_free(seg);
  return st;
}

static const char *seg(const char *text) {
  static collected c;
  juru_error e;
  if (run(text, strlen(text), 0, 0, strlen(text) + 1, &c, &e) != JURU_OK)
    return "(error)";
  return c.text;
}

/* ---- the rules ---- */

static void test_rules(void) {
  struct {
    const char *in, *want;
  } cases[] = {
      /* plain boundaries, ? ! and ellipses */
      {"Saya belajar. Saya menulis.", "Saya belajar. | Saya menulis."},
      {"Benarkah? Ya! Tentu.", "Benarkah? | Ya! | Tentu."},
      {"Apa?! Tidak mungkin.", "Apa?! | Tidak mungkin."},
      {"Dia ragu... Kemudian pergi.", "Dia ragu... | Kemudian pergi."},
      {"Dia ragu… Kemudian pergi.", "Dia ragu… | Kemudian pergi."},
      {"Dia... eh, maksud saya.", "Dia... eh, maksud saya."},
      /* quotes: opening the next sentence, closing after the stop */
      {"katanya. \"Keputusan itu final.\"",
       "katanya. | \"Keputusan itu final.\""},
      {"kata dia. “Dia datang.” Lalu pergi.",
       "kata dia. | “Dia datang.” | Lalu pergi."},
      {"\"Apa kabar?\" tanya dia.", "\"Apa kabar?\" tanya dia."},
      {"“Kami siap,” kata dia. Dia pergi.",
       "“Kami siap,” kata dia. | Dia pergi."},
      {"\"Saya sedang belajar.\", kata Budi.",
       "\"Saya sedang belajar.\" | , kata Budi."},
      {"(Lihat gambar.) Kemudian kami pergi.",
       "(Lihat gambar.) | Kemudian kami pergi."},
      /* abbreviations */
      {"Saya di Jl. Prof. Dr. Soepomo SH no. 11. Kapan ke sana?",
       "Saya di Jl. Prof. Dr. Soepomo SH no. 11. | Kapan ke sana?"},
      {"Bertemu dr. Tirta dan Ny. Ani.", "Bertemu dr. Tirta dan Ny. Ani."},
      {"Dia membeli buku, pena, dll. Lalu pulang.",
       "Dia membeli buku, pena, dll. | Lalu pulang."},
      {"buku, pena, dll. yang dibutuhkan.", "buku, pena, dll. yang dibutuhkan."},
      {"PT Bank Negara Indonesia (Persero) Tbk. (BBNI) naik.",
       "PT Bank Negara Indonesia (Persero) Tbk. (BBNI) naik."},
      {"Saham PT Astra Tbk. Naik lagi.", "Saham PT Astra Tbk. | Naik lagi."},
      {"Encore Energy Pte. Ltd. menjual saham.",
       "Encore Energy Pte. Ltd. menjual saham."},
      {"Harganya Rp. 5.000 saja.", "Harganya Rp. 5.000 saja."},
      {"Dia bergelar S.H. dan M.Si. sejak lama.",
       "Dia bergelar S.H. dan M.Si. sejak lama."},
      {"JL. Sudirman ramai.", "JL. Sudirman ramai."},
      /* initials and Roman numerals */
      {"Presiden B. J. Habibie hadir.", "Presiden B. J. Habibie hadir."},
      {"Menteri Agus D.W. Martowardojo hadir.",
       "Menteri Agus D.W. Martowardojo hadir."},
      {"Direktur Medco Rashid I. Mangunkusumo.",
       "Direktur Medco Rashid I. Mangunkusumo."},
      {"Laba naik pada kuartal I. Dengan itu aman.",
       "Laba naik pada kuartal I. | Dengan itu aman."},
      {"Dia lahir saat Perang Dunia II. Setelah itu pindah.",
       "Dia lahir saat Perang Dunia II. | Setelah itu pindah."},
      /* numbers, times, dates, money, addresses stay inside */
      {"Pada pukul 10.30 WIB hari Jumat (19/1) dana Rp1,5 triliun cair.",
       "Pada pukul 10.30 WIB hari Jumat (19/1) dana Rp1,5 triliun cair."},
      {"Nilainya 1.000.000 rupiah. Itu banyak.",
       "Nilainya 1.000.000 rupiah. | Itu banyak."},
      {"Harganya naik hingga Rp9.125. Agus mengatakan itu.",
       "Harganya naik hingga Rp9.125. | Agus mengatakan itu."},
      {"Rp 2.500.000.", "Rp 2.500.000."},
      {"Kirim ke andy.librian@gmail.com. Terima kasih.",
       "Kirim ke andy.librian@gmail.com. | Terima kasih."},
      {"Buka sastrawi.github.io. Lalu baca.",
       "Buka sastrawi.github.io. | Lalu baca."},
      {"JAKARTA, KOMPAS.com - Presiden tiba. Dia disambut.",
       "JAKARTA, KOMPAS.com - Presiden tiba. | Dia disambut."},
      /* list markers and trailers */
      {"1. Warga negara Indonesia.", "1. Warga negara Indonesia."},
      {"tidak seimbang.[IT/r]", "tidak seimbang.[IT/r]"},
      {"dan 1960-an. Bawah radar mulai.", "dan 1960-an. | Bawah radar mulai."},
      /* a lower-case start after a full word still ends the sentence */
      {"mobil asal Italia. apakah Alya sadar?",
       "mobil asal Italia. | apakah Alya sadar?"},
      {"Direktur Joko P. di ruangannya.", "Direktur Joko P. di ruangannya."},
      /* headlines and datelines: a line break ends a paragraph */
      {"Pakistan Pulihkan Hubungan\nStory Code : 1110299\nIsi berita.",
       "Pakistan Pulihkan Hubungan || Story Code : 1110299 || Isi berita."},
      {"\n\n  Satu.  \n\n\nDua.\n", "Satu. || Dua."},
      {"Satu.\r\nDua.\rTiga.", "Satu. || Dua. || Tiga."},
      {"", ""},
      {"   \n \t \n", ""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    CHECK_STR(seg(cases[i].in), cases[i].want);
}

/* ---- offsets, BOM, wrapped text ---- */

static int record_first(const juru_sentence *s, void *ud) {
  juru_sentence *out = ud;
  if (out->len == 0) *out = *s;
  return 0;
}

static void test_offsets_and_bom(void) {
  const char *text = "\xEF\xBB\xBF  Satu dua. Tiga.";
  juru_sentence first = {0};
  CHECK(juru_segment(abbrevs, NULL, text, strlen(text), record_first, &first,
                     NULL) == JURU_OK);
  CHECK(first.start == 5 && first.end == 14);
  CHECK(first.para == 0 && first.index == 0);

  collected c;
  juru_error e;
  const char *wrapped = "Ini kalimat yang\ndibungkus. Dan ini\r\njuga.\n\nBaru.";
  CHECK(run(wrapped, strlen(wrapped), JURU_SEGMENT_WRAPPED, 0, 7, &c, &e) ==
        JURU_OK);
  CHECK_STR(c.text, "Ini kalimat yang\ndibungkus. | Dan ini\r\njuga. || Baru.");
}

/* ---- bad input ---- */

static void test_bad_input(void) {
  collected c;
  juru_error e;
  memset(&e, 0, sizeof e);
  CHECK(run("Satu.\nDua \xFF tiga.", 16, 0, 0, 3, &c, &e) == JURU_EUTF8);
  CHECK(e.offset == 10 && e.line == 2 && e.column == 5);
  CHECK_STR(c.text, "Satu."); /* finished work was delivered */
  CHECK(run("Satu \xE2\x82", 7, 0, 0, 1, &c, &e) == JURU_EUTF8);
  CHECK(strstr(e.text, "truncated") != NULL);
  CHECK(run("Satu\0dua.", 9, 0, 0, 4, &c, &e) == JURU_ENUL);
  CHECK(e.offset == 4);
  CHECK(run("\xFF\xFEH\0i\0", 6, JURU_SEGMENT_LOSSY, 0, 1, &c, &e) ==
        JURU_EENCODING);
  CHECK(run("Satu \xFF dua.\0 Tiga.", 18, JURU_SEGMENT_LOSSY, 0, 2, &c, &e) ==
        JURU_OK);
  CHECK_STR(c.text, "Satu \xEF\xBF\xBD dua.\xEF\xBF\xBD Tiga.");

  juru_segmenter *s = juru_segmenter_new(abbrevs, NULL);
  /* within the first 16 bytes an error waits for them all (they may name
     a binary format); past them it is reported at once */
  CHECK(juru_segmenter_feed(s, "ab \xFF", 4, on_sentence, &c, &e) == JURU_OK);
  CHECK(juru_segmenter_feed(s, " and some more", 14, on_sentence, &c, &e) ==
        JURU_EUTF8);
  CHECK(e.offset == 3);
  CHECK(juru_segmenter_feed(s, "a", 1, on_sentence, &c, &e) == JURU_EINVAL);
  CHECK(juru_segmenter_feed(s, "a", 1, NULL, &c, &e) == JURU_EINVAL);
  juru_segmenter_free(s);
}

static int stop_at_second(const juru_sentence *s, void *ud) {
  (void)ud;
  return s->index == 1;
}

static void test_cancel(void) {
  const char *t = "Satu. Dua. Tiga.";
  CHECK(juru_segment(abbrevs, NULL, t, strlen(t), stop_at_second, NULL,
                     NULL) == JURU_ECANCELLED);
}

/* ---- streaming: chunking invariance ---- */

static uint32_t rng_state = 12345;
static uint32_t rnd(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

static juru_status run_random_chunks(const char *text, size_t len,
                                     unsigned flags, size_t max,
                                     collected *c) {
  memset(c, 0, sizeof *c);
  juru_segment_options opt = {flags, max};
  juru_segmenter *seg = juru_segmenter_new(abbrevs, &opt);
  juru_status st = JURU_OK;
  for (size_t i = 0; st == JURU_OK && i < len;) {
    size_t n = 1 + rnd() % (rnd() % 2 ? 8 : 4096);
    if (n > len - i) n = len - i;
    st = juru_segmenter_feed(seg, text + i, n, on_sentence, c, NULL);
    i += n;
  }
  if (st == JURU_OK) st = juru_segmenter_finish(seg, on_sentence, c, NULL);
  juru_segmenter_free(seg);
  return st;
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  if (buf) buf[n] = '\0';
  *len = (size_t)n;
  return buf;
}

static void check_invariance(const char *text, size_t len, unsigned flags,
                             size_t max) {
  static collected whole, part;
  juru_status a = run(text, len, flags, max, len + 1, &whole, NULL);
  for (int round = 0; round < 4; round++) {
    juru_status b = run_random_chunks(text, len, flags, max, &part);
    CHECK(a == b);
    CHECK(whole.hash == part.hash && whole.n == part.n);
  }
  juru_status b = run(text, len, flags, max, 1, &part, NULL);
  CHECK(a == b && whole.hash == part.hash);
}

static void test_chunking(const char *datadir) {
  const char *names[] = {"ud_gsd_dev.txt", "ud_csui_train.txt",
                         "sastrawi_sd.txt"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    char path[4096];
    size_t len;
    snprintf(path, sizeof path, "%s/seg/%s", datadir, names[i]);
    char *text = read_all(path, &len);
    CHECK(text != NULL);
    if (!text) continue;
    check_invariance(text, len, 0, 0);
    check_invariance(text, len, JURU_SEGMENT_WRAPPED, 0);
    check_invariance(text, len, 0, 97); /* many cuts */
    free(text);
  }
  static const char with_nul[] =
      "a \xFF\xC3 b. \xE2\x82\xAC 5. Dr. X. \xF0\x9F\x98\x80. Y.\0z. ";
  const char *tricky[] = {
      "\xEF\xBB\xBFSatu.\r\n\r\nDua?\" kata dia. “Tiga…” (Empat.) [IT/r]",
      with_nul,
      "Satu.            \"  (  \"Dua.\n\n\n",
  };
  for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
    size_t len = i == 1 ? sizeof with_nul - 1 : strlen(tricky[i]);
    check_invariance(tricky[i], len, 0, 0);
    check_invariance(tricky[i], len, JURU_SEGMENT_LOSSY, 0);
    check_invariance(tricky[i], len, JURU_SEGMENT_LOSSY | JURU_SEGMENT_WRAPPED,
                     16);
  }
}

/* ---- cuts and bounded memory ---- */

static int check_cut(const juru_sentence *s, void *ud) {
  size_t *max = ud;
  if (s->len > max[0]) max[1]++;
  if (s->flags & JURU_SENTENCE_CUT) max[2]++;
  max[3] += s->len;
  return 0;
}

static void test_cut(void) {
  /* 100 kB with no terminal: cut into pieces of at most 1000 bytes */
  size_t n = 100000;
  char *text = malloc(n);
  for (size_t i = 0; i < n; i++) text[i] = (i % 7 == 6) ? ' ' : 'a';
  size_t stats[4] = {1000, 0, 0, 0};
  juru_segment_options opt = {0, 1000};
  CHECK(juru_segment(abbrevs, &opt, text, n, check_cut, stats, NULL) ==
        JURU_OK);
  CHECK(stats[1] == 0);
  CHECK(stats[2] >= 100);
  CHECK(stats[3] > n - n / 7 - 200); /* nothing but spaces was dropped */
  memset(text, '.', n);              /* one long run of dots */
  stats[2] = stats[3] = 0;
  CHECK(juru_segment(abbrevs, &opt, text, n, check_cut, stats, NULL) ==
        JURU_OK);
  CHECK(stats[1] == 0 && stats[3] == n);
  free(text);
}

static size_t live_bytes, peak_bytes;
static void *counting_malloc(size_t n) {
  size_t *p = malloc(n + sizeof(size_t) * 2);
  if (!p) return NULL;
  p[0] = n;
  live_bytes += n;
  if (live_bytes > peak_bytes) peak_bytes = live_bytes;
  return p + 2;
}
static void counting_free(void *ptr) {
  if (!ptr) return;
  size_t *p = (size_t *)ptr - 2;
  live_bytes -= p[0];
  free(p);
}
static void *counting_realloc(void *ptr, size_t n) {
  if (!ptr) return counting_malloc(n);
  size_t *p = (size_t *)ptr - 2;
  size_t old = p[0];
  size_t *q = realloc(p, n + sizeof(size_t) * 2);
  if (!q) return NULL;
  q[0] = n;
  live_bytes = live_bytes - old + n;
  if (live_bytes > peak_bytes) peak_bytes = live_bytes;
  return q + 2;
}

static int count_only(const juru_sentence *s, void *ud) {
  (void)s;
  (*(size_t *)ud)++;
  return 0;
}

/* Feeding 64 MB must not need more memory than feeding 1 MB. */
static void test_bounded_memory(void) {
  const char *para = "Pada 16 Januari, Republik Islam melancarkan serangan "
                     "drone dan rudal. Kelompok tersebut mengaku bertanggung "
                     "jawab atas serangan itu.\n";
  size_t plen = strlen(para);
  size_t peaks[2];
  size_t totals[] = {1u << 20, 64u << 20};
  for (int k = 0; k < 2; k++) {
    juru_set_allocator(counting_malloc, counting_realloc, counting_free);
    live_bytes = peak_bytes = 0;
    juru_segmenter *s = juru_segmenter_new(abbrevs, NULL);
    size_t count = 0;
    char chunk[8192];
    size_t fill = 0;
    while (fill + plen <= sizeof chunk) {
      memcpy(chunk + fill, para, plen);
      fill += plen;
    }
    for (size_t done = 0; done < totals[k]; done += fill)
      juru_segmenter_feed(s, chunk, fill, count_only, &count, NULL);
    juru_segmenter_finish(s, count_only, &count, NULL);
    juru_segmenter_free(s);
    juru_set_allocator(NULL, NULL, NULL);
    peaks[k] = peak_bytes;
    CHECK(count >= 2 * (totals[k] / fill) * (fill / plen));
    CHECK(live_bytes == 0);
  }
  CHECK(peaks[1] <= peaks[0]);
  CHECK(peaks[1] < 256 * 1024);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: test_segment DICTIONARIES TESTDATA\n");
    return 2;
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/id/abbreviations.txt", argv[1]);
  juru_error e;
  if (juru_abbrevs_load(path, &abbrevs, &e) != JURU_OK) {
    fprintf(stderr, "%s:%zu: %s\n", e.source, e.line, e.text);
    return 1;
  }
  test_rules();
  test_offsets_and_bom();
  test_bad_input();
  test_cancel();
  test_chunking(argv[2]);
  test_cut();
  test_bounded_memory();
  juru_abbrevs_free(abbrevs);
  return TEST_REPORT();
}
