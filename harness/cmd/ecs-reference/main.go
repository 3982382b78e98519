// Command ecs-reference runs the reference ECS endpoint on a local port until interrupted.
//
// It prints exactly one line to stdout once the port is open,
//
//	ecs-reference listening on http://127.0.0.1:PORT
//
// so a script can wait for that line and read the URL from it. Each request is logged to
// stderr unless -quiet is given. SIGINT or SIGTERM stops it gracefully.
//
// It listens on the loopback interface unless -addr says otherwise: it accepts any request,
// or with -credentials any request signed with one key, and must not be reachable from the
// network by accident.
//
// With -credentials KEY:SECRET (or the environment variable ECS_REFERENCE_CREDENTIALS, which
// keeps the secret out of the process list), every request must carry a valid SigV4
// signature made with that key, and is refused as AWS refuses it otherwise.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/ecs-conformance/deregister/harness/reference"
)

// envCredentials is the environment variable -credentials defaults to.
const envCredentials = "ECS_REFERENCE_CREDENTIALS"

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on; port 0 picks a free port")
	region := flag.String("region", reference.DefaultRegion, "region of every ARN")
	account := flag.String("account", reference.DefaultAccountID, "account ID of every ARN")
	quiet := flag.Bool("quiet", false, "do not log requests to stderr")
	defects := flag.String("defects", "", "comma-separated emulator bugs to switch on, for the "+
		"mutation self-check only (never in normal use)")
	requireEC2 := flag.Bool("require-ec2-instance", false, "register only container instances "+
		"whose EC2 instance was launched on this endpoint with RunInstances")
	creds := flag.String("credentials", os.Getenv(envCredentials), "KEY:SECRET: verify "+
		"SigV4 signatures made with this access key (default $"+envCredentials+")")
	flag.Parse()

	parsed, err := reference.ParseDefects(*defects)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ecs-reference: -defects:", err)
		os.Exit(2)
	}
	opts := reference.Options{Region: *region, AccountID: *account, Defects: parsed,
		RequireEC2Instance: *requireEC2}
	if *creds != "" {
		keyID, secret, ok := strings.Cut(*creds, ":")
		if !ok || keyID == "" || secret == "" {
			// The value is not repeated: it may hold a secret.
			fmt.Fprintln(os.Stderr, "ecs-reference: -credentials: want KEY:SECRET")
			os.Exit(2)
		}
		opts.Credentials = map[string]string{keyID: secret}
	}
	if !*quiet {
		opts.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	if err := run(*addr, opts); err != nil {
		fmt.Fprintln(os.Stderr, "ecs-reference:", err)
		os.Exit(1)
	}
}

// run serves until a stop signal arrives, then shuts down.
func run(addr string, opts reference.Options) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	running, err := reference.New(opts).Listen(addr)
	if err != nil {
		return err
	}
	fmt.Println("ecs-reference listening on " + running.URL)

	<-ctx.Done()
	return running.Close()
}
