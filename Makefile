# The two commands a person needs are `make conformance` and `make test`; everything else is a
# step of those. Tools run through `go run` at the versions pinned in go.mod, so nothing needs
# a global install.

GO          ?= go
GINKGO      := $(GO) run github.com/onsi/ginkgo/v2/ginkgo
STATICCHECK := $(GO) run honnef.co/go/tools/cmd/staticcheck
REPORT      := $(GO) run ./harness/cmd/conformance-report

# Where `make conformance` writes its reports (the run folder).
REPORTS ?= reports/latest

# What `make conformance` tests. TARGET is a target file (see fixtures/targets/); without
# one, the endpoint named by ECS_CONFORMANCE_ENDPOINT, AWS_ENDPOINT_URL_ECS or
# ECS_CONFORMANCE_IMAGE; without those, the reference endpoint, run as REFERENCE says:
# container (built from this repository; in process when no Docker engine answers) or
# in-process. STRICT=-strict fails the gate on unexpected passes too.
TARGET    ?=
REFERENCE ?= container
STRICT    ?=

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

.PHONY: conformance test unit suite suite-container selfcheck catalogue sdk-check lint build \
	clean clean-images fuzz fuzz-short flakecheck flakecheck-short soak bench

## conformance: run the suite against the chosen endpoint, write the reports, and judge the
## run with the regression gate (its verdict is the exit status)
conformance:
	@rm -rf $(REPORTS) && mkdir -p $(REPORTS)
	-ECS_CONFORMANCE_REPORTS=$(abspath $(REPORTS)) ECS_CONFORMANCE_REFERENCE=$(REFERENCE) \
		$(if $(TARGET),ECS_CONFORMANCE_TARGET=$(abspath $(TARGET))) \
		$(GINKGO) $(GINKGO_FLAGS) --output-dir=$(REPORTS) \
		--json-report=report.json --junit-report=junit.xml ./suites/...
	$(REPORT) render -run $(REPORTS) $(if $(TARGET),-target $(TARGET))
	$(REPORT) gate -run $(REPORTS) $(if $(TARGET),-target $(TARGET)) $(STRICT)

## test: the project's own tests: lint, unit tests under the race detector, the whole suite
## against the reference endpoint in parallel (in process under the race detector, and in a
## container), and the self-check
test: lint unit fuzz-short suite suite-container selfcheck flakecheck-short

unit:
	$(GO) test -race -count=1 ./harness/... ./fixtures/...

suite:
	ECS_CONFORMANCE_REFERENCE=in-process $(GINKGO) -p -race --timeout=15m ./suites/...

# What the container runs leave behind (nothing) is checked by harness/e2e, per run: a
# global look at the engine would see the containers of other runs going on at the same time.
suite-container:
	ECS_CONFORMANCE_REFERENCE=container $(GINKGO) -p --timeout=15m ./suites/...

## selfcheck: prove every spec can fail: run the suite against the reference with each of its
## defects and check the outcome against fixtures/selfcheck/kills.txt
selfcheck:
	$(GO) run ./harness/cmd/selfcheck -kills fixtures/selfcheck/kills.txt

## sdk-check: run the suite with another version of the SDK's ECS client, without editing
## go.mod, and compare with a run on the pinned version (SDK_VERSION=v1.104.0)
sdk-check:
	@test -n "$(SDK_VERSION)" || { echo "usage: make sdk-check SDK_VERSION=v1.104.0"; exit 2; }
	$(GO) run ./harness/cmd/sdkcheck -version $(SDK_VERSION)

## fuzz: fuzz the reference endpoint's request decoding and routing for FUZZTIME (default
## 5m); an input that breaks it is written to harness/reference/testdata/fuzz/ and replayed
## by every later `go test`
FUZZTIME ?= 5m
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzServeHTTP$$' -fuzztime $(FUZZTIME) ./harness/reference

# The bounded fuzz run of `make test`.
fuzz-short:
	$(MAKE) --no-print-directory fuzz FUZZTIME=10s

## flakecheck: run the whole suite RUNS times in process and CONTAINER_RUNS times in a
## container, in parallel (ginkgo -p), and list every spec that ever failed; `make soak` is
## the long version (100 and 20), whose figures the README quotes
RUNS           ?= 10
CONTAINER_RUNS ?= 3
flakecheck:
	$(GO) run ./harness/cmd/flakecheck -runs $(RUNS) -mode in-process
	$(GO) run ./harness/cmd/flakecheck -runs $(CONTAINER_RUNS) -mode container

soak:
	$(MAKE) --no-print-directory flakecheck RUNS=100 CONTAINER_RUNS=20

# The short flake check of `make test`.
flakecheck-short:
	$(MAKE) --no-print-directory flakecheck RUNS=3 CONTAINER_RUNS=2

## bench: print the figures of the README's "Reliability and performance": the whole suite's
## wall time (in process and in a container), the reference's throughput and latency, and
## deregistration time and memory at 10, 1 000 and 100 000 instances. Nothing is asserted.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./harness/reference
	$(GO) test -run '^$$' -bench . -benchtime 5x ./harness/e2e
	$(GO) test -run '^$$' -bench . -benchtime 5x ./harness/container

## catalogue: regenerate suites/deregister/catalogue.md from the suite (a test fails when it
## is stale)
catalogue:
	$(REPORT) catalogue

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

## clean-images: remove the reference endpoint's images that runs keep (one per version of
## its binary; the next container run builds its own again)
clean-images:
	docker images -q ecs-conformance/reference | sort -u | xargs -r docker rmi -f
