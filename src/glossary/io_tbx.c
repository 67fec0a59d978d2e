/* Glossaries as TBX: read with expat (TBX-Basic v3 <conceptEntry>/<langSec>
 * and TBX 2 <martif> <termEntry>/<langSet>, with <tig> or <termSec>), and
 * written as TBX-Basic v3 (ISO 30042:2019, DCA style).  The Indonesian term
 * (xml:lang id or in) is the source, the English (en...) the target; a
 * <note> or <descrip> becomes the comment. */
#include <expat.h>
#include <stdio.h>
#include <string.h>

#include "glossary.h"

typedef struct tbx_reader {
  juru_glossary *g;
  const char *name;
  juru_error *err;
  juru_status st;
  XML_Parser parser;
  int in_entry;
  char lang[16];
  juru__buf text;   /* character data of the current element */
  int capture;      /* 1: term, 2: note */
  juru__buf source, target, note;
  size_t entry_line;
} tbx_reader;

static const char *local(const char *name) {
  const char *sep = strrchr(name, '|'); /* namespace separator */
  return sep ? sep + 1 : name;
}

static int is_entry(const char *n) {
  return strcmp(n, "conceptEntry") == 0 || strcmp(n, "termEntry") == 0;
}

static int is_lang_section(const char *n) {
  return strcmp(n, "langSec") == 0 || strcmp(n, "langSet") == 0;
}

static void XMLCALL on_start(void *ud, const XML_Char *el,
                             const XML_Char **attr) {
  tbx_reader *r = ud;
  const char *n = local(el);
  if (is_entry(n)) {
    r->in_entry = 1;
    juru__buf_clear(&r->source);
    juru__buf_clear(&r->target);
    juru__buf_clear(&r->note);
    r->entry_line = (size_t)XML_GetCurrentLineNumber(r->parser);
  } else if (is_lang_section(n)) {
    r->lang[0] = '\0';
    for (int i = 0; attr[i]; i += 2)
      if (strcmp(local(attr[i]), "lang") == 0)
        snprintf(r->lang, sizeof r->lang, "%s", attr[i + 1]);
  } else if (r->in_entry && (strcmp(n, "term") == 0 || strcmp(n, "note") == 0 ||
                             strcmp(n, "descrip") == 0)) {
    r->capture = strcmp(n, "term") == 0 ? 1 : 2;
    juru__buf_clear(&r->text);
  }
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len) {
  tbx_reader *r = ud;
  if (r->capture && r->st == JURU_OK)
    r->st = juru__buf_append(&r->text, s, (size_t)len);
}

static int lang_is(const char *lang, const char *a, const char *b) {
  return strncmp(lang, a, 2) == 0 || (b && strncmp(lang, b, 2) == 0);
}

static void finish_entry(tbx_reader *r) {
  if (!r->source.len || !r->target.len) {
    r->st = juru__fail(r->err, JURU_ESYNTAX, r->name, r->entry_line, 1,
                       JURU__NONE,
                       "entry without an Indonesian (id) and an English (en) "
                       "term");
    return;
  }
  juru_term t;
  memset(&t, 0, sizeof t);
  t.source = r->source.data;
  t.target = r->target.data;
  t.note = r->note.data ? r->note.data : "";
  t.from = r->name;
  r->st = juru_glossary_add(r->g, &t);
  if (r->st == JURU_EINVAL)
    r->st = juru__fail(r->err, JURU_ESYNTAX, r->name, r->entry_line, 1,
                       JURU__NONE, "source too long or blank");
}

static void XMLCALL on_end(void *ud, const XML_Char *el) {
  tbx_reader *r = ud;
  const char *n = local(el);
  if (r->st != JURU_OK) return;
  if (r->capture && (strcmp(n, "term") == 0 || strcmp(n, "note") == 0 ||
                     strcmp(n, "descrip") == 0)) {
    juru__buf *dst = NULL;
    if (r->capture == 2) dst = r->note.len ? NULL : &r->note;
    else if (lang_is(r->lang, "id", "in")) dst = r->source.len ? NULL : &r->source;
    else if (lang_is(r->lang, "en", NULL)) dst = r->target.len ? NULL : &r->target;
    if (dst) r->st = juru__buf_append(dst, r->text.data ? r->text.data : "",
                                      r->text.len);
    r->capture = 0;
  } else if (is_entry(n) && r->in_entry) {
    r->in_entry = 0;
    finish_entry(r);
  }
  if (r->st != JURU_OK) XML_StopParser(r->parser, XML_FALSE);
}

juru_status juru__glossary_read_tbx(juru_glossary *g, const char *data,
                                    size_t len, const char *name,
                                    juru_error *err) {
  tbx_reader r;
  memset(&r, 0, sizeof r);
  r.g = g;
  r.name = name;
  r.err = err;
  r.parser = XML_ParserCreateNS("UTF-8", '|');
  if (!r.parser) return juru__fail(err, JURU_ENOMEM, name, 0, 0, JURU__NONE, NULL);
  XML_SetUserData(r.parser, &r);
  XML_SetElementHandler(r.parser, on_start, on_end);
  XML_SetCharacterDataHandler(r.parser, on_text);
  if (len > (size_t)1 << 30) {
    XML_ParserFree(r.parser);
    return juru__fail(err, JURU_ETOOBIG, name, 0, 0, JURU__NONE, NULL);
  }
  if (XML_Parse(r.parser, data, (int)len, XML_TRUE) == XML_STATUS_ERROR &&
      r.st == JURU_OK)
    r.st = juru__fail(err, JURU_ESYNTAX, name,
                      (size_t)XML_GetCurrentLineNumber(r.parser),
                      (size_t)XML_GetCurrentColumnNumber(r.parser) + 1,
                      (size_t)XML_GetCurrentByteIndex(r.parser), "%s",
                      XML_ErrorString(XML_GetErrorCode(r.parser)));
  XML_ParserFree(r.parser);
  juru__buf_free(&r.text);
  juru__buf_free(&r.source);
  juru__buf_free(&r.target);
  juru__buf_free(&r.note);
  return r.st;
}

static juru_status put_xml(juru__out *o, const char *s) {
  juru_status st = JURU_OK;
  for (const char *p = s; *p && st == JURU_OK; p++) {
    /* U+FFFE and U+FFFF are not XML characters: U+FFFD stands for them */
    if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBF &&
        ((unsigned char)p[2] == 0xBE || (unsigned char)p[2] == 0xBF)) {
      st = juru__out_str(o, "\xEF\xBF\xBD");
      p += 2;
      continue;
    }
    switch (*p) {
      case '<': st = juru__out_str(o, "&lt;"); break;
      case '>': st = juru__out_str(o, "&gt;"); break;
      case '&': st = juru__out_str(o, "&amp;"); break;
      case '"': st = juru__out_str(o, "&quot;"); break;
      default:
        /* control characters other than tab and line breaks are not XML */
        if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
          st = juru__out_str(o, " ");
        else
          st = juru__buf_append(o, p, 1);
    }
  }
  return st;
}

/* Element names of the two TBX generations. */
typedef struct tbx_dialect {
  const char *open, *close, *entry, *lang, *term_open, *term_close;
} tbx_dialect;

static const tbx_dialect tbx3 = {
    "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"id\" "
    "xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
    "  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n"
    "        <p>Juru glossary</p>\n      </sourceDesc>\n    </fileDesc>\n"
    "  </tbxHeader>\n",
    "</tbx>\n", "conceptEntry", "langSec", "<termSec>", "</termSec>"};
static const tbx_dialect tbx2 = {
    "<martif type=\"TBX-Basic\" xml:lang=\"id\">\n"
    "  <martifHeader>\n    <fileDesc>\n      <sourceDesc>\n"
    "        <p>Juru glossary</p>\n      </sourceDesc>\n    </fileDesc>\n"
    "  </martifHeader>\n",
    "</martif>\n", "termEntry", "langSet", "<tig>", "</tig>"};

juru_status juru__glossary_write_tbx(const juru_glossary *g, int version,
                                     juru__out *o) {
  const tbx_dialect *d = version == 2 ? &tbx2 : &tbx3;
  juru_status st = juru__out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  if (st == JURU_OK) st = juru__out_str(o, d->open);
  if (st == JURU_OK) st = juru__out_str(o, "  <text>\n    <body>\n");
  for (size_t i = 0; i < g->count && st == JURU_OK; i++) {
    const juru_term *t = &g->terms[i];
    st = juru__out_fmt(o, "      <%s id=\"c%zu\">\n", d->entry, i + 1);
    if (st == JURU_OK && t->note[0]) {
      st = juru__out_str(o, "        <note>");
      if (st == JURU_OK) st = put_xml(o, t->note);
      if (st == JURU_OK) st = juru__out_str(o, "</note>\n");
    }
    const char *langs[2] = {"id", "en"};
    const char *terms[2] = {t->source, t->target};
    for (int k = 0; k < 2 && st == JURU_OK; k++) {
      st = juru__out_fmt(o, "        <%s xml:lang=\"%s\">\n          %s\n"
                            "            <term>",
                         d->lang, langs[k], d->term_open);
      if (st == JURU_OK) st = put_xml(o, terms[k]);
      if (st == JURU_OK)
        st = juru__out_fmt(o, "</term>\n          %s\n        </%s>\n",
                           d->term_close, d->lang);
    }
    if (st == JURU_OK) st = juru__out_fmt(o, "      </%s>\n", d->entry);
  }
  if (st == JURU_OK) st = juru__out_str(o, "    </body>\n  </text>\n");
  if (st == JURU_OK) st = juru__out_str(o, d->close);
  return st;
}
