/* The juru command-line program: shared pieces of the subcommands.  The CLI
 * uses only the public API in include/. */
#ifndef JURU_CLI_H
#define JURU_CLI_H

#include <stdio.h>

#include "juru.h"

/* Exit statuses, as in sysexits.h. */
enum {
  EXIT_USAGE = 64,    /* bad command line */
  EXIT_DATAERR = 65,  /* input is not valid text */
  EXIT_NOINPUT = 66,  /* an input file cannot be opened */
  EXIT_UNAVAILABLE = 69, /* a translation server failed or refused */
  EXIT_SOFTWARE = 70, /* out of memory, internal error */
  EXIT_CANTCREAT = 73,/* the output file cannot be written */
  EXIT_IOERR = 74,    /* reading or writing failed midway */
  EXIT_CONFIG = 78    /* dictionaries missing or malformed */
};

extern const char *cli_progname;

/* Print "juru: message" to stderr. */
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Print a library error with its place: "juru: FILE:LINE:COL: text". */
void cli_report(const char *source, const juru_error *err);

/* The exit status for a library status. */
int cli_exit_status(juru_status st);

/* Stream a file (or "-" for standard input) in chunks.  Returns 0, or an
 * exit status after printing why. */
typedef juru_status (*cli_chunk_fn)(const char *data, size_t len, void *ud,
                                    juru_error *err);
int cli_stream_file(const char *path, cli_chunk_fn fn, void *ud,
                    juru_error *err, juru_status *st);

/* Stream a file (or "-") through a new segmenter, handing each sentence to
 * `fn`.  Returns 0 or an exit status after printing why (a callback that
 * returns non-zero means its output failed: EXIT_IOERR). */
int cli_segment_file(const char *path, const juru_abbrevs *ab,
                     const juru_segment_options *opt, juru_sentence_fn fn,
                     void *ud);

/* Output that appears complete or not at all: with a path, data goes to a
 * temporary file beside it that is renamed over the path on success; without
 * one, to standard output. */
typedef struct cli_output {
  FILE *fp;
  char *path;
  char *tmp;
} cli_output;
int cli_output_open(cli_output *out, const char *path);
/* Commit (ok != 0) or discard.  Returns 0 or an exit status. */
int cli_output_close(cli_output *out, int ok);

/* Flush standard output.  Returns 0, or EXIT_IOERR after saying why (once
 * per run; a reader that went away, EPIPE, is not reported).  main() calls
 * it after every command, so no command's lost output goes unnoticed. */
int cli_stdout_check(void);

/* Write `s` as a JSON string literal. */
void cli_json_string(FILE *fp, const char *s, size_t len);

/* Locate a file of the dictionaries: --data-dir, $JURU_DATA_DIR, then the
 * installed and source-tree locations.  Returns a malloc'd path or NULL. */
char *cli_data_path(const char *data_dir, const char *relative);

/* Load the abbreviation list (explicit file, or the dictionaries'). */
int cli_load_abbrevs(const char *file, const char *data_dir,
                     juru_abbrevs **out);

/* Long-option helpers: match "--name" or "--name=value". */
int cli_opt(const char *arg, const char *name);
const char *cli_opt_value(int argc, char **argv, int *i, const char *name);

/* Load the morphology (affix rules, exceptions, Hunspell dictionary). */
int cli_load_morph(const char *data_dir, const char *lemmas_file,
                   juru_morph **out);
/* Load the lexicon (compiled when fresh, else from its TSV sources). */
int cli_load_lexicon(const char *data_dir, juru_lexicon **out);
/* The translation model: `path`, or the default one the build trained
 * (share/juru/compiled/default.model beside the program), or none (*out
 * NULL, status 0) when there is no default. */
int cli_load_model(const char *path, juru_model **out);
/* JURU_N_WEIGHTS comma-separated numbers into w; 0 when malformed. */
int cli_parse_weights(const char *s, float *w);
/* "meN- + seru + -kan" */
void cli_format_affixes(const juru_analysis *a, char *out, size_t size);
/* "meN-: active voice; -kan: causative ..." for the affixes of `a` */
void cli_print_meanings(FILE *fp, const juru_morph *m, const juru_analysis *a);

int cmd_segment(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_lookup(int argc, char **argv);
int cmd_compile(int argc, char **argv);
int cmd_glossary(int argc, char **argv);
int cmd_tokenize(int argc, char **argv);
int cmd_translate(int argc, char **argv);
int cmd_backends(int argc, char **argv);
int cmd_tm(int argc, char **argv);
int cmd_train(int argc, char **argv);

/* Backend settings and where each came from (flag, variable, config file).
 * Fill the flags' fields (with *_from = "flag"), then resolve. */
typedef struct cli_backend_config {
  char *backend, *url, *model, *jobs, *timeout, *key;
  const char *backend_from, *url_from, *model_from, *jobs_from,
      *timeout_from, *key_from;
} cli_backend_config;
char *cli_config_path(void);
/* A backend flag (-b/--backend, --url, -m/--model, -j/--jobs, --timeout)
 * at argv[*i]: stored with from = "flag" and 1 returned (*rc is 0 or an
 * exit status); 0 when argv[*i] is not one. */
int cli_backend_flag(int argc, char **argv, int *i, cli_backend_config *c,
                     int *rc);
int cli_config_resolve(cli_backend_config *c);
/* If c->backend names no backend, say so for `command`, naming where the
 * name came from, and return the exit status: EXIT_USAGE for --backend,
 * EXIT_CONFIG for the environment or the config file.  Else 0. */
int cli_config_check_backend(const cli_backend_config *c, const char *command);
void cli_config_describe(FILE *fp, const cli_backend_config *c);
void cli_config_free(cli_backend_config *c);
/* The translation memory's path ($XDG_CACHE_HOME/juru/tm.sqlite), its
 * directory created. */
char *cli_tm_path(void);

#endif
