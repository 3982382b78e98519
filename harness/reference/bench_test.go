package reference

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The figures below are printed by `make bench` and quoted in the README; no test asserts a
// timing, since a shared CI machine cannot promise one.

// BenchmarkRegisterDeregisterPairs measures the reference over loopback HTTP, as a suite
// uses it: each operation is one RegisterContainerInstance and one
// DeregisterContainerInstance of that instance, by 1 client and by 8 clients at once (on a
// 2-core machine the clients and the endpoint share the cores). Besides ns/op it reports
// pairs per second and the percentiles of single requests' latency.
func BenchmarkRegisterDeregisterPairs(b *testing.B) {
	for _, clients := range []int{1, 8} {
		b.Run("clients="+strconv.Itoa(clients), func(b *testing.B) {
			benchmarkPairs(b, clients)
		})
	}
}

func benchmarkPairs(b *testing.B, clients int) {
	running, err := New(Options{}).Listen("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer running.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	post(b, client, running.URL, "CreateCluster", `{"clusterName":"bench"}`)

	var (
		mu        sync.Mutex
		latencies []time.Duration
		taken     atomic.Int64
		wg        sync.WaitGroup
	)
	b.ResetTimer()
	start := time.Now()
	for range clients {
		wg.Go(func() {
			var mine []time.Duration
			for n := taken.Add(1); n <= int64(b.N); n = taken.Add(1) {
				t0 := time.Now()
				answer := post(b, client, running.URL, "RegisterContainerInstance",
					registerBody("bench", "i-"+strconv.FormatInt(n, 16)))
				t1 := time.Now()
				post(b, client, running.URL, "DeregisterContainerInstance",
					`{"cluster":"bench","containerInstance":"`+instanceARNOf(b, answer)+`"}`)
				mine = append(mine, t1.Sub(t0), time.Since(t1))
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()

	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "pairs/s")
	slices.Sort(latencies)
	for _, p := range []int{50, 90, 99} {
		b.ReportMetric(microseconds(percentile(latencies, p)), fmt.Sprintf("p%d-µs", p))
	}
}

// BenchmarkDeregisterAtClusterSize measures deregistration in clusters of 10, 1 000 and
// 100 000 container instances, through the handler without HTTP, so that only the
// reference's own cost is timed; it must not grow with the cluster. Each operation
// deregisters the oldest live instance and registers a new one in its place, so the cluster
// keeps its size: ns/op is the pair, ns/deregistration the deregistration alone. It also
// reports the heap the cluster takes.
func BenchmarkDeregisterAtClusterSize(b *testing.B) {
	for _, size := range []int{10, 1_000, 100_000} {
		b.Run("instances="+strconv.Itoa(size), func(b *testing.B) {
			heapBefore := heapInUse()
			server := New(Options{})
			serve(b, server, "CreateCluster", `{"clusterName":"bench"}`)
			arns := make([]string, size)
			for k := range arns {
				arns[k] = instanceARNOf(b, serve(b, server, "RegisterContainerInstance",
					registerBody("bench", "i-"+strconv.Itoa(k))))
			}
			heap := heapInUse() - heapBefore

			var deregistering time.Duration
			next := size
			for b.Loop() {
				victim := arns[0]
				arns = arns[1:]
				start := time.Now()
				serve(b, server, "DeregisterContainerInstance",
					`{"cluster":"bench","containerInstance":"`+victim+`"}`)
				deregistering += time.Since(start)

				arns = append(arns, instanceARNOf(b, serve(b, server,
					"RegisterContainerInstance", registerBody("bench", "i-"+strconv.Itoa(next)))))
				next++
			}
			b.ReportMetric(float64(deregistering.Nanoseconds())/float64(b.N), "ns/deregistration")
			b.ReportMetric(float64(heap)/(1<<20), "MB-heap")
			runtime.KeepAlive(server)
		})
	}
}

// registerBody is a minimal agent registration for an EC2 instance.
func registerBody(cluster, ec2ID string) string {
	document := strconv.Quote(`{"instanceId":"` + ec2ID + `","availabilityZone":"us-east-1a"}`)
	return `{"cluster":"` + cluster + `","instanceIdentityDocument":` + document +
		`,"totalResources":[{"name":"CPU","type":"INTEGER","integerValue":2048},` +
		`{"name":"MEMORY","type":"INTEGER","integerValue":4096}]}`
}

// post sends one request over HTTP and returns the answer's body; anything but 200 stops
// the benchmark.
func post(b *testing.B, client *http.Client, url, op, body string) []byte {
	r, err := http.NewRequest(http.MethodPost, url+"/", bytes.NewBufferString(body))
	if err != nil {
		b.Fatal(err)
	}
	r.Header.Set("X-Amz-Target", targetPrefix+op)
	r.Header.Set("Content-Type", jsonContentType)
	answer, err := client.Do(r)
	if err != nil {
		b.Fatal(err)
	}
	defer answer.Body.Close()
	read, err := io.ReadAll(answer.Body)
	if err != nil || answer.StatusCode != http.StatusOK {
		b.Fatalf("%s: %d %s %v", op, answer.StatusCode, read, err)
	}
	return read
}

// serve calls the handler directly and returns the answer's body.
func serve(b *testing.B, server *Server, op, body string) []byte {
	r := httptest.NewRequest(http.MethodPost, "/", bytes.NewBufferString(body))
	r.Header.Set("X-Amz-Target", targetPrefix+op)
	r.Header.Set("Content-Type", jsonContentType)
	w := httptest.NewRecorder()
	server.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		b.Fatalf("%s: %d %s", op, w.Code, w.Body)
	}
	return w.Body.Bytes()
}

// instanceARNOf reads the instance's ARN from a registration's answer without decoding the
// whole answer, which would dominate the timing of the benchmarks.
func instanceARNOf(b *testing.B, answer []byte) string {
	const key = `"containerInstanceArn":"`
	start := bytes.Index(answer, []byte(key))
	if start < 0 {
		b.Fatalf("no containerInstanceArn in %s", answer)
	}
	rest := answer[start+len(key):]
	return string(rest[:bytes.IndexByte(rest, '"')])
}

// heapInUse is the live heap after a full collection.
func heapInUse() int64 {
	runtime.GC()
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	return int64(stats.HeapAlloc)
}

// percentile returns the p-th percentile of sorted durations (nearest rank).
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}

func microseconds(d time.Duration) float64 {
	return float64(d) / float64(time.Microsecond)
}
