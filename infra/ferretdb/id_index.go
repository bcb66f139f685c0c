package main

// FerretDB 1.24.2's SQLite backend creates the unique _id index of a collection on the
// expression _ferretdb_sjson->"_id", but looks documents up with the expression
// _ferretdb_sjson->'$._id' (metadata.IDColumn). SQLite matches index expressions by
// their text, so it never uses that index: every findOne, updateOne and deleteOne by
// _id scans the whole table, and their cost grows with the collection (measured: an
// updateOne by _id took 2 ms at 100 documents and 30 ms at 4,000).
//
// keepIDIndexes adds, for every collection table, a plain index on the expression the
// queries use. It is an index like any other: FerretDB's own metadata does not list
// it, dropping the collection drops it, and a MongoDB server needs nothing of the kind.
// See docs/decisions/0014-ferretdb-sqlite-id-lookups.md.

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the same pure-Go SQLite FerretDB uses
)

// idPathIndexSuffix names our index; FerretDB names its own "<table>_<index name>".
const idPathIndexSuffix = "_koppel_id_path"

// keepIDIndexes checks every `every` until ctx ends; new collections get their index
// within that time (a small collection is cheap to scan until then).
func keepIDIndexes(ctx context.Context, dir string, every time.Duration, logger *slog.Logger) {
	checked := map[string]time.Time{}
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		ensureIDIndexes(dir, checked, logger)
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// ensureIDIndexes adds the missing indexes in every database file of dir. checked
// holds each file's last change time when it was last found complete, so a database
// nobody changed costs a stat a tick; a change (a new collection is one) is checked again.
func ensureIDIndexes(dir string, checked map[string]time.Time, logger *slog.Logger) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	for _, file := range files {
		changed := lastChange(file)
		if seen, ok := checked[file]; ok && !changed.After(seen) {
			continue
		}
		if err := ensureIDIndexesIn(file, logger); err != nil {
			// A database being created or dropped right now: try again next tick.
			logger.Debug("could not check _id indexes", "file", file, "error", err)
			continue
		}
		checked[file] = changed
	}
}

// lastChange is the newer modification time of a database file and its write-ahead log.
func lastChange(file string) time.Time {
	var latest time.Time
	for _, f := range []string{file, file + "-wal"} {
		if info, err := os.Stat(f); err == nil && info.ModTime().After(latest) {
			latest = info.ModTime()
		}
	}
	return latest
}

func ensureIDIndexesIn(file string, logger *slog.Logger) error {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()

	rows, err := db.Query(`SELECT c.table_name FROM _ferretdb_collections c
		WHERE NOT EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'index' AND m.name = c.table_name || ?)`, idPathIndexSuffix)
	if err != nil {
		return err // no collection yet
	}
	var tables []string
	for rows.Next() {
		var table string
		if err = rows.Scan(&table); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, table)
	}
	rows.Close()

	for _, table := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s (_ferretdb_sjson->'$._id')`, quoteIdent(table+idPathIndexSuffix), quoteIdent(table))
		if _, err = db.Exec(q); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		logger.Debug("_id lookup index created", "file", filepath.Base(file), "table", table)
	}
	return nil
}

// quoteIdent quotes an SQLite identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
