package config

import (
	"errors"
	"os"
	"strings"
)

// secret reads a value that may be a secret: from the file named by KEY_FILE when that is set
// (Docker and Kubernetes secrets), else from KEY. Setting both is an error, so an operator never
// wonders which one is in force.
func (r *reader) secret(key, def string) string {
	file := r.str(key+"_FILE", "")
	if file == "" {
		return r.str(key, def)
	}
	if v, ok := r.lookup(key); ok && strings.TrimSpace(v) != "" {
		r.fail(key+"_FILE", file, errors.New("set "+key+" or "+key+"_FILE, not both"))
		return def
	}
	b, err := os.ReadFile(file) //nolint:gosec // the operator names the file
	if err != nil {
		// The error names the file, never its content.
		r.fail(key+"_FILE", file, err)
		return def
	}
	v := strings.TrimSpace(string(b))
	if v == "" {
		r.fail(key+"_FILE", file, errors.New("the file is empty"))
		return def
	}
	return v
}
