#!/bin/sh
# juru under valgrind, for running the CLI suites: any memory error or leak
# turns into exit status 99, which no suite case expects.
exec valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --error-exitcode=99 "$JURU_UNDER_VALGRIND" "$@"
