package container

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// CleanupOnSignal removes r's container when the process receives SIGINT or SIGTERM, then
// lets the signal take its usual course (the process ends). Call the returned function to
// stop watching once r is terminated normally.
//
// It is for programs that handle neither signal themselves. Under Ginkgo, do not use it:
// Ginkgo catches both signals and runs the suite's cleanup nodes, including the
// DeferCleanup that terminates the container, while this would end the process under it.
func CleanupOnSignal(r *Running) (stop func()) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})

	go func() {
		select {
		case <-done:
			return
		case sig := <-signals:
			logger.Printf("%s: removing container %.12s", sig, r.ContainerID)
			ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
			if err := r.Terminate(ctx); err != nil {
				logger.Printf("%v", err)
			}
			cancel()

			// With the handler gone, the same signal ends the process as it would have.
			signal.Stop(signals)
			if self, err := os.FindProcess(os.Getpid()); err == nil {
				_ = self.Signal(sig)
			}
		}
	}()

	return sync.OnceFunc(func() {
		signal.Stop(signals)
		close(done)
	})
}
