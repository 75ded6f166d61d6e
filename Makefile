# Thin wrapper over CMake: every real rule lives in CMakeLists.txt.
BUILD    ?= build
PREFIX   ?= /usr/local
SANITIZE ?=
JOBS     ?= $(shell nproc)

comma := ,
# Sub-makes (the CMake-generated build) need not announce every directory.
MAKEFLAGS += --no-print-directory
# A sanitizer build gets its own tree so it never mixes objects with the normal one.
ifneq ($(SANITIZE),)
override BUILD := $(BUILD)-$(subst $(comma),-,$(SANITIZE))
endif

.PHONY: all deps configure build lint test check test-real run install clean bench fuzz chaos

all: build

deps:
	@scripts/deps.sh

configure: deps
	@cmake -S . -B $(BUILD) -DSANITIZE=$(SANITIZE) -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# clang-format and clang-tidy over src/ (.clang-format, .clang-tidy), with the
# compile flags of this build.
lint: configure
	@BUILD=$(BUILD) JOBS=$(JOBS) scripts/lint.sh

# A plain `make test` (what CI runs) checks the conventions once (the include
# layers, then the lint), then passes the suite twice: as built, then under
# AddressSanitizer and UBSan. SANITIZE=... runs that sanitizer only.
test: build
ifeq ($(SANITIZE),)
	@scripts/check_layers.sh
	@$(MAKE) lint
endif
	@scripts/stock-client.sh
	@cd $(BUILD) && env -u AEROSPIKE_HOSTS ctest --output-on-failure -j $(JOBS) --timeout 300
ifeq ($(SANITIZE),)
	@echo "== the same suite under AddressSanitizer and UndefinedBehaviorSanitizer =="
	@$(MAKE) test SANITIZE=address,undefined
endif

# The inner loop: the suite once, as built (no conventions, no sanitizer pass).
# Both run against asim even when AEROSPIKE_HOSTS is set: that is test-real's.
check: build
	@scripts/stock-client.sh
	@cd $(BUILD) && env -u AEROSPIKE_HOSTS ctest --output-on-failure -j $(JOBS) --timeout 300

# The tests that talk to a server (label "real"), against the real cluster
# AEROSPIKE_HOSTS=host:port[,host:port...] names, in AEROSPIKE_NAMESPACE
# (default test); those that need asim report "skipped: needs asim".
test-real:
	@test -n "$(AEROSPIKE_HOSTS)" || { echo "make test-real: set AEROSPIKE_HOSTS=host:port[,host:port...]" \
	  "(and AEROSPIKE_NAMESPACE, default test) to the cluster to test against" >&2; exit 2; }
	@$(MAKE) build
	@cd $(BUILD) && AEROSPIKE_HOSTS='$(AEROSPIKE_HOSTS)' AEROSPIKE_NAMESPACE='$(AEROSPIKE_NAMESPACE)' \
	  ctest -L '^real$$' --output-on-failure -j $(JOBS) --timeout 300

# Only what the story runs, and quietly: the build's output is shown only if it fails.
DEMO_TARGETS := asim asshm demo_client takeover_timer tend_counter
run: configure
	@echo "building the demo ($(DEMO_TARGETS))..."
	@cmake --build $(BUILD) -j $(JOBS) --target $(DEMO_TARGETS) >$(BUILD)/demo-build.log 2>&1 || \
	  { cat $(BUILD)/demo-build.log; exit 1; }
	@scripts/demo.sh $(BUILD)

# Stripped, as users install libraries: the debug info stays in the build tree.
install: build
	@cmake --install $(BUILD) --prefix $(PREFIX) --strip

bench: build
	@scripts/stock-client.sh
	@bench/run.sh $(BUILD)

fuzz: deps
	@scripts/fuzz.sh $(or $(FUZZ_SECONDS),60)

chaos: build
	@ASIM=$(BUILD)/tools/asim/asim CHAOS_SECONDS=600 $(BUILD)/tests/chaos/chaos

clean:
	@rm -rf build build-*
