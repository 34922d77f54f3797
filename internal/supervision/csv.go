package supervision

// CSV files that are safe to open in a spreadsheet: RFC 4180 through encoding/csv, UTF-8, text
// cells that could be read as formulas neutralised, numbers kept as numbers, and rows streamed
// as they come.

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Cell is one value of a row: text, a number, or empty.
type Cell struct {
	text   string
	number bool
}

// Text is a text cell; one that a spreadsheet could run as a formula is neutralised.
func Text(s string) Cell { return Cell{text: s} }

// Int is a whole-number cell.
func Int(n int64) Cell { return Cell{text: strconv.FormatInt(n, 10), number: true} }

// Float is a number cell; NaN and infinities are written empty.
func Float(f float64) Cell {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Cell{}
	}
	return Cell{text: strconv.FormatFloat(f, 'f', -1, 64), number: true}
}

// Bool is a true/false cell.
func Bool(b bool) Cell { return Cell{text: strconv.FormatBool(b)} }

// Date is an ISO 8601 calendar date cell.
func Date(t time.Time) Cell { return Cell{text: t.Format("2006-01-02")} }

// Empty is an empty cell.
func Empty() Cell { return Cell{} }

// Value returns what is written for the cell.
func (c Cell) Value() string {
	if c.number || c.text == "" {
		return c.text
	}
	return Neutralise(c.text)
}

// Neutralise prefixes a single quote to text that a spreadsheet would treat as a formula or
// a control sequence: a first character of = + - @, tab, carriage return or NUL.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', 0:
		return "'" + s
	}
	return s
}

// Writer streams rows of cells as CSV.
type Writer struct {
	out  io.Writer
	csv  *csv.Writer
	rows int
	row  []string
}

// NewWriter writes CSV to w, with a UTF-8 byte-order mark first when bom is set (for Excel).
func NewWriter(w io.Writer, bom bool) (*Writer, error) {
	if bom {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return nil, err
		}
	}
	// A thousand rows (one flush) of the long homework export are about 60 kB: one buffer of
	// that size sends them in one write, where csv's own 4 kB buffer made fifteen.
	// (csv.NewWriter uses a bufio.Writer it is given as its buffer.)
	return &Writer{out: w, csv: csv.NewWriter(bufio.NewWriterSize(w, 64<<10))}, nil
}

// Header writes the header row and sends it at once, so the first byte leaves before the
// first row is ready.
func (w *Writer) Header(names ...string) error {
	if err := w.csv.Write(names); err != nil {
		return err
	}
	w.csv.Flush()
	return w.csv.Error()
}

// Row writes one row; it flushes every thousand rows so memory stays flat and bytes flow.
func (w *Writer) Row(cells ...Cell) error {
	w.row = w.row[:0]
	for _, c := range cells {
		w.row = append(w.row, c.Value())
	}
	if err := w.csv.Write(w.row); err != nil {
		return err
	}
	w.rows++
	if w.rows%1000 == 0 {
		w.csv.Flush()
		if err := w.csv.Error(); err != nil {
			return err
		}
		if f, ok := w.out.(interface{ Flush() }); ok {
			f.Flush() // hand the bytes to the client as they come
		}
	}
	return nil
}

// Rows is how many data rows were written.
func (w *Writer) Rows() int { return w.rows }

// Close flushes what is buffered.
func (w *Writer) Close() error {
	w.csv.Flush()
	return w.csv.Error()
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// Filename is a safe attachment name naming the export, its scope and the day, e.g.
// "securebase_caseload-summary_counsellor-C007_2026-11-21.csv".
func Filename(export, scope string, day time.Time) string {
	clean := func(s string) string { return strings.Trim(unsafeName.ReplaceAllString(s, "-"), "-") }
	return fmt.Sprintf("securebase_%s_%s_%s.csv", clean(export), clean(scope), day.Format("2006-01-02"))
}

// WeekOfTreatment is the number of whole weeks from the first appointment to t (0 in the
// first week), the date that de-identified exports give instead of a calendar date.
func WeekOfTreatment(first, t time.Time) int {
	days := int(t.Sub(first).Hours() / 24)
	if days < 0 {
		return -((-days + 6) / 7)
	}
	return days / 7
}
