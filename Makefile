# Parley. `make run` installs what is missing, builds, makes a demo database
# and serves; `make test` runs every test with ASan and UBSan.
CC      ?= cc
# out/pdf.c draws with cairo and reads its fonts (DejaVu) with FreeType
# itself: cairo's own lookup goes through fontconfig, whose set-up leaks
# under LeakSanitizer. out/ical.c builds and writes iCalendar with libical;
# out/smtp.c hands mail to a relay with libcurl; out/oidc.c signs people in
# through an OpenID provider with libcurl, jansson and cjose (ID tokens).
# out/csv.c reads CSV (a roster) with libcsv, which ships no pkg-config
# file: PKGS names it, and its flags are given by hand (Debian's
# libcsv-dev: /usr/include/csv.h).
PKGS    := libmicrohttpd sqlite3 libpq libsodium jansson libcmark cairo freetype2 libical libcurl cjose libcsv
PC_PKGS := $(filter-out libcsv,$(PKGS))
PKG_CFLAGS := $(shell pkg-config --cflags $(PC_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PC_PKGS) 2>/dev/null) -lcsv
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
CFLAGS_COMMON := -std=c11 -D_GNU_SOURCE -Isrc -Ibuild/gen $(WARN) $(PKG_CFLAGS)
REL_CFLAGS := $(CFLAGS_COMMON) -O2 -g
SAN_FLAGS  := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# The test build may move the program's calendar (base/clock.h: a case's
# months in a test's seconds), and tells each request's count of database
# statements (X-Parley-Statements, issue 19); the release build does neither.
SAN_CFLAGS := $(CFLAGS_COMMON) -O1 -g $(SAN_FLAGS) -DPARLEY_TEST_CLOCK -DPARLEY_TEST_STATEMENTS
LIBS    := $(PKG_LIBS) -lpthread

LIB_SRC := $(sort $(wildcard src/base/*.c src/out/*.c src/http/*.c src/store/*.c \
                             src/domain/*.c src/app/*.c src/demo/*.c src/web/*.c))
GEN_SRC := build/gen/migrations.c build/gen/assets.c
HEADERS := $(wildcard src/*/*.h)
MIGRATIONS := $(sort $(wildcard sql/*.sql))
ASSETS  := $(sort $(wildcard assets/*))

REL_OBJ := $(patsubst src/%.c,build/rel/%.o,$(LIB_SRC)) build/rel/gen/migrations.o build/rel/gen/assets.o
SAN_OBJ := $(patsubst src/%.c,build/san/%.o,$(LIB_SRC)) build/san/gen/migrations.o build/san/gen/assets.o
UNIT_TESTS := $(patsubst tests/unit/%.c,build/san/tests/%,$(sort $(wildcard tests/unit/test_*.c)))
# Programs the HTTP and browser suites run (tests/unit/ical_check.c).
TEST_TOOLS := build/san/tests/ical_check

DB      ?= parley.db
LISTEN  ?= 127.0.0.1:8080

.PHONY: all run deps test test-pg test-long unit http-test clean fuzz fuzz-build browser-test
all: build/parley

deps:
	@sh scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory build/parley
	@./build/parley demo --db $(DB)
	./build/parley serve --db $(DB) --listen $(LISTEN)

test:
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory build/san/parley $(UNIT_TESTS) $(TEST_TOOLS)
	@sh tests/run.sh

# The same HTTP and browser suites (and test_store) on PostgreSQL: a
# throwaway cluster in a temporary folder on a free loopback port, stopped
# however the run ends (tests/run.sh pg, scripts/pg-cluster.sh).
test-pg:
	@sh scripts/deps.sh test
	@sh scripts/deps.sh pg
	@$(MAKE) --no-print-directory build/san/parley build/san/tests/test_store $(TEST_TOOLS)
	@sh tests/run.sh pg

# The model-based test of the case's process at length: a million random
# steps (make test takes ten thousand). PARLEY_MODEL_SEED=N replays a seed.
test-long:
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory build/san/tests/test_process_model
	PARLEY_MODEL_STEPS=$${PARLEY_MODEL_STEPS:-1000000} ./build/san/tests/test_process_model

# Only the browser suite (tests/browser: Playwright on Debian's Chromium, axe).
browser-test:
	@sh scripts/deps.sh test
	@$(MAKE) --no-print-directory build/san/parley $(TEST_TOOLS)
	PARLEY_BIN=build/san/parley node --test --test-reporter=spec tests/browser/

build/embed: tools/embed.c
	@mkdir -p build
	$(CC) -O1 -o $@ $<

build/gen/migrations.c: build/embed $(MIGRATIONS)
	@mkdir -p build/gen
	./build/embed embedded_migrations sql/ $(MIGRATIONS) > $@

build/gen/assets.c: build/embed $(ASSETS)
	@mkdir -p build/gen
	./build/embed embedded_assets assets/ $(ASSETS) > $@

build/rel/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(REL_CFLAGS) -c -o $@ $<
build/san/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	@echo "  CC (san) $<"; $(CC) $(SAN_CFLAGS) -c -o $@ $<

build/rel/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	@echo "  CC $<"; $(CC) $(REL_CFLAGS) -c -o $@ $<
build/san/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	@echo "  CC (san) $<"; $(CC) $(SAN_CFLAGS) -c -o $@ $<

build/parley: $(REL_OBJ) build/rel/main.o
	$(CC) $(REL_CFLAGS) -o $@ $^ $(LIBS)

build/san/parley: $(SAN_OBJ) build/san/main.o
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(LIBS)

# A unit test links only the layers it tests (and those below them).
san_objs = $(patsubst src/%.c,build/san/%.o,$(sort $(foreach d,$(1),$(wildcard src/$(d)/*.c))))
TEST_LAYERS_test_base   := base
TEST_LAYERS_test_out    := base out
TEST_LAYERS_test_http   := base http
TEST_LAYERS_test_store  := base store
TEST_LAYERS_test_domain := base domain
TEST_LAYERS_test_app    := base out domain store app
TEST_LAYERS_test_eligibility := base domain
TEST_LAYERS_test_workflow := base domain
TEST_LAYERS_test_process := base domain
# The model-based test of the whole process: random steps through app/.
TEST_LAYERS_test_process_model := base out domain store app demo
TEST_LAYERS_test_inquiry := base domain
TEST_LAYERS_test_search := base domain
TEST_LAYERS_test_settings := base domain
TEST_LAYERS_test_policy_oracle := base domain
# goals
TEST_LAYERS_test_goal := base domain
# end goals
# observations
TEST_LAYERS_test_observation := base domain
# end observations
# meetings
TEST_LAYERS_test_cycle := base domain
# test_ical parses what out/ical.c writes back with libical.
TEST_LAYERS_test_ical  := base out
# test_invitation: the invitations to each kind of meeting, through app/.
TEST_LAYERS_test_invitation := base out domain store app demo
# end meetings
# dashboard
# ical_check: the browser suite's importer of a downloaded calendar feed.
TEST_LAYERS_ical_check := base
# end dashboard
# evaluations
TEST_LAYERS_test_evaluation := base domain
TEST_LAYERS_test_pdf := base out
# end evaluations
# recommendation
TEST_LAYERS_test_recommendation := base domain
# end recommendation
# panel
TEST_LAYERS_test_panel := base domain
# end panel
# terms
TEST_LAYERS_test_ct_term := base domain
# end terms
# pss
TEST_LAYERS_test_pss := base domain
TEST_LAYERS_test_pss_process := base domain
# end pss
# sso: what an ID token must say (issue 17)
TEST_LAYERS_test_sso := base domain
# outcomes
TEST_LAYERS_test_outcome := base domain
# end outcomes
# reports
TEST_LAYERS_test_track_record := base domain
TEST_LAYERS_test_svg_csv := base out
# end reports
# roster: a district's roster (issue 17)
TEST_LAYERS_test_roster := base domain
# end roster
# rule words: every rule of RULES.md has its words (issue 18). The oracle is
# tests/oracle/RULES.md, a verbatim copy of the program's RULES.md kept in the
# repository so a clean clone can test; `make check-rules` compares it with
# the program's own copy beside the repository, where there is one.
TEST_LAYERS_test_rule_words := base domain
RULES_MD := $(abspath tests/oracle/RULES.md)
TEST_CFLAGS_test_rule_words := -DRULES_MD='"$(RULES_MD)"'
SHARED_RULES_MD := $(firstword $(wildcard ../shared/RULES.md ../../shared/RULES.md))
check-rules:
	@if [ -n "$(SHARED_RULES_MD)" ]; then cmp $(SHARED_RULES_MD) tests/oracle/RULES.md && echo "tests/oracle/RULES.md matches $(SHARED_RULES_MD)"; \
	else echo "no RULES.md beside the repository; tests/oracle/RULES.md stands"; fi
.PHONY: check-rules
# end rule words
.SECONDEXPANSION:
build/san/tests/%: tests/unit/%.c tests/unit/testing.h $$(call san_objs,$$(TEST_LAYERS_$$*)) build/san/gen/migrations.o build/san/gen/assets.o
	@mkdir -p $(dir $@)
	$(CC) $(SAN_CFLAGS) $(TEST_CFLAGS_$*) -Itests/unit -o $@ $(filter %.c %.o,$^) $(LIBS) $(TEST_LIBS_$*) -lcmocka

# libFuzzer targets (fuzz/fuzz_*.c): the project's sources built again with
# clang, ASan, UBSan and coverage into build/fuzz/; each target links the
# layers it needs. `make fuzz` runs each for FUZZ_SECONDS (see fuzz/run.sh).
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS  := $(CFLAGS_COMMON) -O1 -g $(SAN_FLAGS)
FUZZ_TARGETS := $(patsubst fuzz/%.c,build/fuzz/%,$(sort $(wildcard fuzz/fuzz_*.c)))
fuzz_objs = $(patsubst src/%.c,build/fuzz/obj/%.o,$(sort $(foreach d,$(1),$(wildcard src/$(d)/*.c))))
ALL_LAYERS := base out http store domain app web
FUZZ_LAYERS_fuzz_urlencoded := base http
FUZZ_LAYERS_fuzz_cookies    := base http
FUZZ_LAYERS_fuzz_multipart  := base http
FUZZ_LAYERS_fuzz_html       := base out
FUZZ_LAYERS_fuzz_json_quote := base out
FUZZ_LAYERS_fuzz_csv        := base out
FUZZ_LAYERS_fuzz_route      := $(ALL_LAYERS)
FUZZ_LAYERS_fuzz_json_body  := $(ALL_LAYERS)
FUZZ_OBJ := $(call fuzz_objs,$(ALL_LAYERS)) build/fuzz/obj/gen/migrations.o build/fuzz/obj/gen/assets.o
.SECONDARY: $(FUZZ_OBJ)

build/fuzz/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	@echo "  CC (fuzz) $<"; $(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
build/fuzz/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	@echo "  CC (fuzz) $<"; $(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
build/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz.h $$(call fuzz_objs,$$(FUZZ_LAYERS_fuzz_$$*)) build/fuzz/obj/gen/migrations.o build/fuzz/obj/gen/assets.o
	@mkdir -p $(dir $@)
	@echo "  LD (fuzz) $@"; $(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Ifuzz -o $@ $(filter %.c %.o,$^) $(LIBS)

fuzz-build: $(FUZZ_TARGETS)

fuzz:
	@sh scripts/deps.sh fuzz
	@$(MAKE) --no-print-directory fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh fuzz/run.sh $(notdir $(FUZZ_TARGETS))

# The benchmark (bench/run.sh): wrk against the main pages, on the default
# and the large demo database, beside nginx serving the same bytes, and a
# 10,000-person roster imported (bench/roster.sh); writes bench/RESULTS.md.
# Not part of `make test`: timings are never pass/fail.
.PHONY: bench
bench:
	@sh bench/run.sh

clean:
	rm -rf build
