/* Glossaries as JSON, through jansson:
 *   [{"source": "duta besar", "target": "ambassador", "note": "..."}, ...]
 * or {"terms": [...]}; Juru's full export adds category, frequency, origin
 * and context. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "glossary.h"

static const char *str_member(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

juru_status juru__glossary_read_json(juru_glossary *g, const char *data,
                                     size_t len, const char *name,
                                     juru_error *err) {
  json_error_t je;
  json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
  if (!root)
    return juru__fail(err, JURU_ESYNTAX, name, (size_t)(je.line > 0 ? je.line : 0),
                      (size_t)(je.column > 0 ? je.column : 0),
                      je.position >= 0 ? (size_t)je.position : JURU__NONE,
                      "%s", je.text);
  json_t *list = json_is_object(root) ? json_object_get(root, "terms") : root;
  juru_status st = JURU_OK;
  if (!json_is_array(list)) {
    st = juru__fail(err, JURU_ESYNTAX, name, 1, 1, 0,
                    "expected an array of terms (or {\"terms\": [...]})");
  }
  for (size_t i = 0; st == JURU_OK && i < json_array_size(list); i++) {
    json_t *o = json_array_get(list, i);
    const char *src = json_is_object(o) ? str_member(o, "source") : NULL;
    const char *tgt = json_is_object(o) ? str_member(o, "target") : NULL;
    if (!src || !tgt || !*src || !*tgt) {
      st = juru__fail(err, JURU_ESYNTAX, name, 0, 0, JURU__NONE,
                      "term %zu: needs non-empty \"source\" and \"target\" "
                      "strings", i + 1);
      break;
    }
    juru_term t;
    memset(&t, 0, sizeof t);
    t.source = src;
    t.target = tgt;
    t.note = str_member(o, "note");
    t.context = str_member(o, "context");
    t.from = name;
    const char *c = str_member(o, "category");
    if (c) t.category = juru__category_named(c, strlen(c));
    const char *orig = str_member(o, "origin");
    if (orig) t.origin = juru__origin_named(orig, strlen(orig));
    json_t *fr = json_object_get(o, "frequency");
    if (json_is_integer(fr) && json_integer_value(fr) > 0)
      t.frequency = (size_t)json_integer_value(fr);
    st = juru_glossary_add(g, &t);
    if (st == JURU_EINVAL)
      st = juru__fail(err, JURU_ESYNTAX, name, 0, 0, JURU__NONE,
                      "term %zu: source too long or blank", i + 1);
  }
  json_decref(root);
  return st;
}

juru_status juru__glossary_write_json(const juru_glossary *g, int full,
                                      juru__out *o, juru_error *err) {
  json_t *list = json_array();
  int failed = !list;
  for (size_t i = 0; !failed && i < g->count; i++) {
    const juru_term *t = &g->terms[i];
    json_t *e = json_pack("{s:s, s:s}", "source", t->source, "target", t->target);
    failed = !e;
    if (!failed && t->note[0])
      failed = json_object_set_new(e, "note", json_string(t->note)) != 0;
    if (!failed && full) {
      failed = json_object_set_new(e, "category", json_string(juru_term_category_name(t->category))) ||
               json_object_set_new(e, "frequency", json_integer((json_int_t)t->frequency)) ||
               json_object_set_new(e, "origin", json_string(juru_term_origin_name(t->origin))) ||
               json_object_set_new(e, "context", json_string(t->context));
    }
    if (e && json_array_append_new(list, e) != 0) failed = 1;
  }
  char *text = failed ? NULL : json_dumps(list, JSON_INDENT(2));
  json_decref(list);
  if (!text) return juru__fail(err, JURU_ENOMEM, NULL, 0, 0, JURU__NONE, NULL);
  juru_status st = juru__out_str(o, text);
  if (st == JURU_OK) st = juru__out_str(o, "\n");
  free(text);
  return st;
}
