package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ecs-conformance/deregister/harness/report"
	"github.com/ecs-conformance/deregister/harness/target"
)

// judged reads a run folder and judges it against the target file, or, with none given, the
// target file run.json names if it is there.
func judged(dir, targetFile string) (*report.Verdict, error) {
	run, err := report.LoadRun(dir)
	if err != nil {
		return nil, err
	}
	if targetFile == "" && run.Info.TargetFile != "" {
		if _, err := os.Stat(run.Info.TargetFile); err == nil {
			targetFile = run.Info.TargetFile
		}
	}
	var tgt *target.Target
	if targetFile != "" {
		if tgt, err = target.Load(targetFile); err != nil {
			return nil, err
		}
	}
	return report.Judge(run, tgt), nil
}

// render writes conformance.md and conformance.html into the run folder and prints the
// short summary ending with the HTML report's path.
func render(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("render", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	dir := flags.String("run", "", "the run folder (holding report.json)")
	targetFile := flags.String("target", "", "the target file (default: the one run.json names)")
	if err := flags.Parse(args); err != nil {
		return usageError{err}
	}
	if *dir == "" || flags.NArg() > 0 {
		return usageError{fmt.Errorf("want -run DIR and no other arguments")}
	}

	verdict, err := judged(*dir, *targetFile)
	if err != nil {
		return err
	}
	htmlPath, err := report.Render(verdict)
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, report.Summary(verdict, htmlPath))
	return nil
}

// gate judges the run against the target's expected failures and exits accordingly.
func gate(args []string, stdout io.Writer) error {
	flags := flag.NewFlagSet("gate", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	dir := flags.String("run", "", "the run folder (holding report.json)")
	targetFile := flags.String("target", "", "the target file with the expected failures "+
		"(default: the one run.json names; with neither, every spec must pass)")
	strict := flags.Bool("strict", false, "fail on an unexpected pass too")
	if err := flags.Parse(args); err != nil {
		return usageError{err}
	}
	if *dir == "" || flags.NArg() > 0 {
		return usageError{fmt.Errorf("want -run DIR [-target FILE] [-strict]")}
	}

	verdict, err := judged(*dir, *targetFile)
	if err != nil {
		return err
	}
	fmt.Fprint(stdout, report.GateText(verdict, *strict))
	if code := verdict.ExitCode(*strict); code != report.ExitOK {
		return exitError{code}
	}
	return nil
}

// compare lists what changed between two run folders; exit 1 on a regression.
func compare(args []string, stdout io.Writer) error {
	if len(args) != 2 {
		return usageError{fmt.Errorf("want two run folders, OLD_RUN NEW_RUN")}
	}
	older, err := report.LoadRun(args[0])
	if err != nil {
		return err
	}
	newer, err := report.LoadRun(args[1])
	if err != nil {
		return err
	}
	diff := report.Compare(older, newer)
	fmt.Fprint(stdout, diff.Text(args[0], args[1]))
	if code := diff.ExitCode(); code != 0 {
		return exitError{code}
	}
	return nil
}
