# Communique: the README's two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

VENDOR := communique/serve/static/vendor
NPM    ?= npm

.PHONY: install vendor demo test check lint typecheck clean

# Create .venv and install the package with everything it needs, from the package registries only.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# The dashboard's browser assets, from the npm registry at the versions pinned in
# web/package-lock.json: the world outline of the map (world-atlas: Natural Earth 1:110m) and
# the libraries that draw it (topojson-client, d3-geo, d3-array). Copied into the package's
# static folder (git-ignored). Without npm, or offline, the dashboard still works and the map
# draws its points on a plain grid.
$(VENDOR)/.stamp: web/package.json web/package-lock.json
	@if command -v $(NPM) >/dev/null 2>&1 \
	  && (cd web && $(NPM) ci --no-audit --no-fund --silent); then \
	  mkdir -p $(VENDOR) \
	  && cp web/node_modules/world-atlas/countries-110m.json $(VENDOR)/ \
	  && cp web/node_modules/world-atlas/LICENSE $(VENDOR)/LICENSE.world-atlas \
	  && cp web/node_modules/topojson-client/dist/topojson-client.min.js $(VENDOR)/ \
	  && cp web/node_modules/topojson-client/LICENSE $(VENDOR)/LICENSE.topojson-client \
	  && cp web/node_modules/d3-geo/dist/d3-geo.min.js $(VENDOR)/ \
	  && cp web/node_modules/d3-geo/LICENSE $(VENDOR)/LICENSE.d3-geo \
	  && cp web/node_modules/d3-array/dist/d3-array.min.js $(VENDOR)/ \
	  && cp web/node_modules/d3-array/LICENSE $(VENDOR)/LICENSE.d3-array \
	  && touch $@; \
	else echo "make: npm unavailable; the dashboard's map will have no world outline" >&2; fi

vendor: $(VENDOR)/.stamp

install: $(STAMP) vendor

# The main job on the embedded default: extract and store the bundled demo corpus, then serve it.
demo: $(STAMP) vendor
	$(BIN)/communique demo

# The whole test suite (installing first if needed).
test: $(STAMP) vendor
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check communique tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy communique

check: lint typecheck test

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache $(VENDOR) web/node_modules
