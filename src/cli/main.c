/* juru: the command-line program.  Dispatches to one cmd_* per subcommand;
 * only this program prints, reads the environment or exits. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "Usage: juru COMMAND [OPTIONS] [FILE...]\n"
    "Juru turns Indonesian news text into English and keeps its terminology\n"
    "straight.  Everything works offline.\n"
    "\n"
    "Commands:\n"
    "  translate  English for an Indonesian article, offline (text, bilingual,\n"
    "             tsv, jsonl, md, tmx, xliff)\n"
    "  backends   translation servers: list, configuration in effect, check\n"
    "  tm         the translation memory: export or import TMX\n"
    "  segment    split text into sentences (one per line, or JSON lines)\n"
    "  tokenize   split text into sentences and tokens, with byte offsets\n"
    "  lookup     English for an Indonesian word or term (any inflected form)\n"
    "  glossary   key terms of articles with their English (tsv, tbx, json...)\n"
    "  analyze    lemma and affixes of Indonesian words, one per line\n"
    "  compile    compile the dictionaries for fast loading (the build does)\n"
    "\n"
    "Options:\n"
    "  -h, --help       show this help ('juru COMMAND --help' for a command)\n"
    "  -V, --version    show the version\n"
    "\n"
    "Input files are UTF-8 ('-' is standard input).  The dictionaries are\n"
    "found through --data-dir, $JURU_DATA_DIR, or where Juru was installed.\n"
    "\n"
    "Exit status: 0 ok, 1 lookup found not every term, 64 bad command line,\n"
    "65 input is not valid text, 66 input cannot be opened, 69 a translation\n"
    "server failed or refused, 70 internal error, 73/74 output cannot be\n"
    "written, 78 dictionaries or configuration missing or malformed.\n";

typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"translate", cmd_translate},
    {"backends", cmd_backends},
    {"tm", cmd_tm},
    {"train", cmd_train},
    {"segment", cmd_segment},
    {"tokenize", cmd_tokenize},
    {"analyze", cmd_analyze},
    {"lookup", cmd_lookup},
    {"glossary", cmd_glossary},
    {"compile", cmd_compile},
};

int main(int argc, char **argv) {
  /* a closed pipe ends the program with EPIPE errors, not a signal */
  signal(SIGPIPE, SIG_IGN);
  if (argc < 2) {
    fputs(usage, stderr);
    return EXIT_USAGE;
  }
  const char *name = argv[1];
  if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 ||
      strcmp(name, "help") == 0) {
    fputs(usage, stdout);
    return cli_stdout_check();
  }
  if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
    printf("juru %s\n", juru_version());
    return cli_stdout_check();
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (strcmp(name, commands[i].name) == 0) {
      int rc = commands[i].run(argc - 1, argv + 1);
      int out = cli_stdout_check();
      return rc ? rc : out;
    }
  cli_warn("unknown command '%s' (see 'juru --help')", name);
  return EXIT_USAGE;
}
