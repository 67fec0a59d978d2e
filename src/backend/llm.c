/* Chat servers: OpenAI-compatible (POST /chat/completions: llama.cpp,
 * vLLM, Ollama's /v1) and Ollama's own API (POST /api/chat, stream:false).
 * The sentences go as a JSON array; the instructions ask for a JSON object
 * {"translations": [...]} and list only the glossary entries that occur in
 * this batch. */
#include <string.h>

#include "backend.h"

static const char prompt[] =
    "You are a professional translator of Indonesian news into English. "
    "The user sends a JSON array of Indonesian sentences. Reply with only a "
    "JSON object {\"translations\": [...]} holding exactly one English "
    "string per input sentence, in the same order. Do not add notes.";

static json_t *messages(const char *const *texts, size_t n,
                        const char *instructions) {
  json_t *arr = juru__json_texts(texts, n);
  char *user = arr ? json_dumps(arr, JSON_COMPACT) : NULL;
  json_decref(arr);
  if (!user) return NULL;
  size_t sl = sizeof prompt + strlen(instructions) + 2;
  char *system = juru__malloc(sl);
  json_t *m = NULL;
  if (system) {
    snprintf(system, sl, "%s%s%s", prompt, *instructions ? "\n" : "", instructions);
    m = json_pack("[{s:s, s:s}, {s:s, s:s}]", "role", "system", "content", system,
                  "role", "user", "content", user);
  }
  juru__free(system);
  free(user);
  return m;
}

static juru_status openai_request(const juru_backend_options *o, const char *base,
                                  const char *const *texts, size_t n,
                                  const char *instructions,
                                  const char *glossary_id,
                                  juru__http_request *req) {
  (void)glossary_id;
  json_t *b = json_pack("{s:s, s:o, s:f, s:{s:s}}", "model", o->model ? o->model : "",
                        "messages", messages(texts, n, instructions),
                        "temperature", 0.0, "response_format", "type", "json_object");
  if (!b) return JURU_ENOMEM;
  return juru__request_json(req, base, "/chat/completions", b,
                            "Authorization: Bearer ", o->key);
}

static juru_status ollama_request(const juru_backend_options *o, const char *base,
                                  const char *const *texts, size_t n,
                                  const char *instructions,
                                  const char *glossary_id,
                                  juru__http_request *req) {
  (void)glossary_id;
  json_t *b = json_pack("{s:s, s:o, s:b, s:s, s:{s:f}}", "model",
                        o->model ? o->model : "", "messages",
                        messages(texts, n, instructions), "stream", 0, "format",
                        "json", "options", "temperature", 0.0);
  if (!b) return JURU_ENOMEM;
  return juru__request_json(req, base, "/api/chat", b, NULL, NULL);
}

/* The model's content: a JSON object (perhaps inside ``` fences) with a
 * "translations" array, or a bare array. */
static juru_status take_content(const char *content, size_t n, char **out,
                                char *why, size_t why_size) {
  if (!content) {
    snprintf(why, why_size, "the reply has no message content");
    return JURU_EBACKEND;
  }
  const char *a = strpbrk(content, "{["), *z = NULL;
  for (const char *p = content; *p; p++)
    if (*p == '}' || *p == ']') z = p;
  if (!a || !z || z < a) {
    snprintf(why, why_size, "the model did not answer with JSON");
    return JURU_EBACKEND;
  }
  json_t *j = juru__json_parse(a, (size_t)(z - a + 1), why, why_size);
  if (!j) return JURU_EBACKEND;
  json_t *arr = json_is_array(j) ? j : json_object_get(j, "translations");
  juru_status st = juru__json_take(arr, NULL, n, out, why, why_size);
  json_decref(j);
  return st;
}

/* The reply's message: choices[0].message (OpenAI) or message (Ollama). */
static juru_status chat_parse(const char *body, size_t len, size_t n, char **out,
                              char *why, size_t why_size, int choices) {
  json_t *j = juru__json_parse(body, len, why, why_size);
  if (!j) return JURU_EBACKEND;
  json_t *msg = choices ? json_object_get(json_array_get(json_object_get(j, "choices"), 0),
                                          "message")
                        : json_object_get(j, "message");
  juru_status st = take_content(json_string_value(json_object_get(msg, "content")),
                                n, out, why, why_size);
  json_decref(j);
  return st;
}

static juru_status openai_parse(const char *body, size_t len, size_t n,
                                char **out, char *why, size_t why_size) {
  return chat_parse(body, len, n, out, why, why_size, 1);
}

static juru_status ollama_parse(const char *body, size_t len, size_t n,
                                char **out, char *why, size_t why_size) {
  return chat_parse(body, len, n, out, why, why_size, 0);
}

const juru__backend juru__openai = {
    "openai", "http://localhost:8080/v1", 0, 1, 0, 20, 16 << 10,
    openai_request, openai_parse, NULL, NULL};

const juru__backend juru__ollama = {
    "ollama", "http://localhost:11434", 0, 1, 0, 20, 16 << 10,
    ollama_request, ollama_parse, NULL, NULL};
