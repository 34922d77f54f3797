package chart

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// gridSpecs is a progress page's worth of small charts: readings on different days, one day
// with two readings, and event notes with numbered marks.
func gridSpecs() []Spec {
	events := []Event{
		{Date: date(2026, 1, 20), Label: "Argument about the holiday plans with partner", Mark: "1"},
		{Date: date(2026, 3, 2), Label: "New job", Mark: "2"},
	}
	size := func(s Spec) Spec {
		s.Width, s.Height, s.YMin, s.YMax, s.Events, s.Legend = SmallWidth, SmallHeight, ptr(0), ptr(10), events, true
		return s
	}
	return []Spec{
		size(Spec{ID: "m1", Title: "Sleep", Points: []Point{{Date: date(2026, 2, 1), Value: 3}, {Date: date(2026, 2, 8), Value: 10}}}),
		size(Spec{ID: "m2", Title: "Calm", Points: []Point{{Date: date(2026, 1, 5), Value: 2}, {Date: date(2026, 2, 8), Value: 4}, {Date: date(2026, 2, 8), Value: 9}}}),
		size(Spec{ID: "m3", Title: "Work", Points: []Point{{Date: date(2026, 3, 20), Value: 10}}}),
		size(Spec{ID: "m4", Title: "Nothing yet"}),
	}
}

func TestShareXGivesEverySmallChartOneDateAxis(t *testing.T) {
	specs := gridSpecs()
	ShareX(specs)
	var ticks [][]string
	for _, s := range specs {
		if s.XMin == nil || s.XMax == nil || !s.XMin.Equal(date(2026, 1, 5)) || !s.XMax.Equal(date(2026, 3, 20)) {
			t.Fatalf("%s: x range %v..%v, want 5 Jan..20 Mar 2026 (all readings and events)", s.ID, s.XMin, s.XMax)
		}
		l := newLayout(s, sortedPoints(s.Points))
		if !l.x0.Equal(*s.XMin) || !l.x1.Equal(*s.XMax) {
			t.Errorf("%s: drawn over %v..%v, not the shared range", s.ID, l.x0, l.x1)
		}
		_, root := render(t, s)
		var axis []string
		root.walk(func(n *node) {
			if n.attrs["class"] == "chart-x-axis" {
				for _, tx := range n.all("text") {
					axis = append(axis, tx.attrs["x"]+"="+tx.text)
				}
			}
		})
		ticks = append(ticks, axis)
	}
	for i := range ticks {
		if len(ticks[i]) < 2 || !slices.Equal(ticks[i], ticks[0]) {
			t.Errorf("%s date ticks %v, %s has %v: the grid must share them", specs[i].ID, ticks[i], specs[0].ID, ticks[0])
		}
	}
	// The same day sits at the same x in every chart: 8 Feb in m1 and m2 (m2's latest that day).
	x1 := lastCircleOn(t, specs[0], "2026-02-08")
	x2 := lastCircleOn(t, specs[1], "2026-02-08")
	if x1 != x2 {
		t.Errorf("8 Feb at x %s in one chart and %s in another", x1, x2)
	}
}

func lastCircleOn(t *testing.T, s Spec, day string) string {
	t.Helper()
	_, root := render(t, s)
	x := ""
	for _, c := range root.all("circle") {
		if c.attrs["data-date"] == day && c.attrs["data-earlier"] == "" {
			x = c.attrs["cx"]
		}
	}
	return x
}

func TestSameDayScoresAreDrawnSideBySideNotAsAJump(t *testing.T) {
	s := Spec{ID: "phq9", YMin: ptr(0), YMax: ptr(27), Points: []Point{
		{Date: date(2026, 1, 5), Value: 18}, {Date: date(2026, 2, 2), Value: 14}, {Date: date(2026, 2, 2), Value: 9}, {Date: date(2026, 3, 2), Value: 7},
	}}
	_, root := render(t, s)
	circles := root.all("circle")
	if len(circles) != 4 {
		t.Fatalf("%d markers, want every reading drawn (4)", len(circles))
	}
	a, b := circles[1], circles[2]
	if a.attrs["data-value"] != "14" || b.attrs["data-value"] != "9" {
		t.Fatalf("same-day markers hold %s and %s, want 14 then 9 (in the order entered)", a.attrs["data-value"], b.attrs["data-value"])
	}
	if dx := atof(t, b.attrs["cx"]) - atof(t, a.attrs["cx"]); dx < 2*3.5 {
		t.Errorf("same-day markers %v apart: they overlap", dx)
	}
	if a.attrs["data-earlier"] != "true" || b.attrs["data-earlier"] != "" || a.attrs["fill"] != "#ffffff" {
		t.Errorf("the earlier entry should be hollow and marked, the latest solid: %v / %v", a.attrs, b.attrs)
	}
	if title := a.child("title"); title == nil || !strings.Contains(title.text, "entered earlier that day") {
		t.Errorf("earlier entry's tooltip = %+v", title)
	}
	// The line joins each day's latest: three points, never two at one x (a vertical jump).
	pts := strings.Fields(root.all("polyline")[0].attrs["points"])
	if len(pts) != 3 {
		t.Fatalf("line through %v, want the 3 days' latest readings", pts)
	}
	xs := map[string]bool{}
	for _, p := range pts {
		x := strings.Split(p, ",")[0]
		if xs[x] {
			t.Errorf("the line has two points at x %s: a vertical jump", x)
		}
		xs[x] = true
	}
	if !strings.Contains(pts[1], b.attrs["cx"]+","+b.attrs["cy"]) {
		t.Errorf("the line goes through %s on 2 Feb, want the latest entry (9) at %s,%s", pts[1], b.attrs["cx"], b.attrs["cy"])
	}
}

// box is a text's estimated extent in viewBox units.
type box struct{ x0, x1, y0, y1 float64 }

func textBox(t *testing.T, n *node, size float64) box {
	t.Helper()
	x, y := atof(t, n.attrs["x"]), atof(t, n.attrs["y"])
	w := float64(len([]rune(n.text))) * size * 0.6
	switch n.attrs["text-anchor"] {
	case "end":
		x -= w
	case "middle":
		x -= w / 2
	}
	return box{x, x + w, y - size, y + size*0.25}
}

// fontSizes pairs every <text> with its font size, inherited from the nearest font-size attribute.
func fontSizes(t *testing.T, root *node) map[*node]float64 {
	t.Helper()
	out := map[*node]float64{}
	var walk func(n *node, size float64)
	walk = func(n *node, size float64) {
		if v := n.attrs["font-size"]; v != "" {
			size = atof(t, v)
		}
		if n.name == "text" {
			out[n] = size
		}
		for _, c := range n.children {
			walk(c, size)
		}
	}
	walk(root, math.NaN())
	return out
}

func TestLegendKeepsEveryLabelOffTheReadings(t *testing.T) {
	s := Spec{ID: "phq9", YMin: ptr(0), YMax: ptr(27), Width: SmallWidth, Height: 220, Legend: true,
		Bands:  []Band{{From: 0, To: 4.5, Label: "Minimal 0-4"}, {From: 4.5, To: 9.5, Label: "Mild 5-9"}, {From: 9.5, To: 14.5, Label: "Moderate 10-14"}, {From: 14.5, To: 27, Label: "Severe 15-27"}},
		Lines:  []Line{{Value: 10, Label: "cut-off 10", Dashed: true}},
		Events: []Event{{Date: date(2026, 3, 1), Label: "Argument about money and the holiday", Mark: "1"}, {Date: date(2026, 3, 2), Label: "Visit", Mark: "2"}},
	}
	for d := 1; d <= 28; d += 3 { // readings right across, up to the right edge where band labels used to sit
		s.Points = append(s.Points, Point{Date: date(2026, 3, d), Value: float64(d % 27)})
	}
	_, root := render(t, s)
	l := newLayout(s, sortedPoints(s.Points))
	sizes := fontSizes(t, root)
	var marks []string
	for tx, size := range sizes {
		b := textBox(t, tx, size)
		if b.x1 > l.left && b.x0 < l.right && b.y1 > l.top && b.y0 < l.bottom {
			t.Errorf("label %q at %+v is inside the plot (%v..%v, %v..%v)", tx.text, b, l.left, l.right, l.top, l.bottom)
		}
		if b.x0 < -0.5 || b.x1 > float64(SmallWidth)+0.5 {
			t.Errorf("label %q at %+v is cut by the chart's edge", tx.text, b)
		}
		for _, c := range root.all("circle") {
			cx, cy := atof(t, c.attrs["cx"]), atof(t, c.attrs["cy"])
			if cx+4 > b.x0 && cx-4 < b.x1 && cy+4 > b.y0 && cy-4 < b.y1 {
				t.Errorf("label %q at %+v covers the reading at %v,%v", tx.text, b, cx, cy)
			}
		}
		if tx.text == "1" || tx.text == "2" {
			marks = append(marks, tx.text)
		}
	}
	slices.Sort(marks)
	if !slices.Equal(marks, []string{"1", "2"}) {
		t.Errorf("event marks drawn: %v, want 1 and 2 whole", marks)
	}
	for _, gone := range []string{"Minimal 0-4", "cut-off 10", "Argument about…"} {
		if slices.Contains(root.texts(), gone) {
			t.Errorf("%q drawn in the chart; with Legend it belongs on the page", gone)
		}
	}
	legend := LegendOf(s)
	var names []string
	for _, it := range legend {
		names = append(names, it.Label)
	}
	if want := []string{"Minimal 0-4", "Mild 5-9", "Moderate 10-14", "Severe 15-27", "cut-off 10"}; !slices.Equal(names, want) {
		t.Errorf("legend %v, want %v", names, want)
	}
	if !legend[4].Line || !legend[4].Dashed || legend[0].Fill != colourBand {
		t.Errorf("legend items %+v", legend)
	}
}

func TestChartTextIsNeverUnder12PxOnAPhone(t *testing.T) {
	specs := gridSpecs()
	ShareX(specs)
	specs = append(specs, Spec{ID: "long", Width: SmallWidth, Height: SmallHeight, YLabel: "0 to 10",
		Points: []Point{{Date: date(2024, 11, 3), Value: 1}, {Date: date(2026, 5, 1), Value: 2}}})
	for _, s := range specs {
		_, root := render(t, s)
		width := atof(t, strings.Fields(root.attrs["viewBox"])[2])
		sizes := fontSizes(t, root)
		if len(sizes) == 0 {
			t.Fatalf("%s: no text", s.ID)
		}
		var axis []box
		var dates []*node
		root.walk(func(n *node) {
			if n.attrs["class"] == "chart-x-axis" {
				dates = n.all("text")
			}
		})
		for tx, size := range sizes {
			// Drawn SmallWidth px wide (a phone's grid cell is wider), a unit is at least a pixel.
			if px := size * float64(SmallWidth) / width; math.IsNaN(size) || px < 12 {
				t.Errorf("%s: %q is %v px at %d px wide", s.ID, tx.text, px, SmallWidth)
			}
			if slices.Contains(dates, tx) {
				axis = append(axis, textBox(t, tx, size))
			}
		}
		for i := range axis {
			for j := range i {
				if axis[i].x1 > axis[j].x0 && axis[j].x1 > axis[i].x0 {
					t.Errorf("%s: date labels overlap: %+v and %+v", s.ID, axis[i], axis[j])
				}
			}
		}
	}
}
