package report

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"
)

// sortedKeys returns the keys of m in order, for output that does not change between runs.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// relative makes a path from Ginkgo's report relative to the module root, so that reports
// and the catalogue read the same on every machine. Paths outside root are left alone.
func relative(root, path string) string {
	if root == "" || path == "" {
		return path
	}
	rel, err := filepath.Rel(root, path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return path
	}
	return filepath.ToSlash(rel)
}
