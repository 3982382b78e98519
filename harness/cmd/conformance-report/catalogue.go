package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/onsi/ginkgo/v2/types"

	"github.com/ecs-conformance/deregister/harness/behaviours"
	"github.com/ecs-conformance/deregister/harness/report"
)

// catalogue writes the spec catalogue from a Ginkgo dry run: the one given, or one it runs.
// It refuses to write a catalogue with problems, so the checked-in file is always valid.
func catalogue(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("catalogue", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	dryRun := flags.String("dry-run-json", "", "a Ginkgo dry run's JSON report "+
		"(default: run ginkgo --dry-run over ./suites/...)")
	out := flags.String("o", "", "where to write the catalogue (default: "+
		report.CataloguePath+" under the module root)")
	if err := flags.Parse(args); err != nil {
		return usageError{err}
	}

	ctx := context.Background()
	root, err := report.ModuleRoot(ctx)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = filepath.Join(root, report.CataloguePath)
	}
	reports, err := func() ([]types.Report, error) {
		if *dryRun != "" {
			return report.ReadGinkgoReport(*dryRun)
		}
		return report.DryRun(ctx, root)
	}()
	if err != nil {
		return err
	}

	cat, problems := report.CatalogueFrom(reports)
	for _, p := range behaviours.CheckCoverage(cat.RowsWithSpecs()) {
		problems = append(problems, errors.New(p.String()))
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(stdout, p)
		}
		fmt.Fprintf(stdout, "catalogue not written: %d problems\n", len(problems))
		return exitError{1}
	}

	if err := os.WriteFile(*out, []byte(report.CatalogueMarkdown(cat)), 0o644); err != nil {
		return fmt.Errorf("writing the catalogue: %w", err)
	}
	fmt.Fprintf(stdout, "catalogue: %d specs written to %s\n", len(cat), *out)
	return nil
}
