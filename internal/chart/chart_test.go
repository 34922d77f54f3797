package chart

import (
	"encoding/xml"
	"errors"
	"html/template"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// node is a parsed SVG element.
type node struct {
	name     string
	attrs    map[string]string
	children []*node
	text     string // character data directly inside the element
}

// parse proves the output is well-formed XML and returns its root element.
func parse(t *testing.T, out string) *node {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(out))
	var root *node
	var stack []*node
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, out)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &node{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				key := a.Name.Local
				if a.Name.Space != "" && a.Name.Local != "xmlns" {
					key = a.Name.Space + ":" + key
				}
				n.attrs[key] = a.Value
			}
			if len(stack) == 0 {
				if root != nil {
					t.Fatalf("more than one root element")
				}
				root = n
			} else {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tk)
			} else if strings.TrimSpace(string(tk)) != "" {
				t.Fatalf("text outside the root element: %q", tk)
			}
		case xml.ProcInst, xml.Directive:
			t.Fatalf("unexpected %T in output", tk)
		}
	}
	if root == nil {
		t.Fatalf("no root element in %q", out)
	}
	return root
}

// all returns every element under n (n included) with the given name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	if n.name == name {
		out = append(out, n)
	}
	for _, c := range n.children {
		out = append(out, c.all(name)...)
	}
	return out
}

// child returns n's first direct child with the given name, or nil.
func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// texts lists the character data of every <text> element.
func (n *node) texts() []string {
	var out []string
	for _, e := range n.all("text") {
		out = append(out, e.text)
	}
	return out
}

func (n *node) walk(f func(*node)) {
	f(n)
	for _, c := range n.children {
		c.walk(f)
	}
}

// render renders s, checks it is well-formed and CSP-safe, and returns the raw output and its tree.
func render(t *testing.T, s Spec) (string, *node) {
	t.Helper()
	out := string(SVG(s))
	root := parse(t, out)
	assertSafe(t, out, root)
	return out, root
}

// assertSafe fails on a style attribute, a <style> or <script> element, an event handler
// attribute, or anything that can load or run script, anywhere in the output.
func assertSafe(t *testing.T, out string, root *node) {
	t.Helper()
	lower := strings.ToLower(out)
	for _, bad := range []string{"style=", "<style", "<script", "javascript:", "<foreignobject", "href="} {
		if strings.Contains(lower, bad) {
			t.Errorf("output contains %q:\n%s", bad, out)
		}
	}
	root.walk(func(n *node) {
		switch strings.ToLower(n.name) {
		case "style", "script", "foreignobject", "a", "use", "image", "iframe":
			t.Errorf("forbidden element <%s>", n.name)
		}
		for k := range n.attrs {
			k = strings.ToLower(k)
			if k == "style" || strings.HasPrefix(k, "on") || strings.HasSuffix(k, "href") {
				t.Errorf("forbidden attribute %q on <%s>", k, n.name)
			}
		}
	})
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func ptr(f float64) *float64 { return &f }

func atof(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return f
}

// goalSpec is a goal tracked over eight weeks against a target, in shuffled order.
func goalSpec() Spec {
	return Spec{
		ID:     "goal-7",
		Title:  "Reassurance requests per day",
		YLabel: "requests per day",
		Points: []Point{
			{Date: date(2026, 4, 7), Value: 6},
			{Date: date(2026, 3, 3), Value: 10, Label: "baseline"},
			{Date: date(2026, 4, 28), Value: 3},
			{Date: date(2026, 3, 17), Value: 8},
			{Date: date(2026, 3, 10), Value: 9.5},
			{Date: date(2026, 4, 21), Value: 4},
			{Date: date(2026, 3, 24), Value: 7},
			{Date: date(2026, 4, 14), Value: 5},
		},
		Lines: []Line{{Value: 2, Label: "Target 2", Dashed: true}},
	}
}

func TestSVGWellFormedAndSafe(t *testing.T) {
	phq := Spec{
		ID: "phq9", Title: "PHQ-9 total", YLabel: "score", YMin: ptr(0), YMax: ptr(27),
		Points: []Point{{Date: date(2025, 11, 20), Value: 19}, {Date: date(2026, 1, 15), Value: 12}, {Date: date(2026, 3, 1), Value: 8}},
		Bands: []Band{
			{From: 0, To: 4, Label: "Minimal 0-4", Fill: "#e7f5ee"},
			{From: 10, To: 14, Label: "Moderate 10-14"},
			{From: 20, To: 27, Label: "Severe 20-27", Fill: "url(javascript:alert(1))"},
		},
		Lines:  []Line{{Value: 10, Label: "Cut-off 10", Dashed: true}},
		Events: []Event{{Date: date(2026, 1, 2), Label: "argument"}, {Date: date(2025, 12, 1), Label: "new job"}},
	}
	tests := []struct {
		name string
		spec Spec
	}{
		{"empty spec", Spec{}},
		{"goal with target", goalSpec()},
		{"questionnaire with bands, cut-off and events", phq},
		{"single point", Spec{ID: "one", Points: []Point{{Date: date(2026, 3, 2), Value: 7}}}},
		{"all on one date", Spec{ID: "same", Points: []Point{{Date: date(2026, 3, 2), Value: 1}, {Date: date(2026, 3, 2), Value: 5}}}},
		{"negative values", Spec{ID: "neg", Points: []Point{{Date: date(2026, 1, 1), Value: -4}, {Date: date(2026, 2, 1), Value: 3.25}}}},
		{"events only", Spec{ID: "ev", Events: []Event{{Date: date(2026, 5, 1), Label: "holiday"}}}},
		{"non-finite values", Spec{ID: "nan", Points: []Point{{Date: date(2026, 1, 1), Value: math.NaN()}, {Date: date(2026, 1, 2), Value: math.Inf(1)}, {Date: date(2026, 1, 3), Value: 2}},
			Lines: []Line{{Value: math.NaN(), Label: "bad"}}, Bands: []Band{{From: math.Inf(-1), To: 3}}, YMax: ptr(math.NaN())}},
		{"custom size", Spec{ID: "small", Width: 320, Height: 160, Points: goalSpec().Points}},
		{"ten years", Spec{ID: "long", Points: []Point{{Date: date(2016, 1, 1), Value: 1}, {Date: date(2026, 6, 1), Value: 2}}}},
		{"huge and tiny values", Spec{ID: "big", Points: []Point{{Date: date(2026, 1, 1), Value: 1e300}, {Date: date(2026, 1, 5), Value: -1e300}, {Date: date(2026, 1, 9), Value: 1e-300}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, root := render(t, tt.spec)
			if root.name != "svg" {
				t.Fatalf("root is <%s>, want <svg>", root.name)
			}
			if _, ok := root.attrs["width"]; ok {
				t.Error("root has a width attribute")
			}
			if _, ok := root.attrs["height"]; ok {
				t.Error("root has a height attribute")
			}
			if again := string(SVG(tt.spec)); again != out {
				t.Error("output is not deterministic")
			}
			for _, r := range root.all("rect") {
				if f := r.attrs["fill"]; strings.Contains(f, "(") {
					t.Errorf("band fill %q was not replaced by the default", f)
				}
			}
		})
	}
}

func TestSVGRoot(t *testing.T) {
	out, root := render(t, goalSpec())
	wantStart := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 240" role="img" aria-labelledby="goal-7-title goal-7-desc" class="chart" preserveAspectRatio="xMidYMid meet">`
	if !strings.HasPrefix(out, wantStart) {
		t.Errorf("root start tag:\n got %s\nwant %s", out[:min(len(out), len(wantStart))], wantStart)
	}
	title, desc := root.child("title"), root.child("desc")
	if title == nil || desc == nil {
		t.Fatal("missing <title> or <desc> as a direct child of <svg>")
	}
	if title.attrs["id"] != "goal-7-title" || title.text != "Reassurance requests per day" {
		t.Errorf("title = %q id %q", title.text, title.attrs["id"])
	}
	want := "8 readings from 3 Mar 2026 to 28 Apr 2026; first 10, latest 3."
	if desc.attrs["id"] != "goal-7-desc" || desc.text != want {
		t.Errorf("desc = %q id %q, want %q", desc.text, desc.attrs["id"], want)
	}
	if !slices.Contains(root.texts(), "requests per day") {
		t.Error("y-axis label missing")
	}
	for _, tx := range root.all("text") {
		if tx.text == "requests per day" && !strings.HasPrefix(tx.attrs["transform"], "rotate(-90 ") {
			t.Errorf("y-axis label transform = %q, want rotate(-90 ...)", tx.attrs["transform"])
		}
	}

	_, small := render(t, Spec{ID: "Goal #3 (client)", Width: 320, Height: 200})
	if got := small.attrs["viewBox"]; got != "0 0 320 200" {
		t.Errorf("viewBox = %q", got)
	}
	if got := small.attrs["aria-labelledby"]; got != "Goal--3--client--title Goal--3--client--desc" {
		t.Errorf("aria-labelledby with a sanitised id = %q", got)
	}
}

func TestSVGPointsRoundTrip(t *testing.T) {
	s := goalSpec()
	_, root := render(t, s)

	want := Table(s)
	circles := root.all("circle")
	if len(circles) != len(want) {
		t.Fatalf("%d circles, want %d", len(circles), len(want))
	}
	var prevX float64
	for i, c := range circles {
		if got, w := c.attrs["data-date"], want[i].Date.Format("2006-01-02"); got != w {
			t.Errorf("circle %d data-date = %q, want %q", i, got, w)
		}
		if got := atof(t, c.attrs["data-value"]); got != want[i].Value {
			t.Errorf("circle %d data-value = %v, want %v", i, got, want[i].Value)
		}
		x := atof(t, c.attrs["cx"])
		if i > 0 && x <= prevX {
			t.Errorf("circle %d x = %v, not right of the previous %v", i, x, prevX)
		}
		prevX = x
	}
	// The 9.5 on 10 Mar is higher than the 8 on 17 Mar, so it sits higher up (smaller y).
	if y1, y2 := atof(t, circles[1].attrs["cy"]), atof(t, circles[2].attrs["cy"]); y1 >= y2 {
		t.Errorf("y of 9.5 = %v, y of 8 = %v: higher value should have smaller y", y1, y2)
	}
	for i := range circles {
		for j := range circles {
			vi, vj := want[i].Value, want[j].Value
			yi, yj := atof(t, circles[i].attrs["cy"]), atof(t, circles[j].attrs["cy"])
			if vi > vj && yi >= yj {
				t.Errorf("value %v at y %v is not above value %v at y %v", vi, yi, vj, yj)
			}
		}
	}

	title := circles[0].child("title")
	if title == nil || title.text != "3 Mar 2026: 10 (baseline)" {
		t.Errorf("first circle title = %+v, want %q", title, "3 Mar 2026: 10 (baseline)")
	}
	if title := circles[1].child("title"); title == nil || title.text != "10 Mar 2026: 9.5" {
		t.Errorf("second circle title = %+v", title)
	}

	lines := root.all("polyline")
	if len(lines) != 1 {
		t.Fatalf("%d polylines, want 1", len(lines))
	}
	if lines[0].attrs["fill"] != "none" || lines[0].attrs["stroke"] != "#2f6f62" {
		t.Errorf("polyline attrs = %v", lines[0].attrs)
	}
	if n := len(strings.Fields(lines[0].attrs["points"])); n != len(want) {
		t.Errorf("polyline has %d points, want %d", n, len(want))
	}
}

func TestSVGBandsLinesEvents(t *testing.T) {
	s := Spec{
		ID: "gad7", YMin: ptr(0), YMax: ptr(21),
		Points: []Point{{Date: date(2026, 2, 1), Value: 15}, {Date: date(2026, 3, 1), Value: 9}},
		Bands: []Band{
			{From: 10, To: 14, Label: "Moderate 10-14", Fill: "#fde2e1"},
			{From: 15, To: 21, Label: "Severe 15-21"},
			{From: 30, To: 40, Label: "Off the scale"},
		},
		Lines: []Line{
			{Value: 10, Label: "Cut-off 10", Dashed: true},
			{Value: 5, Label: "Target 5"},
			{Value: 99, Label: "Out of range"},
		},
		Events: []Event{{Date: date(2026, 2, 14), Label: "argument with partner about the holiday"}},
	}
	_, root := render(t, s)
	texts := root.texts()
	for _, want := range []string{"Moderate 10-14", "Severe 15-21", "Cut-off 10", "Target 5"} {
		if !slices.Contains(texts, want) {
			t.Errorf("label %q missing from %q", want, texts)
		}
	}
	for _, absent := range []string{"Off the scale", "Out of range"} {
		if slices.Contains(texts, absent) {
			t.Errorf("%q is outside the axis range but was drawn", absent)
		}
	}

	rects := root.all("rect")
	if len(rects) != 2 {
		t.Fatalf("%d band rects, want 2", len(rects))
	}
	if rects[0].attrs["fill"] != "#fde2e1" || rects[1].attrs["fill"] != "#f3f4f6" {
		t.Errorf("band fills = %q, %q", rects[0].attrs["fill"], rects[1].attrs["fill"])
	}
	// Bands come first, behind everything else.
	if first := root.child("g").children[0]; first.attrs["class"] != "chart-bands" {
		t.Errorf("first layer is %q, want the bands", first.attrs["class"])
	}

	var dashed, solid int
	for _, ln := range root.all("line") {
		if ln.attrs["stroke"] != "#b45309" {
			continue
		}
		if ln.attrs["stroke-dasharray"] != "" {
			dashed++
		} else {
			solid++
		}
	}
	if dashed != 1 || solid != 1 {
		t.Errorf("reference lines: %d dashed, %d solid; want 1 and 1", dashed, solid)
	}

	var event *node
	root.walk(func(n *node) {
		if n.attrs["class"] == "chart-event" {
			event = n
		}
	})
	if event == nil {
		t.Fatal("no event drawn")
	}
	if title := event.child("title"); title == nil || title.text != "14 Feb 2026: argument with partner about the holiday" {
		t.Errorf("event title = %+v", title)
	}
	line, text := event.child("line"), event.child("text")
	if line == nil || line.attrs["stroke-dasharray"] == "" || line.attrs["x1"] != line.attrs["x2"] {
		t.Errorf("event line = %+v, want a vertical dashed line", line)
	}
	if text == nil || len([]rune(text.text)) > eventLabelRunes || !strings.HasPrefix(text.text, "argument") {
		t.Errorf("event label = %+v, want a short label", text)
	}
}

func TestSVGEscapesHostileText(t *testing.T) {
	const script = `<script>alert(1)</script>`
	const attr = `" onload="x`
	hostile := script + attr
	s := Spec{
		ID: hostile, Title: hostile, YLabel: hostile,
		Points: []Point{{Date: date(2026, 3, 2), Value: 7, Label: hostile}, {Date: date(2026, 3, 9), Value: 5, Label: "Tom & Jerry's"}},
		Bands:  []Band{{From: 0, To: 3, Label: hostile, Fill: attr}},
		Lines:  []Line{{Value: 4, Label: hostile}},
		Events: []Event{{Date: date(2026, 3, 5), Label: hostile}},
	}
	out, root := render(t, s)
	for _, raw := range []string{script, attr, "<script", `onload="`} {
		if strings.Contains(out, raw) {
			t.Errorf("output contains %q unescaped", raw)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("script label is not present in escaped form")
	}
	if !strings.Contains(out, "&#34; onload=&#34;x") {
		t.Error("attribute-breaking label is not present in escaped form")
	}
	// Decoded, the hostile strings come back as plain text: they were data, never markup.
	var found int
	root.walk(func(n *node) {
		if strings.Contains(n.text, hostile) {
			found++
		}
		if _, ok := n.attrs["onload"]; ok {
			t.Errorf("<%s> gained an onload attribute", n.name)
		}
	})
	// title, y label, point tooltip, band label, line label, event tooltip
	if found < 6 {
		t.Errorf("hostile text found intact in %d text nodes, want at least 6", found)
	}
	if got := root.all("circle")[1].child("title").text; got != "9 Mar 2026: 5 (Tom & Jerry's)" {
		t.Errorf("ampersand label round trip = %q", got)
	}
	id := root.child("title").attrs["id"]
	if strings.Trim(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != "" {
		t.Errorf("title id %q has characters outside [a-zA-Z0-9_-]", id)
	}
}

func TestSVGEmpty(t *testing.T) {
	_, root := render(t, Spec{ID: "e", Title: "Sleep", Lines: []Line{{Value: 8, Label: "Target 8"}}})
	if got := root.child("desc").text; got != "No readings yet." {
		t.Errorf("desc = %q", got)
	}
	texts := root.texts()
	for _, want := range []string{"No data yet", "Target 8", "0"} {
		if !slices.Contains(texts, want) {
			t.Errorf("text %q missing from %q", want, texts)
		}
	}
	if n := len(root.all("circle")) + len(root.all("polyline")); n != 0 {
		t.Errorf("%d point elements drawn with no points", n)
	}
	var empty *node
	for _, tx := range root.all("text") {
		if tx.text == "No data yet" {
			empty = tx
		}
	}
	l := newLayout(Spec{Lines: []Line{{Value: 8}}}, nil)
	if empty.attrs["text-anchor"] != "middle" || atof(t, empty.attrs["x"]) != math.Round((l.left+l.right)/2*100)/100 {
		t.Errorf("'No data yet' is not centred: %v", empty.attrs)
	}
	if len(root.all("line")) < 3 { // y axis, x axis, target
		t.Errorf("axes and the target line should still be drawn")
	}
}

func TestSVGSinglePointAndOneDate(t *testing.T) {
	tests := []struct {
		name   string
		points []Point
		desc   string
	}{
		{"single point", []Point{{Date: date(2026, 3, 2), Value: 7}}, "1 reading on 2 Mar 2026; value 7."},
		{"three on one date", []Point{{Date: date(2026, 3, 2), Value: 7}, {Date: date(2026, 3, 2), Value: 4}, {Date: date(2026, 3, 2), Value: 5}}, "3 readings on 2 Mar 2026; first 7, latest 5."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Spec{ID: "p", Points: tt.points}
			_, root := render(t, s)
			if got := root.child("desc").text; got != tt.desc {
				t.Errorf("desc = %q, want %q", got, tt.desc)
			}
			circles := root.all("circle")
			if len(circles) != len(tt.points) {
				t.Fatalf("%d circles, want %d", len(circles), len(tt.points))
			}
			l := newLayout(s, sortedPoints(s.Points))
			if !l.x0.Equal(date(2026, 3, 1)) || !l.x1.Equal(date(2026, 3, 3)) {
				t.Errorf("x domain = %v..%v, want one day either side", l.x0, l.x1)
			}
			// One day's readings sit side by side, in the order given, the latest in the middle.
			mid := (l.left + l.right) / 2
			for i, c := range circles {
				want := mid - float64(len(circles)-1-i)*sameDayGap
				if c.attrs["cx"] != num(want) {
					t.Errorf("circle %d cx = %s, want %s", i, c.attrs["cx"], num(want))
				}
			}
			texts := root.texts()
			for _, want := range []string{"1 Mar", "2 Mar", "3 Mar"} {
				if !slices.Contains(texts, want) {
					t.Errorf("date tick %q missing from %q", want, texts)
				}
			}
		})
	}
}

func TestSVGFixedRange(t *testing.T) {
	s := Spec{
		ID: "phq", YMin: ptr(0), YMax: ptr(27),
		Points: []Point{{Date: date(2026, 1, 1), Value: 27}, {Date: date(2026, 1, 8), Value: 0}, {Date: date(2026, 1, 15), Value: 13.5}},
	}
	_, root := render(t, s)
	l := newLayout(s, sortedPoints(s.Points))
	if l.y.lo != 0 || l.y.hi != 27 {
		t.Fatalf("y domain = %v..%v, want 0..27", l.y.lo, l.y.hi)
	}
	c := root.all("circle")
	if got := atof(t, c[0].attrs["cy"]); got != l.top {
		t.Errorf("value at YMax: y = %v, want the top of the plot %v", got, l.top)
	}
	if got := atof(t, c[1].attrs["cy"]); got != l.bottom {
		t.Errorf("value at YMin: y = %v, want the bottom of the plot %v", got, l.bottom)
	}
	if got, want := atof(t, c[2].attrs["cy"]), (l.top+l.bottom)/2; math.Abs(got-want) > 0.01 {
		t.Errorf("value at the middle: y = %v, want %v", got, want)
	}
	texts := root.texts()
	for _, want := range []string{"0", "5", "10", "15", "20", "25"} {
		if !slices.Contains(texts, want) {
			t.Errorf("y tick %q missing from %q", want, texts)
		}
	}
	if slices.Contains(texts, "30") {
		t.Error("a fixed 0-27 axis was extended to 30")
	}
}

func TestYScaleComputed(t *testing.T) {
	tests := []struct {
		name           string
		spec           Spec
		wantLo, wantHi float64
	}{
		{"zero baseline for counts", Spec{Points: []Point{{Value: 3}, {Value: 10}}}, 0, 12.5},
		{"no zero baseline far from zero", Spec{Points: []Point{{Value: 60}, {Value: 75}}}, 55, 80},
		{"target above the data", Spec{Points: []Point{{Value: 2}, {Value: 4}}, Lines: []Line{{Value: 8}}}, 0, 10},
		{"bands widen the range", Spec{Points: []Point{{Value: 5}}, Bands: []Band{{From: 0, To: 20}}}, 0, 25},
		{"negative values", Spec{Points: []Point{{Value: -4}, {Value: 3}}}, -6, 4},
		{"one value", Spec{Points: []Point{{Value: 7}}}, 0, 8},
		{"nothing", Spec{}, 0, 10},
		{"only YMin fixed", Spec{YMin: ptr(1), Points: []Point{{Value: 6}}}, 1, 8},
		{"only YMax fixed", Spec{YMax: ptr(10), Points: []Point{{Value: 3}}}, 0, 10},
		{"reversed fixed range", Spec{YMin: ptr(10), YMax: ptr(0)}, 0, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := yScale(tt.spec, sortedPoints(tt.spec.Points))
			if sc.lo != tt.wantLo || sc.hi != tt.wantHi {
				t.Errorf("range = %v..%v (ticks %v), want %v..%v", sc.lo, sc.hi, sc.ticks, tt.wantLo, tt.wantHi)
			}
			for _, p := range tt.spec.Points {
				if p.Value < sc.lo || p.Value > sc.hi {
					t.Errorf("point %v outside the axis %v..%v", p.Value, sc.lo, sc.hi)
				}
			}
		})
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		lo, hi float64
		extend bool
		want   []float64
		labels []string
	}{
		{0, 27, false, []float64{0, 5, 10, 15, 20, 25}, nil},
		{0, 21, false, []float64{0, 5, 10, 15, 20}, nil},
		{0, 29.7, true, []float64{0, 10, 20, 30}, nil},
		{0, 10, false, []float64{0, 2, 4, 6, 8, 10}, nil},
		{0, 100, false, []float64{0, 20, 40, 60, 80, 100}, nil},
		{0, 1, false, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}, []string{"0", "0.2", "0.4", "0.6", "0.8", "1"}},
		{-3, 7, true, []float64{-5, -2.5, 0, 2.5, 5, 7.5}, []string{"-5", "-2.5", "0", "2.5", "5", "7.5"}},
		{0, 12000, true, []float64{0, 2500, 5000, 7500, 10000, 12500}, []string{"0", "2500", "5000", "7500", "10000", "12500"}},
	}
	for _, tt := range tests {
		sc := niceScale(tt.lo, tt.hi, tt.extend, tt.extend)
		if !slices.Equal(sc.ticks, tt.want) {
			t.Errorf("niceScale(%v, %v, %v) = %v, want %v", tt.lo, tt.hi, tt.extend, sc.ticks, tt.want)
		}
		if tt.labels != nil {
			var got []string
			for _, v := range sc.ticks {
				got = append(got, sc.label(v))
			}
			if !slices.Equal(got, tt.labels) {
				t.Errorf("labels for %v..%v = %q, want %q", tt.lo, tt.hi, got, tt.labels)
			}
		}
	}
}

// TestNiceScaleProperties sweeps many ranges: 4-6 ticks (at least 3 on a fixed range, where
// e.g. 0.3-7.8 has no nice step with 4-6), an even nice step, inside a fixed range and covering
// an extended one.
func TestNiceScaleProperties(t *testing.T) {
	nice := func(step float64) bool {
		e := math.Floor(math.Log10(step))
		m := step / math.Pow(10, e)
		for _, n := range []float64{1, 2, 2.5, 5, 10} {
			if math.Abs(m-n) < 1e-6 {
				return true
			}
		}
		return false
	}
	for _, lo := range []float64{-50, -1, 0, 0.3, 7, 120} {
		for _, span := range []float64{0.05, 0.9, 1, 3, 7.5, 13, 27, 44, 99, 250, 1234} {
			for _, extend := range []bool{false, true} {
				hi := lo + span
				sc := niceScale(lo, hi, extend, extend)
				n := len(sc.ticks)
				if minTicks := map[bool]int{false: 3, true: 4}[extend]; n < minTicks || n > 6 {
					t.Errorf("niceScale(%v, %v, %v): %d ticks %v, want %d-6", lo, hi, extend, n, sc.ticks, minTicks)
					continue
				}
				step := sc.ticks[1] - sc.ticks[0]
				if !nice(step) {
					t.Errorf("niceScale(%v, %v, %v): step %v is not 1, 2, 2.5 or 5 x 10^n", lo, hi, extend, step)
				}
				for i := 1; i < n; i++ {
					if d := sc.ticks[i] - sc.ticks[i-1]; math.Abs(d-step) > step*1e-9 {
						t.Errorf("niceScale(%v, %v, %v): uneven ticks %v", lo, hi, extend, sc.ticks)
						break
					}
				}
				if extend && (sc.lo > lo || sc.hi < hi || sc.ticks[0] != sc.lo || sc.ticks[n-1] != sc.hi) {
					t.Errorf("niceScale(%v, %v, extend): domain %v..%v ticks %v do not cover the range", lo, hi, sc.lo, sc.hi, sc.ticks)
				}
				if !extend && (sc.ticks[0] < lo-1e-9 || sc.ticks[n-1] > hi+1e-9 || sc.lo != lo || sc.hi != hi) {
					t.Errorf("niceScale(%v, %v, fixed): ticks %v leave the range", lo, hi, sc.ticks)
				}
			}
		}
	}
}

func TestDateTicks(t *testing.T) {
	format := func(l layout) []string {
		var out []string
		f := layoutTick
		if l.x0.Year() != l.x1.Year() {
			f = layoutLong
		}
		for _, d := range l.xTicks {
			out = append(out, d.Format(f))
		}
		return out
	}
	tests := []struct {
		name   string
		points []Point
		want   []string
	}{
		{"eight weekly readings", goalSpec().Points, []string{"3 Mar", "17 Mar", "31 Mar", "14 Apr", "28 Apr"}},
		{"four days", []Point{{Date: date(2026, 3, 2)}, {Date: date(2026, 3, 6)}}, []string{"2 Mar", "3 Mar", "4 Mar", "5 Mar", "6 Mar"}},
		{"across new year", []Point{{Date: date(2025, 11, 20)}, {Date: date(2026, 3, 1)}}, []string{"20 Nov 2025", "11 Dec 2025", "1 Jan 2026", "22 Jan 2026", "12 Feb 2026"}},
		{"two years", []Point{{Date: date(2024, 5, 10)}, {Date: date(2026, 4, 1)}}, []string{"1 Jul 2024", "1 Jan 2025", "1 Jul 2025", "1 Jan 2026"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLayout(Spec{Points: tt.points}, sortedPoints(tt.points))
			if got := format(l); !slices.Equal(got, tt.want) {
				t.Errorf("ticks = %q, want %q", got, tt.want)
			}
		})
	}

	// Any span from a day to decades gets 3-6 ticks inside the domain.
	start := date(2026, 1, 3)
	for _, days := range []int{0, 1, 2, 3, 5, 6, 7, 9, 13, 20, 30, 41, 42, 43, 60, 84, 85, 100, 150, 181, 200, 365, 400, 700, 1000, 2000, 4000, 10000} {
		pts := []Point{{Date: start}, {Date: start.AddDate(0, 0, days)}}
		l := newLayout(Spec{Points: pts}, pts)
		if n := len(l.xTicks); n < 3 || n > 6 {
			t.Errorf("%d days: %d ticks %v, want 3-6", days, n, format(l))
		}
		for _, d := range l.xTicks {
			if d.Before(l.x0) || d.After(l.x1) {
				t.Errorf("%d days: tick %v outside %v..%v", days, d, l.x0, l.x1)
			}
		}
	}
}

func TestTable(t *testing.T) {
	s := goalSpec()
	s.Points = append(s.Points, Point{Date: date(2026, 3, 31), Value: math.NaN()})
	rows := Table(s)
	if len(rows) != 8 {
		t.Fatalf("%d rows, want 8 (the NaN reading left out)", len(rows))
	}
	if !slices.IsSortedFunc(rows, func(a, b Row) int { return a.Date.Compare(b.Date) }) {
		t.Errorf("rows not sorted by date: %v", rows)
	}
	if rows[0] != (Row{Date: date(2026, 3, 3), Value: 10, Label: "baseline"}) {
		t.Errorf("first row = %+v", rows[0])
	}
	if rows[7].Value != 3 {
		t.Errorf("last row = %+v", rows[7])
	}
	if s.Points[0].Date != date(2026, 4, 7) {
		t.Error("Table reordered the caller's points")
	}
	if rows := Table(Spec{}); rows == nil || len(rows) != 0 {
		t.Errorf("Table of nothing = %#v, want an empty slice", rows)
	}
}

func TestSanitiseID(t *testing.T) {
	tests := map[string]string{
		"goal-7":           "goal-7",
		"a_b-C9":           "a_b-C9",
		"":                 "chart",
		"goal 7":           "goal-7",
		`x"><script>`:      "x---script-",
		"phq9/ü":           "phq9--",
		"client:42.scores": "client-42-scores",
	}
	for in, want := range tests {
		if got := sanitiseID(in); got != want {
			t.Errorf("sanitiseID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRightLabelsDoNotOverlap(t *testing.T) {
	s := Spec{
		ID: "phq", YMin: ptr(0), YMax: ptr(27),
		Bands: []Band{{From: 5, To: 9, Label: "Mild 5-9"}, {From: 9.5, To: 10.5, Label: "Thin"}, {From: 10, To: 14, Label: "Moderate 10-14"}},
		Lines: []Line{{Value: 10, Label: "Cut-off 10"}, {Value: 10.2, Label: "Close by"}, {Value: 5, Label: "Target 5"}, {Value: 12, Dashed: true}},
	}
	_, root := render(t, s)
	var ys []float64
	for _, tx := range root.all("text") {
		if tx.attrs["x"] == num(newLayout(s, nil).right-4) {
			ys = append(ys, atof(t, tx.attrs["y"]))
		}
	}
	if len(ys) != 6 {
		t.Fatalf("%d labels at the right edge, want 6 (the unlabelled line has none)", len(ys))
	}
	slices.Sort(ys)
	for i := 1; i < len(ys); i++ {
		if ys[i]-ys[i-1] < labelGap-0.01 {
			t.Errorf("right-edge labels at y %v and %v overlap (all: %v)", ys[i-1], ys[i], ys)
		}
	}
}

func TestEventLabelsStagger(t *testing.T) {
	pts := []Point{{Date: date(2026, 1, 1), Value: 1}, {Date: date(2026, 3, 1), Value: 2}}
	tests := []struct {
		name    string
		events  []Event
		rows    []int
		wantTop float64
	}{
		{"no events", nil, nil, marginTop},
		{"apart", []Event{{Date: date(2026, 2, 1), Label: "argument"}, {Date: date(2026, 1, 10), Label: "new job"}}, []int{0, 0}, marginTopEv},
		{"close together", []Event{{Date: date(2026, 2, 1), Label: "argument"}, {Date: date(2026, 2, 2), Label: "holiday"}, {Date: date(2026, 2, 3), Label: "moved house"}}, []int{0, 1, -1}, marginTopEv + smallFont + 1},
		{"unlabelled", []Event{{Date: date(2026, 2, 1)}}, []int{-1}, marginTop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Spec{ID: "ev", Points: pts, Events: tt.events}
			l := newLayout(s, pts)
			var rows []int
			for _, e := range l.events {
				rows = append(rows, e.row)
			}
			if !slices.Equal(rows, tt.rows) {
				t.Errorf("rows = %v, want %v", rows, tt.rows)
			}
			if l.top != tt.wantTop {
				t.Errorf("plot top = %v, want %v", l.top, tt.wantTop)
			}
			_, root := render(t, s)
			var events []*node
			root.walk(func(n *node) {
				if n.attrs["class"] == "chart-event" {
					events = append(events, n)
				}
			})
			if len(events) != len(tt.events) {
				t.Fatalf("%d events drawn, want %d", len(events), len(tt.events))
			}
			for i, e := range events {
				if (e.child("text") != nil) != (tt.rows[i] >= 0) {
					t.Errorf("event %d: label drawn = %v, want %v", i, e.child("text") != nil, tt.rows[i] >= 0)
				}
				if e.child("title") == nil || e.child("line") == nil {
					t.Errorf("event %d lacks its tooltip or line", i)
				}
			}
		})
	}
}

func TestSVGInHTMLTemplate(t *testing.T) {
	svg := SVG(goalSpec())
	page := template.Must(template.New("p").Parse(`<figure>{{.}}</figure>`))
	var b strings.Builder
	if err := page.Execute(&b, svg); err != nil {
		t.Fatal(err)
	}
	if want := "<figure>" + string(svg) + "</figure>"; b.String() != want {
		t.Error("html/template changed the SVG; it should pass template.HTML through as is")
	}
}
