#!/usr/bin/env python3
"""A translation server for Juru's tests, on 127.0.0.1 and a random port.

It speaks the five protocols as their documentation describes them:
  LibreTranslate  POST /translate              {"q": [...]} -> {"translatedText": [...]}
  DeepL           POST /v2/translate           {"text": [...]} -> {"translations": [{"text"}]}
                  (Authorization: DeepL-Auth-Key KEY)
  Google v2       POST /language/translate/v2  {"q": [...]} -> {"data": {"translations": [...]}}
                  (X-Goog-Api-Key: KEY)
  OpenAI          POST /v1/chat/completions    -> choices[0].message.content
  Ollama          POST /api/chat               -> message.content
and "translates" word by word with a small dictionary, keeping
<span translate="no">...</span> as it is (or not, with --drop-markup).

Faults on demand: --delay-ms, --fail-rate (a mix of 429 with Retry-After,
500 and dropped connections), --status (always that status), --max-items
(413 above it), --wrong-count, --malformed, --empty, --die-after N (exit
after N requests, as a killed server).  --key K: requests without that key
get 401.  --log FILE: one line per sentence in every successful reply.
The port is written to --port-file.
"""
import argparse
import json
import os
import random
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = {
    "kami": "we", "datang": "came", "rumah": "house", "itu": "the", "ini": "this",
    "pemerintah": "government", "mengatakan": "said", "dan": "and", "di": "in",
    "dengan": "with", "yang": "which", "selamat": "good", "pagi": "morning",
    "kalimat": "sentence", "nomor": "number", "serangan": "attack",
}
SPAN = re.compile(r'(<span translate="no">.*?</span>)')

args = None
glossaries = {}   # DeepL glossary id -> {source: target}
lock = threading.Lock()
count = {"n": 0}
rng = random.Random(7)


def translate(text, markup):
    if markup:
        parts = SPAN.split(text)
        out = []
        for p in parts:
            if SPAN.fullmatch(p):
                if args.drop_markup:
                    inner = re.sub(r"<[^>]+>", "", p)
                    out.append(" ".join(w.lower() for w in inner.split()))
                else:
                    out.append(p)
            else:
                out.append(words(p))
        return "".join(out)
    return words(text)


def words(text):
    def one(m):
        w = m.group(0)
        t = WORDS.get(w.lower())
        if t is None:
            return w
        return t.capitalize() if w[:1].isupper() else t
    return re.sub(r"[A-Za-z]+", one, text)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, status, obj=None, raw=None, headers=None):
        body = raw if raw is not None else json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        data = self.rfile.read(n)
        with lock:
            count["n"] += 1
            k = count["n"]
            r = rng.random()
        if args.die_after and k > args.die_after:
            os._exit(0)
        if args.delay_ms:
            time.sleep(args.delay_ms / 1000)
        if args.key and not self.has_key():
            return self.reply(401, {"error": "invalid key"})
        if k <= args.fail_first:
            return self.reply(429, {"error": "slow down"},
                              headers={"Retry-After": str(args.retry_after)})
        if args.status:
            return self.reply(args.status, {"error": "status %d as asked" % args.status},
                              headers={"Retry-After": "0"})
        if r < args.fail_rate:
            kind = k % 3
            if kind == 0:
                return self.reply(429, {"error": "slow down"}, headers={"Retry-After": "0"})
            if kind == 1:
                return self.reply(500, {"error": "oops"})
            self.close_connection = True
            self.connection.shutdown(2)
            return
        try:
            req = json.loads(data)
        except ValueError:
            return self.reply(400, {"error": "bad json"})
        path = self.path
        if path == "/v2/glossaries":
            if args.no_glossaries:
                return self.reply(400, {"message": "Unsupported glossary language pair"})
            entries = dict(l.split("\t", 1) for l in req["entries"].splitlines() if "\t" in l)
            with lock:
                gid = "g%d" % (len(glossaries) + 1)
                glossaries[gid] = entries
            if args.log:
                with lock, open(args.log + ".glossaries", "a") as f:
                    f.write(gid + "\n")
            return self.reply(201, {"glossary_id": gid, "name": req["name"], "ready": True,
                                    "entry_count": len(entries)})
        if path.endswith("/translate") and "q" in req and not path.startswith("/v2"):
            texts, shape = req["q"], "libre"
        elif path == "/v2/translate":
            texts, shape = req["text"], "deepl"
        elif path == "/language/translate/v2":
            texts, shape = req["q"], "google"
        elif path.endswith("/chat/completions") or path == "/api/chat":
            texts = json.loads(req["messages"][1]["content"])
            shape = "openai" if path.endswith("/chat/completions") else "ollama"
            if not req.get("model"):
                return self.reply(400, {"error": "model missing"})
        else:
            return self.reply(404, {"error": "no such endpoint " + path})
        if args.max_items and len(texts) > args.max_items:
            return self.reply(413, {"error": "too many texts"})
        markup = shape in ("libre", "deepl", "google")
        gl = glossaries.get(req.get("glossary_id", ""), {}) if shape == "deepl" else {}
        if shape == "deepl" and args.drop_markup and gl:
            # a glossary makes markup unnecessary: apply it the way DeepL does
            texts_g = []
            for t in texts:
                t = re.sub(r"<[^>]+>", "", t)
                for src, tgt in gl.items():
                    t = re.sub(re.escape(src), tgt, t, flags=re.I)
                texts_g.append(t)
            out = [translate(t, False) for t in texts_g]
        else:
            out = [translate(t, markup) for t in texts]
        if args.wrong_count:
            out = out[:-1] if len(out) > 1 else out + out
        if args.empty:
            out = [""] * len(out)
        if args.malformed:
            return self.reply(200, raw=b'{"translatedText": ["unterminated')
        if args.log:
            with lock, open(args.log, "a", encoding="utf-8") as f:
                for t in texts:
                    f.write(t + "\n")
        if shape == "libre":
            return self.reply(200, {"translatedText": out})
        if shape == "deepl":
            return self.reply(200, {"translations": [{"detected_source_language": "ID", "text": t} for t in out]})
        if shape == "google":
            return self.reply(200, {"data": {"translations": [{"translatedText": t} for t in out]}})
        content = json.dumps({"translations": out})
        if shape == "openai":
            return self.reply(200, {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]})
        return self.reply(200, {"model": req["model"], "message": {"role": "assistant", "content": content}, "done": True})

    def has_key(self):
        h = self.headers
        return (h.get("Authorization") in ("DeepL-Auth-Key " + args.key, "Bearer " + args.key)
                or h.get("X-Goog-Api-Key") == args.key)


def main():
    global args
    p = argparse.ArgumentParser()
    p.add_argument("--port-file", required=True)
    p.add_argument("--delay-ms", type=int, default=0)
    p.add_argument("--fail-rate", type=float, default=0)
    p.add_argument("--status", type=int, default=0)
    p.add_argument("--max-items", type=int, default=0)
    p.add_argument("--wrong-count", action="store_true")
    p.add_argument("--malformed", action="store_true")
    p.add_argument("--empty", action="store_true")
    p.add_argument("--drop-markup", action="store_true")
    p.add_argument("--die-after", type=int, default=0)
    p.add_argument("--key", default="")
    p.add_argument("--no-glossaries", action="store_true")
    p.add_argument("--fail-first", type=int, default=0)
    p.add_argument("--retry-after", type=int, default=1)
    p.add_argument("--log", default="")
    args = p.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(tmp, args.port_file)
    srv.serve_forever()


if __name__ == "__main__":
    main()
