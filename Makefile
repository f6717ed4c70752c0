# The two verbs of the Quick start (site, test), the checks CI adds (asan, fuzz, format-check)
# and the maintenance ones (format, tidy, clean).
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
HINDSIGHT := $(BUILD_DIR)/generator/hindsight

ASAN_BUILD_DIR ?= build-asan
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: site test asan fuzz setup configure format format-check tidy clean

site: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target hindsight
	@$(HINDSIGHT) build content -o public
	@echo "The demo site is in $(CURDIR)/public/"
	@echo "Open file://$(CURDIR)/public/index.html in a browser (it works straight from disk),"
	@echo "or preview it live, rebuilt on every save: $(HINDSIGHT) serve content"

test: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The whole test suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer (g++).
# -O1 keeps it fast enough for CI; assertions stay on (no NDEBUG). The sanitizer options every
# program starts with are in cmake/sanitizer_defaults.cpp.
asan: setup
	@cmake -S . -B $(ASAN_BUILD_DIR) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" \
		-DHINDSIGHT_SANITIZE=address,undefined > /dev/null
	@cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	cd $(ASAN_BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The libFuzzer targets under fuzz/ (Debian's clang), each run for FUZZ_SECONDS; the corpus each
# one grows is kept in $(FUZZ_BUILD_DIR)/fuzz-work/. Only the targets and the stages they link
# are built.
fuzz: setup
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD_DIR) -DCMAKE_BUILD_TYPE=Debug \
		-DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" -DHINDSIGHT_SANITIZE=address,undefined \
		-DHINDSIGHT_FUZZ=ON -DBUILD_TESTING=OFF > /dev/null
	@cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target fuzzers
	@fuzz/run.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS)

setup:
	@./scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

# The C++ that clang-format and clang-tidy look at.
CXX_DIRS := $(wildcard generator tests fuzz cmake)

format:
	@find $(CXX_DIRS) -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

# Changes nothing: lists the files `make format` would change, and fails if there are any.
format-check: setup
	@unformatted="$$(find $(CXX_DIRS) -name '*.cpp' -o -name '*.hpp' | sort | while read -r file; do \
	  clang-format --dry-run --Werror "$$file" >/dev/null 2>&1 || echo "$$file"; done)"; \
	if [ -n "$$unformatted" ]; then \
	  echo "$$unformatted"; \
	  echo "format-check: $$(echo "$$unformatted" | wc -l) file(s) differ from .clang-format; run make format" >&2; \
	  exit 1; \
	fi; \
	echo "format-check: every file under $(CXX_DIRS) is formatted"

# clang-tidy with the checks in .clang-tidy, on every translation unit of generator/, tests/ and
# fuzz/ in build/compile_commands.json; any finding fails (WarningsAsErrors).
tidy: configure
	@status=0; run-clang-tidy -p $(BUILD_DIR) -j $(JOBS) -quiet \
	  '^$(CURDIR)/($(subst $() ,|,$(CXX_DIRS)))/' > $(BUILD_DIR)/tidy.log 2>&1 || status=$$?; \
	sed -i 's/\x1b\[[0-9;]*m//g' $(BUILD_DIR)/tidy.log; \
	if [ "$$status" -ne 0 ]; then \
	  grep -E 'warning:|error:' $(BUILD_DIR)/tidy.log >&2; \
	  echo "tidy: findings above (all of clang-tidy's output in $(BUILD_DIR)/tidy.log)" >&2; \
	  exit 1; \
	fi; \
	echo "tidy: no findings"

clean:
	rm -rf $(BUILD_DIR) $(ASAN_BUILD_DIR) $(FUZZ_BUILD_DIR)
