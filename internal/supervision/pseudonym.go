// Package supervision holds the export files and their rules: the files on offer, their CSV
// layouts (columns, headers, the shaping of each row), spreadsheet-safe CSV writing, and
// de-identification (keyed pseudonyms for clients and counsellors, weeks of treatment in place
// of dates, positional names for counsellor-typed keys, which clients and columns a
// de-identified file may carry). It is pure: no SQL, no HTTP; the store reads the rows and
// the web layer streams them.
package supervision

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"strconv"
	"strings"
)

// KeySize is the length in bytes of a practice's pseudonym key.
const KeySize = 32

// NewKey returns a fresh random pseudonym key.
func NewKey() ([]byte, error) {
	k := make([]byte, KeySize)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	return k, nil
}

// Pseudonymiser names people in de-identified files with a keyed hash of their row id: the
// same person gets the same code under one key, and unrelated codes under another, so codes
// are stable across a practice's exports and unlinkable across practices or after rotation.
// Without the key nobody can compute a code from an id, nor an id from a code.
type Pseudonymiser struct{ key []byte }

// NewPseudonymiser checks the key and returns a pseudonymiser.
func NewPseudonymiser(key []byte) (Pseudonymiser, error) {
	if len(key) != KeySize {
		return Pseudonymiser{}, errors.New("supervision: a pseudonym key must be 32 bytes")
	}
	return Pseudonymiser{key: append([]byte(nil), key...)}, nil
}

// codeAlphabet is Crockford-like base32 without the letters easily misread.
var codeAlphabet = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// code is prefix-XXXXXXXX: 40 bits of HMAC-SHA256 over the kind and the id.
func (p Pseudonymiser) code(prefix, kind string, id int64) string {
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(kind + ":" + strconv.FormatInt(id, 10)))
	return prefix + "-" + codeAlphabet.EncodeToString(m.Sum(nil)[:5])
}

// Client is a client's pseudonym, C-XXXXXXXX.
func (p Pseudonymiser) Client(id int64) string { return p.code("C", "client", id) }

// Counsellor is a counsellor's pseudonym, T-XXXXXXXX (T for therapist).
func (p Pseudonymiser) Counsellor(id int64) string { return p.code("T", "counsellor", id) }

// IsClientCode reports whether s has the shape of a client pseudonym.
func IsClientCode(s string) bool {
	if len(s) != 10 || !strings.HasPrefix(s, "C-") {
		return false
	}
	_, err := codeAlphabet.DecodeString(s[2:])
	return err == nil
}
