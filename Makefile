# costledger: a loadable SQLite extension (costledger.so) and a ledger CLI (costledger).
#
#   make            build costledger.so and costledger (installs missing packages first)
#   make test       the quick loop (under a minute): unit, SQL and CLI tests,
#                   two at a time, plain build only, no valgrind, no fuzzing,
#                   some with less work (FAST=1); TIMES=FILE: each test's times
#   make check      the full gate (CI): every test, plain and under ASan+UBSan,
#                   valgrind and a short fuzz pass
#   make demo       the main job on the shipped samples
#   make bench      the benchmarks in bench/ (slow; prints ratios to their peers)
#   make install    PREFIX=/usr/local DESTDIR= (the programs, docs and man page)
#   make man        docs/costledger.1 again from the commands' -h text
#
# OUT is where the binaries go, OBJ where objects go; `make check` runs a second,
# sanitized build with OUT=OBJ=build-san SAN=1.

CC      ?= cc
OUT     ?= .
OBJ     ?= build
PREFIX  ?= /usr/local
DESTDIR ?=
SAN     ?=

CFLAGS  ?= -O2 -g
STD      = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN     = -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
INCLUDES = -Iextension -Iimport -Iledger
ifeq ($(SAN),1)
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
CFLAGS   = -O1 -g
endif
ALL_CFLAGS = $(STD) $(WARN) $(INCLUDES) $(CFLAGS) $(SANFLAGS)
LIBS     = -lsqlite3 -lcsv -lz -lm -pthread

# extension/: pure logic (no SQLite) and the SQL glue (sql_*.c, costledger.c).
EXT_GLUE = extension/costledger.c $(wildcard extension/sql_*.c)
EXT_PURE = $(filter-out $(EXT_GLUE),$(wildcard extension/*.c))
IMPORT   = $(wildcard import/*.c)
LEDGER   = $(filter-out ledger/main.c,$(wildcard ledger/*.c))
HEADERS  = $(wildcard extension/*.h import/*.h ledger/*.h)

# The extension is built twice: position-independent for the .so, and with
# SQLITE_CORE for the CLI, which registers it through sqlite3_auto_extension.
SO_OBJS   = $(patsubst %.c,$(OBJ)/so/%.o,$(EXT_PURE) $(EXT_GLUE))
CORE_OBJS = $(patsubst %.c,$(OBJ)/core/%.o,$(EXT_PURE) $(EXT_GLUE) $(IMPORT) $(LEDGER)) \
            $(OBJ)/core/ledger/schema_sql.o
LIB       = $(OBJ)/libcostledger.a

UNIT_SRC   = $(wildcard tests/unit/check_*.c)
UNIT_BINS  = $(patsubst tests/unit/%.c,$(OBJ)/tests/%,$(UNIT_SRC))

DEPS_STAMP = $(OBJ)/.deps-ok

.PHONY: all deps test check test-all demo bench install man clean fuzz
all: $(OUT)/costledger.so $(OUT)/costledger

# --- dependencies --------------------------------------------------------
DEB_PACKAGES = build-essential libsqlite3-dev sqlite3 libcsv-dev zlib1g-dev check python3 clang valgrind chromium
deps:
	@missing=""; \
	for h in sqlite3.h csv.h zlib.h check.h; do \
	  [ -f /usr/include/$$h ] || missing="$$missing $$h"; done; \
	command -v sqlite3 >/dev/null || missing="$$missing sqlite3"; \
	command -v cc >/dev/null || missing="$$missing cc"; \
	command -v clang >/dev/null || missing="$$missing clang"; \
	command -v valgrind >/dev/null || missing="$$missing valgrind"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	[ -x /usr/bin/python3 ] || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
	  echo "costledger: missing:$$missing"; \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PACKAGES) >/dev/null || exit 1; \
	  else \
	    echo "costledger: run as root: apt-get update && apt-get install -y $(DEB_PACKAGES)"; exit 1; \
	  fi; \
	fi

$(DEPS_STAMP):
	@$(MAKE) --no-print-directory deps
	@mkdir -p $(@D) && touch $@

# --- build ---------------------------------------------------------------
$(OBJ)/so/%.o: %.c $(HEADERS) $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -c $< -o $@

$(OBJ)/core/%.o: %.c $(HEADERS) $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DSQLITE_CORE -c $< -o $@

# sql/schema.sql becomes a C string, so the CLI carries its own schema.
$(OBJ)/core/ledger/schema_sql.c: sql/schema.sql sql/views.sql
	@mkdir -p $(@D)
	{ echo '/* generated from sql/schema.sql and sql/views.sql by the Makefile */'; \
	  echo 'const char ledger_schema_sql[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' sql/schema.sql; echo ';'; \
	  echo 'const char ledger_views_sql[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' sql/views.sql; echo ';'; } > $@

$(OBJ)/core/ledger/schema_sql.o: $(OBJ)/core/ledger/schema_sql.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(OUT)/costledger.so: $(SO_OBJS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -shared -o $@ $(SO_OBJS) -lm

$(LIB): $(CORE_OBJS)
	@rm -f $@
	ar rcs $@ $(CORE_OBJS)

$(OUT)/costledger: $(OBJ)/core/ledger/main.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LIBS)

# --- tests ---------------------------------------------------------------
$(OBJ)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -DSQLITE_CORE -o $@ $< $(LIB) -lcheck -lsubunit -lrt -lpthread $(LIBS)

test: $(UNIT_BINS) $(OUT)/costledger.so $(OUT)/costledger
	@OUT=$(OUT) OBJ=$(OBJ) FAST=1 JOBS=2 TIMES="$(TIMES)" DEB_PACKAGES="$(DEB_PACKAGES)" sh tests/run.sh $(UNIT_BINS)

check: all
	@$(MAKE) --no-print-directory test-all
	@$(MAKE) --no-print-directory OUT=build-san OBJ=build-san SAN=1 all
	@$(MAKE) --no-print-directory OUT=build-san OBJ=build-san SAN=1 test-all
	@read p1 f1 s1 < build/.test-result; read p2 f2 s2 < build-san/.test-result; \
	  echo "plain and sanitized together:"; \
	  echo "total: $$((p1 + p2)) passed, $$((f1 + f2)) failed, $$((s1 + s2)) skipped"; \
	  [ $$((f1 + f2)) = 0 ]

# One pass of tests/run.sh (plain, or sanitized with SAN=1); `make check` runs both.
test-all: $(UNIT_BINS) $(OUT)/costledger.so $(OUT)/costledger
	@OUT=$(OUT) OBJ=$(OBJ) SAN=$(SAN) TIMES="$(TIMES)" DEB_PACKAGES="$(DEB_PACKAGES)" RESULT=$(OBJ)/.test-result \
	  sh tests/run.sh $(UNIT_BINS)

# --- the main job --------------------------------------------------------
demo: all
	@sh samples/demo.sh

bench: all
	@sh bench/run.sh

fuzz:
	@$(MAKE) --no-print-directory -f tests/fuzz/Makefile

install: all
	install -d $(DESTDIR)$(PREFIX)/lib/costledger $(DESTDIR)$(PREFIX)/bin \
	  $(DESTDIR)$(PREFIX)/share/doc/costledger $(DESTDIR)$(PREFIX)/share/costledger/sql
	install -m 755 $(OUT)/costledger.so $(DESTDIR)$(PREFIX)/lib/costledger/costledger.so
	install -m 755 $(OUT)/costledger $(DESTDIR)$(PREFIX)/bin/costledger
	install -m 644 README.md docs/*.md $(DESTDIR)$(PREFIX)/share/doc/costledger/
	install -m 644 sql/*.sql $(DESTDIR)$(PREFIX)/share/costledger/sql/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/costledger.1 $(DESTDIR)$(PREFIX)/share/man/man1/costledger.1

# The manual page is the commands' -h text (docs/man.sh); run after changing one.
man: $(OUT)/costledger
	sh docs/man.sh $(OUT)/costledger > docs/costledger.1

clean:
	rm -rf build build-san build-fuzz costledger costledger.so
