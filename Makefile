# Gongshi: two commands do everything on a fresh clone — `make html` and `make test`.
PY        ?= python3
VENV      := .venv
BIN       := $(VENV)/bin
UV        := $(BIN)/uv
UV_VER    := 0.13.8
DATA      ?= data
OUTPUT    ?= output
PORT      ?= 8000
ASOF      ?=
ASOF_FLAG := $(if $(ASOF),--as-of $(ASOF),)

.PHONY: html validate serve test test-fast lock clean bench bench-peer refresh

# The venv is rebuilt whenever the lock file changes. Bytecode is compiled at install (uv does not by
# default, and PYTHONDONTWRITEBYTECODE would otherwise make every command compile ~600 modules again).
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VER)
	VIRTUAL_ENV=$(VENV) $(UV) pip sync --quiet --compile-bytecode requirements.lock
	VIRTUAL_ENV=$(VENV) $(UV) pip install --quiet --no-deps -e .
	$(BIN)/python -m compileall -q plugins
	touch $@

venv: $(VENV)/.installed

validate: $(VENV)/.installed
	$(BIN)/gongshi validate $(DATA) $(ASOF_FLAG)

# The same build as the scheduled refresh (gongshi refresh: validate, build, atomic swap), so it
# records the refresh state and the first scheduled run after it reports what changed since.
html: $(VENV)/.installed
	$(BIN)/gongshi refresh --data $(DATA) --output $(OUTPUT) $(ASOF_FLAG)
	@if grep -q '示例数据' $(DATA)/site.yml 2>/dev/null; then \
	  echo "注：演示数据有意包含几件逾期公开的决定（上面的 R-DEADLINE 警告），用来展示“合规情况”页面。"; \
	  echo "note: the demo data contains late publications on purpose (the R-DEADLINE warnings above), to show the compliance page."; fi
	@echo "网站已生成 / site built: $(OUTPUT)/index.html"
	@echo "下一步 / next: make serve   (http://127.0.0.1:$(PORT)/)"

# The live preview of $(DATA): pages from memory, fresh and reloaded on every save (README,
# "Live preview"); no build needed first. Feeds, open data and search come from $(OUTPUT) when
# `make html` made it.
serve: $(VENV)/.installed
	$(BIN)/gongshi serve --watch --data $(DATA) --output $(OUTPUT) --port $(PORT) $(ASOF_FLAG)

test: $(VENV)/.installed
	$(BIN)/python -m pytest -n 2 -q

# The fast lane while editing (under 30 s, no browser): the model, policy, checks and
# publication tests, less those marked slow (tests/conftest.py says which). `make test` runs all.
test-fast: $(VENV)/.installed
	$(BIN)/python -m pytest -n 2 -q -m "not slow and not browser"

bench: $(VENV)/.installed
	$(BIN)/gongshi bench --decisions 1000 --decisions 10000

# Side by side with Hugo + Pagefind (Hugo from the bench extra, already in requirements.lock).
bench-peer: $(VENV)/.installed
	$(BIN)/gongshi bench --peer --decisions 1000,10000

# Re-pin every dependency after editing pyproject.toml.
lock: $(VENV)/.installed
	$(UV) pip compile pyproject.toml --extra test --extra bench --python-version 3.11 --quiet -o requirements.lock

clean:
	rm -rf $(OUTPUT) .cache
