# The two commands a person needs are `make conformance` and `make test`; everything else is a
# step of those. Tools run through `go run` at the versions pinned in go.mod, so nothing needs
# a global install.

GO          ?= go
GINKGO      := $(GO) run github.com/onsi/ginkgo/v2/ginkgo
STATICCHECK := $(GO) run honnef.co/go/tools/cmd/staticcheck

# Where `make conformance` writes its reports.
REPORTS ?= reports/latest

# Narrowing a run: ID=A1 runs the specs of one behaviour (A1, or A7 for A7a and A7b),
# FOCUS is a regular expression over spec texts, LABELS a Ginkgo label filter
# (e.g. LABELS='documented && !default-cluster').
ID     ?=
FOCUS  ?=
LABELS ?=

GINKGO_FLAGS := -p --timeout=15m --poll-progress-after=60s
ifneq ($(ID),)
GINKGO_FLAGS += --focus='\[$(ID)[a-z]?\]'
endif
ifneq ($(FOCUS),)
GINKGO_FLAGS += --focus='$(FOCUS)'
endif
ifneq ($(LABELS),)
GINKGO_FLAGS += --label-filter='$(LABELS)'
endif

.PHONY: conformance test unit suite selfcheck lint build clean

## conformance: run the suite against the chosen endpoint (default: the embedded reference)
conformance:
	@mkdir -p $(REPORTS)
	$(GINKGO) $(GINKGO_FLAGS) --output-dir=$(REPORTS) \
		--json-report=report.json --junit-report=junit.xml ./suites/...
	@echo "reports: $(REPORTS)/report.json $(REPORTS)/junit.xml"

## test: the project's own tests: lint, unit tests under the race detector, the whole suite
## against the reference endpoint in parallel under the race detector, and the self-check
test: lint unit suite selfcheck

unit:
	$(GO) test -race -count=1 ./harness/... ./fixtures/...

suite:
	$(GINKGO) -p -race --timeout=15m ./suites/...

## selfcheck: prove every spec can fail: run the suite against the reference with each of its
## defects and check the outcome against fixtures/selfcheck/kills.txt
selfcheck:
	$(GO) run ./harness/cmd/selfcheck -kills fixtures/selfcheck/kills.txt

## lint: formatting, go vet and staticcheck
lint:
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then \
		echo "not gofmt-formatted:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...

## build: compile everything, and the reference endpoint's command into bin/
build:
	$(GO) build ./...
	$(GO) build -o bin/ecs-reference ./harness/cmd/ecs-reference
	$(GINKGO) build ./suites/...

clean:
	rm -rf bin $(REPORTS)
