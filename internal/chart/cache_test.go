package chart

import (
	"testing"
	"time"
)

func cacheSpec() Spec {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	return Spec{ID: "marker-1", Title: "I enjoy time on my own", YLabel: "0 to 10", YMin: ptr(0), YMax: ptr(10),
		Points: []Point{{Date: day, Value: 3, Label: "session"}, {Date: day.AddDate(0, 0, 7), Value: 5}},
		Lines:  []Line{{Value: 7, Label: "target 7", Dashed: true}},
		Events: []Event{{Date: day.AddDate(0, 0, 3), Label: "argument"}}}
}

func TestCacheDrawsAChartOnceAndAgainWhenAnythingInItChanges(t *testing.T) {
	c := NewCache(1 << 20)
	s := cacheSpec()
	first := c.SVG(s)
	if first != SVG(s) {
		t.Fatal("a kept chart differs from the chart drawn")
	}
	if again := c.SVG(cacheSpec()); again != first {
		t.Fatal("the same spec gave another chart")
	}
	if hits, misses := c.Stats(); hits != 1 || misses != 1 {
		t.Fatalf("hits %d misses %d, want 1 and 1: an unchanged chart must be drawn once", hits, misses)
	}
	changes := map[string]func(*Spec){
		"a reading's value":   func(s *Spec) { s.Points[1].Value = 6 },
		"a reading's day":     func(s *Spec) { s.Points[1].Date = s.Points[1].Date.AddDate(0, 0, 1) },
		"a reading's label":   func(s *Spec) { s.Points[0].Label = "check-in" },
		"a new reading":       func(s *Spec) { s.Points = append(s.Points, Point{Date: s.Points[1].Date.AddDate(0, 0, 7), Value: 8}) },
		"a reading removed":   func(s *Spec) { s.Points = s.Points[:1] },
		"an event note":       func(s *Spec) { s.Events[0].Label = "a calm week" },
		"the target":          func(s *Spec) { s.Lines[0].Value = 8 },
		"a dashed line":       func(s *Spec) { s.Lines[0].Dashed = false },
		"the axis":            func(s *Spec) { s.YMax = nil },
		"a band":              func(s *Spec) { s.Bands = []Band{{From: 0, To: 4, Label: "low"}} },
		"the title":           func(s *Spec) { s.Title = "I say what I need calmly" },
		"the id":              func(s *Spec) { s.ID = "marker-2" },
		"the size":            func(s *Spec) { s.Width = 320 },
		"a shared date axis":  func(s *Spec) { from := s.Points[0].Date.AddDate(0, -1, 0); s.XMin = &from },
		"the end of the axis": func(s *Spec) { to := s.Points[1].Date.AddDate(0, 1, 0); s.XMax = &to },
		"labels in a legend":  func(s *Spec) { s.Legend = true },
		"an event's mark":     func(s *Spec) { s.Events[0].Mark = "1" },
		"the day's time zone": func(s *Spec) { s.Points[0].Date = s.Points[0].Date.In(time.FixedZone("x", -5*3600)) },
	}
	for name, change := range changes {
		s := cacheSpec()
		change(&s)
		_, missesBefore := c.Stats()
		got := c.SVG(s)
		if got != SVG(s) {
			t.Errorf("%s: the kept chart is not the chart of the changed spec", name)
		}
		if _, misses := c.Stats(); misses != missesBefore+1 {
			t.Errorf("%s: the chart was not drawn again", name)
		}
	}
}

func TestCacheDropsTheLeastRecentlyUsedPastItsBudget(t *testing.T) {
	a, b := cacheSpec(), cacheSpec()
	b.ID = "marker-2"
	c := NewCache(len(SVG(a)) + len(SVG(b)) - 1) // room for one of them
	c.SVG(a)
	c.SVG(b) // drops a
	c.SVG(b)
	c.SVG(a)
	if hits, misses := c.Stats(); hits != 1 || misses != 3 {
		t.Fatalf("hits %d misses %d, want 1 and 3", hits, misses)
	}
	if c.size > c.budget || len(c.byKey) != c.recent.Len() {
		t.Fatalf("kept %d bytes of a %d budget, %d keys for %d charts", c.size, c.budget, len(c.byKey), c.recent.Len())
	}
	if off := NewCache(0); off.SVG(a) != SVG(a) || len(off.byKey) != 0 {
		t.Fatal("a cache with no budget must draw every chart and keep none")
	}
}
