package container

import (
	"context"
	"testing"
	"time"
)

// BenchmarkStartToFirstAnswer measures, for the reference image, the time from asking for a
// container to the first ListClusters answered by the suite's own client: what every run
// pays before its first spec. Target: under one second.
func BenchmarkStartToFirstAnswer(b *testing.B) {
	image := requireReferenceImage(b)
	ctx := context.Background()

	var total time.Duration
	for b.Loop() {
		start := time.Now()
		running, err := Start(ctx, ReferenceTarget(image))
		if err != nil {
			b.Fatalf("Start: %v", err)
		}
		if _, err := listClusters(ctx, running.URL); err != nil {
			_ = running.Terminate(ctx)
			b.Fatalf("ListClusters: %v", err)
		}
		total += time.Since(start)

		b.StopTimer()
		if err := running.Terminate(ctx); err != nil {
			b.Fatalf("Terminate: %v", err)
		}
		b.StartTimer()
	}

	perStart := total / time.Duration(b.N)
	b.ReportMetric(float64(perStart.Microseconds())/1000, "ms-to-first-answer")
	b.Logf("container start to first answered ListClusters: %s (mean of %d)",
		perStart.Round(time.Millisecond), b.N)
}
