// Command conformance-report builds what readers of a conformance run need from its run
// folder, and the catalogue of the suite's specs:
//
//	conformance-report catalogue [-dry-run-json FILE] [-o suites/deregister/catalogue.md]
//	conformance-report render    -run reports/latest [-target FILE]
//	conformance-report gate      -run reports/latest [-target FILE] [-strict]
//	conformance-report compare   OLD_RUN NEW_RUN
//
// Exit status: 0 when all is well; 1 when the gate fails (an unexpected failure, or an
// unexpected pass with -strict), when compare finds a regression, or when the catalogue has
// problems; 2 for bad usage and unusable input, including a target's expected failure that
// no spec has.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// usageError marks errors of the command line, reported with exit status 2.
type usageError struct{ error }

// exitError carries an exit status chosen by a subcommand after it printed its own output.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

const usage = `usage:
  conformance-report catalogue [-dry-run-json FILE] [-o FILE]
  conformance-report render    -run DIR [-target FILE]
  conformance-report gate      -run DIR [-target FILE] [-strict]
  conformance-report compare   OLD_RUN NEW_RUN`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and turns its error into an exit status; main is kept to
// one line so that tests can call run with their own arguments and writers.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	commands := map[string]func([]string, io.Writer) error{
		"catalogue": catalogue,
		"render":    render,
		"gate":      gate,
		"compare":   compare,
	}
	command, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "unknown command %q\n%s\n", args[0], usage)
		return 2
	}

	err := command(args[1:], stdout)
	var exit exitError
	var bad usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.code
	case errors.As(err, &bad):
		fmt.Fprintf(stderr, "conformance-report %s: %v\n%s\n", args[0], err, usage)
		return 2
	}
	fmt.Fprintf(stderr, "conformance-report %s: %v\n", args[0], err)
	return 2
}
