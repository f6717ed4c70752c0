# The two verbs of the Quick start (site, test) and the maintenance ones (format, clean).
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
HINDSIGHT := $(BUILD_DIR)/generator/hindsight

.PHONY: site test setup configure format clean

site: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target hindsight
	@$(HINDSIGHT) build content -o public
	@echo "The demo site is in $(CURDIR)/public/"
	@echo "Open file://$(CURDIR)/public/index.html in a browser (it works straight from disk),"
	@echo "or serve it: python3 -m http.server -d public 8000"

test: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

setup:
	@./scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

format:
	@find generator tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
