// Command ferretdb is koppel's local FerretDB v1 (SQLite backend) server.
//
// It embeds github.com/FerretDB/FerretDB/ferretdb instead of building the upstream
// cmd/ferretdb, because the upstream command panics at start when built from the module
// proxy (build/version/version.txt is generated and not part of the module).
// See docs/decisions/0002-ferretdb-v1-sqlite-embedded-main.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	_ "net/http/pprof" // only served with --debug-addr
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on (host:port; port 0 picks a free port)")
	sqliteDir := flag.String("sqlite-dir", "", "directory for the SQLite database files (created if missing)")
	logLevel := flag.String("log-level", "info", "log level: debug, info, warn, error")
	parentPID := flag.Int("parent-pid", 0, "if set, exit when this process is no longer our parent (watchdog)")
	postgresqlURL := flag.String("postgresql-url", "", "if set, use the PostgreSQL backend at this URL instead of SQLite (postgres://host:port/db)")
	synchronous := flag.String("sqlite-synchronous", "normal", "SQLite's synchronous pragma for every database file: normal (no fsync per commit; WAL keeps a crash of this process lossless) or full")
	debugAddr := flag.String("debug-addr", "", "if set, serve Go's profiler (net/http/pprof) on this address, e.g. 127.0.0.1:6060 (profiling only)")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "invalid --log-level %q: %v\n", *logLevel, err)
		os.Exit(2)
	}
	logger := slog.New(lazyHandler{inner: slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})})

	if *sqliteDir == "" {
		fmt.Fprintln(os.Stderr, "--sqlite-dir is required")
		os.Exit(2)
	}
	dir, err := filepath.Abs(*sqliteDir)
	if err != nil {
		logger.Error("invalid --sqlite-dir", "error", err)
		os.Exit(2)
	}
	if err = os.MkdirAll(dir, 0o755); err != nil {
		logger.Error("cannot create --sqlite-dir", "error", err)
		os.Exit(2)
	}
	if *synchronous != "normal" && *synchronous != "full" {
		fmt.Fprintf(os.Stderr, "invalid --sqlite-synchronous %q: normal or full\n", *synchronous)
		os.Exit(2)
	}
	// FerretDB wants a file: URI of an existing directory that ends with a slash; its query
	// parameters apply to every database file it opens (FerretDB adds WAL and a busy timeout).
	// In WAL mode, synchronous=normal skips the fsync of every commit, a tenth of the server's
	// CPU under load: a crash of this process loses nothing, a crash of the machine may lose
	// the last commits, like MongoDB's default journal interval (decision 0031).
	sqliteURL := "file:" + strings.TrimSuffix(filepath.ToSlash(dir), "/") + "/?_pragma=synchronous(" + *synchronous + ")"

	config := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listenAddr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	}
	if *postgresqlURL != "" {
		config.Handler = "postgresql"
		config.PostgreSQLURL = *postgresqlURL
	}
	f, err := ferretdb.New(config)
	if err != nil {
		logger.Error("cannot start FerretDB", "error", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if *parentPID > 0 {
		go func() {
			for ctx.Err() == nil {
				if os.Getppid() != *parentPID {
					logger.Warn("parent process is gone, shutting down", "parent-pid", *parentPID)
					stop()
					return
				}
				time.Sleep(time.Second)
			}
		}()
	}

	if *debugAddr != "" {
		// The database's own view under load: CPU and allocation profiles (docs/performance.md).
		go func() {
			logger.Warn("profiler listening", "addr", *debugAddr, "error", http.ListenAndServe(*debugAddr, nil))
		}()
	}

	// Work around FerretDB 1.24.2's unused _id index on SQLite (id_index.go).
	if config.Handler == "sqlite" {
		go keepIDIndexes(ctx, dir, 500*time.Millisecond, logger)
	}

	// Readiness line, parsed by infra/src/ferretdb-local.ts.
	fmt.Fprintf(os.Stdout, "FerretDB listening on %s (sqlite %s)\n", f.MongoDBURI(), sqliteURL)

	if err = f.Run(ctx); err != nil {
		logger.Error("FerretDB stopped with an error", "error", err)
		os.Exit(1)
	}
	logger.Info("FerretDB stopped")
}

// lazyHandler defers a logger's With(...) attributes until a record is actually written.
// FerretDB calls logger.With(fields...) around every SQL statement to log it at debug
// level; slog's TextHandler formats those fields at once, enabled or not: 7.5 % of the
// server's CPU under load (docs/performance.md). Here With only keeps them.
type lazyHandler struct {
	inner slog.Handler
	ops   []func(slog.Handler) slog.Handler // WithAttrs/WithGroup calls, in order
}

func (h lazyHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.inner.Enabled(ctx, level)
}

func (h lazyHandler) Handle(ctx context.Context, r slog.Record) error {
	inner := h.inner
	for _, op := range h.ops {
		inner = op(inner)
	}
	return inner.Handle(ctx, r)
}

func (h lazyHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return h.with(func(inner slog.Handler) slog.Handler { return inner.WithAttrs(attrs) })
}

func (h lazyHandler) WithGroup(name string) slog.Handler {
	return h.with(func(inner slog.Handler) slog.Handler { return inner.WithGroup(name) })
}

func (h lazyHandler) with(op func(slog.Handler) slog.Handler) slog.Handler {
	ops := make([]func(slog.Handler) slog.Handler, len(h.ops), len(h.ops)+1)
	copy(ops, h.ops)
	return lazyHandler{inner: h.inner, ops: append(ops, op)}
}
