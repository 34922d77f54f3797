# Secure Base. `make run` serves the app; `make test` runs the whole suite. Both start a
# private PostgreSQL cluster under ./.data/ unless DATABASE_URL / TEST_DATABASE_URL is set.

GO       ?= go
BIN      := bin/securebase
VERSION  := $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -s -w -X main.version=$(VERSION)
GOLANGCI := github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.6.2

.PHONY: generate templ-check all build run demo-reset test faults bench bench-go bench-http fuzz lint fmt clean backup a11y-tools

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/securebase

## run: build and serve on http://localhost:8080 (a private cluster in .data/postgres without DATABASE_URL).
## Without ENCRYPTION_KEYS(_FILE), a local key sealing second factors is made once in .data/encryption-keys.
KEYS_FILE := .data/encryption-keys
run: build
	@mkdir -p .data && test -s $(KEYS_FILE) || (umask 077 && ./$(BIN) keys generate > $(KEYS_FILE) && echo "made a local encryption key in $(KEYS_FILE)")
	@if [ -z "$$ENCRYPTION_KEYS" ] && [ -z "$$ENCRYPTION_KEYS_FILE" ]; then export ENCRYPTION_KEYS_FILE=$(KEYS_FILE); fi; \
	exec ./$(BIN) serve --migrate --demo --local-db .data/postgres

## demo-reset: with `make run` stopped, put the demo practice back as new and print its sign-ins and client link again.
demo-reset: build
	./$(BIN) demo reset --local-db $(LOCAL_DB)

## backup: while `make run` serves, pg_dump -Fc of its database into backups/ (readable by you only).
## The file holds clinical data in plain text: encrypt it and move it off this machine (docs/operations.md).
PG_DUMP  ?= pg_dump
LOCAL_DB := .data/postgres
backup:
	@test -f $(LOCAL_DB)/postmaster.pid || { echo "backup: no server is running in $(LOCAL_DB): start it with make run (for another server, see Backups and restore in docs/operations.md)"; exit 1; }
	@mkdir -p backups && chmod 700 backups
	@f=backups/securebase-$$(date -u +%Y%m%dT%H%M%SZ).dump; \
	umask 077 && $(PG_DUMP) --format=custom --username=postgres --dbname=securebase \
		--host="$$(sed -n 5p $(LOCAL_DB)/postmaster.pid)" --port="$$(sed -n 4p $(LOCAL_DB)/postmaster.pid)" --file="$$f" && \
	echo "wrote $$f"

## a11y-tools: axe-core and the Nu HTML Checker (vnu-jar), pinned in tools/a11y/package-lock.json,
## which the browser journeys run on every page they visit. --ignore-scripts: vnu-jar's install
## script would download a Java runtime; we use the system's java (default-jre-headless).
A11Y_TOOLS := tools/a11y/node_modules/.package-lock.json
a11y-tools: $(A11Y_TOOLS)
$(A11Y_TOOLS): tools/a11y/package.json tools/a11y/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tools/a11y --ignore-scripts --no-audit --no-fund; \
	elif [ -n "$$CI" ]; then echo "a11y-tools: npm is not installed (.ci/run installs it)"; exit 1; \
	else echo "a11y-tools: npm is not installed: the browser journeys' accessibility and HTML checks will be skipped"; fi

## test: go vet, then every test against real PostgreSQL
test: $(A11Y_TOOLS)
	$(GO) vet ./...
ifdef TEST_DATABASE_URL
	$(GO) test -count=1 -timeout 30m ./...
else
	$(GO) run ./cmd/pgrun --dir .data/test-postgres -- $(GO) test -count=1 -timeout 30m ./...
endif

## faults: the fault tests (database restarts under load, SIGTERM during requests). They start
## their own private cluster, because they stop and start it, so no pgrun and no TEST_DATABASE_URL.
faults:
	$(GO) test -tags faults -race -count=1 -v ./internal/faults/

## bench: both benchmarks below (never part of make test)
bench: bench-go bench-http

## bench-go: Go benchmarks against real PostgreSQL: e.g. a one-million-row export's memory
bench-go:
ifdef TEST_DATABASE_URL
	$(GO) test -run='^$$' -bench=. -benchtime=1x ./internal/web/
else
	$(GO) run ./cmd/pgrun --dir .data/test-postgres -- $(GO) test -run='^$$' -bench=. -benchtime=1x ./internal/web/
endif

## bench-http: seed a large practice (bench/seed.sql), serve it with the built binary, measure
## pages with wrk and exports against psql's COPY, and write bench/results.md (cmd/benchrun)
bench-http: build
	$(GO) run ./cmd/pgrun --dir .data/bench-postgres -- $(GO) run ./cmd/benchrun --bin $(BIN)

## fuzz: run each fuzz test for a while (make test runs their seed corpora)
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzValidate -fuzztime=$(FUZZTIME) ./internal/homework/
	$(GO) test -run='^$$' -fuzz=FuzzScore -fuzztime=$(FUZZTIME) ./internal/measures/
	$(GO) test -run='^$$' -fuzz=FuzzTextCellNeverStartsAFormula -fuzztime=$(FUZZTIME) ./internal/supervision/

## lint: go vet, gofmt and golangci-lint (a short, explicit linter list in .golangci.yml)
lint: templ-check
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) run $(GOLANGCI) run ./...

## generate: the Go code of the templ components under templates/ (committed, so go build needs nothing else)
generate:
	$(GO) tool templ generate -path templates

## templ-check: the committed *_templ.go files are what the .templ files generate
templ-check:
	@before=$$(find templates -name '*_templ.go' | sort | xargs cat | sha256sum); \
	$(GO) tool templ generate -path templates >/dev/null 2>&1; \
	after=$$(find templates -name '*_templ.go' | sort | xargs cat | sha256sum); \
	if [ "$$before" != "$$after" ]; then echo "templ generate changed the *_templ.go files: run make generate and commit them"; exit 1; fi

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin
