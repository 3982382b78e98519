package reference

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

// shutdownTimeout bounds how long Close waits for requests in flight.
const shutdownTimeout = 5 * time.Second

// Running is a Server listening on a TCP port.
type Running struct {
	// URL is the endpoint to give an SDK client, like http://127.0.0.1:PORT.
	URL string

	server    *http.Server
	served    chan error // receives Serve's result once it returns
	closeOnce sync.Once
	closeErr  error

	mu    sync.Mutex
	fresh map[net.Conn]struct{} // connections that have not sent a request yet; guarded by mu
}

// Listen serves s on addr ("127.0.0.1:0" picks a free port) until Close is called. It
// returns once the port is open, so the URL is usable at once.
func (s *Server) Listen(addr string) (*Running, error) {
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}

	r := &Running{
		URL:    "http://" + listener.Addr().String(),
		server: &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second},
		served: make(chan error, 1),
		fresh:  map[net.Conn]struct{}{},
	}
	r.server.ConnState = r.track
	r.server.RegisterOnShutdown(r.closeFresh)
	go func() { r.served <- r.server.Serve(listener) }()
	return r, nil
}

// Close stops accepting connections and waits, at most a few seconds, for the requests in
// flight to finish; past that it closes the remaining connections. Calling it again
// returns the first call's result, so cleanup code need not track whether it ran.
func (r *Running) Close() error {
	r.closeOnce.Do(func() { r.closeErr = r.shutdown() })
	return r.closeErr
}

// track follows which connections are fresh: opened, but with no request read yet.
func (r *Running) track(conn net.Conn, state http.ConnState) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if state == http.StateNew {
		r.fresh[conn] = struct{}{}
	} else {
		delete(r.fresh, conn)
	}
}

// closeFresh closes the fresh connections once Shutdown has closed the listener. Shutdown
// itself waits up to 5 seconds for such a connection to send a request, and HTTP clients
// often leave one behind (a connection dialled for a request that another one then served):
// without this, stopping the endpoint at the end of a run sometimes took 5 seconds.
func (r *Running) closeFresh() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for conn := range r.fresh {
		_ = conn.Close()
	}
}

func (r *Running) shutdown() error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()

	err := r.server.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = r.server.Close()
	}
	if serveErr := <-r.served; !errors.Is(serveErr, http.ErrServerClosed) {
		return errors.Join(err, serveErr)
	}
	return err
}
