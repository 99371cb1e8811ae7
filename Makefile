# fazhi — one binary, built with a plain Makefile.
#
#   make          build build/fazhi (installs missing Debian -dev packages first)
#   make demo     build, create demo.db with a year of data, serve it on 127.0.0.1:8080
#   make test     build and run every test tier (unit, HTTP, seed fixture, browser, sanitizers)
#   make unit     unit tests only
#   make san      the unit and HTTP tests again under ASan + UBSan (build-san/)
#   make bench    the benchmarks in bench/ (not part of make test)
#   make install  the binary to $(PREFIX)/bin (/usr/local/bin), the systemd units,
#                 /var/lib/fazhi (0700) and, without DESTDIR, a `fazhi` system user
#
# CC=clang works too; the flags are the same and warnings are errors.

CC      ?= cc
B       ?= build
SAN     ?=
OPT     ?= -O2 -g
PKGS    := libmicrohttpd libsodium xlsxwriter libzip libxml-2.0 sqlite3 libpq libcjson libcrypto libqrencode
# The libraries' flags are asked of pkg-config when first used, not when
# this file is read: on a fresh machine the deps target installs the -dev
# packages first (a flag read earlier would be empty and the build would
# fail on a missing header). Each is asked once per make run.
pkg      = $(or $(shell pkg-config $1 $(PKGS)),$(error 缺少开发库：pkg-config $1 失败，请先运行 sh tools/deps.sh build))
PKG_CFLAGS = $(eval PKG_CFLAGS := $(call pkg,--cflags))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $(call pkg,--libs))$(PKG_LIBS)
CFLAGS  = -std=c11 -D_GNU_SOURCE $(OPT) -Wall -Wextra -Werror -Wformat=2 -Wshadow \
          -Wstrict-prototypes -Wvla -Wno-missing-field-initializers -Isrc $(PKG_CFLAGS)
LDLIBS  = $(PKG_LIBS) -lpthread -lm
ifeq ($(SAN),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif

SRC     := $(sort $(wildcard src/*.c src/*/*.c))
# The example definitions (examples/kinds/*.json) the demo loads, embedded
# by tools/mkexamples into one generated source file.
EXAMPLES := $(sort $(wildcard examples/kinds/*.json))
OBJ     := $(SRC:%.c=$(B)/%.o) $(B)/gen/examples.o
LIBOBJ  := $(filter-out $(B)/src/main.o,$(OBJ))
TSRC    := $(sort $(wildcard tests/unit/t_*.c))
TBIN    := $(TSRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all deps demo test unit san bench clean http seedtest browser codecheck install
all: deps $(B)/fazhi

# Installs what is missing on a Debian 12 machine (apt-get); a no-op when present.
deps:
	@sh tools/deps.sh build

$(B)/fazhi: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

# deps is order-only: it runs once, before the first compile, even under -j.
$(B)/%.o: %.c $(wildcard src/*/*.h src/*.h) | deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(B)/mkexamples: tools/mkexamples.c | deps
	@mkdir -p $(B)
	$(CC) $(CFLAGS) -o $@ $<

$(B)/gen/examples.c: $(B)/mkexamples $(EXAMPLES)
	@mkdir -p $(dir $@)
	$(B)/mkexamples $@ $(EXAMPLES)

$(B)/gen/examples.o: $(B)/gen/examples.c $(wildcard src/*/*.h src/*.h)
	$(CC) $(CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(LIBOBJ) tests/unit/t.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIBOBJ) $(LDLIBS)

$(B)/codecheck: tools/codecheck.c | deps
	@mkdir -p $(B)
	$(CC) $(CFLAGS) -o $@ $<

codecheck: $(B)/codecheck
	$(B)/codecheck --selftest
	$(B)/codecheck src

unit: all $(TBIN)
	@sh tools/run-unit.sh $(TBIN)

http: all
	@sh tests/http/run.sh $(B)/fazhi

seedtest: all
	@sh tests/seed/run.sh $(B)/fazhi

browser: all
	@sh tools/deps.sh browser
	@sh tests/browser/run.sh $(B)/fazhi

san:
	@$(MAKE) --no-print-directory B=build-san SAN=1 OPT="-O1 -g" unit http

test: all codecheck
	@sh tools/test-all.sh

demo: all
	$(B)/fazhi demo --db demo.db --listen 127.0.0.1:8080

bench: all
	@sh bench/run.sh $(B)/fazhi

# make install [PREFIX=/usr/local] [DESTDIR=staging] [UNITDIR=/etc/systemd/system]
# [STATEDIR=/var/lib/fazhi]. With DESTDIR (packaging, tests) nothing outside
# it is touched: no user is created, no owner set, systemd not reloaded.
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
UNITDIR  ?= /etc/systemd/system
STATEDIR ?= /var/lib/fazhi
UNITS    := fazhi.service fazhi-backup.service fazhi-backup.timer
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(UNITDIR)
	install -m 0755 $(B)/fazhi $(DESTDIR)$(BINDIR)/fazhi
	for u in $(UNITS); do \
	  sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@STATEDIR@|$(STATEDIR)|g' dist/$$u > $(DESTDIR)$(UNITDIR)/$$u && \
	  chmod 0644 $(DESTDIR)$(UNITDIR)/$$u || exit 1; \
	done
	install -d -m 0700 $(DESTDIR)$(STATEDIR) $(DESTDIR)$(STATEDIR)/backup
	@if [ -z "$(DESTDIR)" ]; then \
	  id -u fazhi >/dev/null 2>&1 || useradd --system --user-group --home-dir $(STATEDIR) \
	    --no-create-home --shell /usr/sbin/nologin --comment "fazhi service" fazhi || exit 1; \
	  chown fazhi:fazhi $(STATEDIR) $(STATEDIR)/backup && chmod 0700 $(STATEDIR) $(STATEDIR)/backup || exit 1; \
	  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then systemctl daemon-reload; fi; \
	  echo "已安装。建库：sudo -u fazhi $(BINDIR)/fazhi init --db $(STATEDIR)/fazhi.db --county 县名"; \
	  echo "启动：systemctl enable --now fazhi fazhi-backup.timer"; \
	fi

clean:
	rm -rf build build-san build-clang
