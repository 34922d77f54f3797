package chart

import (
	"container/list"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"html/template"
	"math"
	"sync"
	"time"
)

// Cache keeps drawn charts. A chart is a pure function of its Spec, so the cache is keyed by
// a SHA-256 of everything in the spec: a chart whose readings, bands, lines or events change
// gets a new key and is drawn again, and an unchanged one is drawn once. The least recently
// used charts are dropped once the kept markup passes a byte budget. Safe for concurrent use.
type Cache struct {
	mu       sync.Mutex
	budget   int
	size     int
	byKey    map[[sha256.Size]byte]*list.Element
	recent   *list.List // of *cached, most recently used first
	hits     int
	misses   int
	disabled bool
}

type cached struct {
	key [sha256.Size]byte
	svg template.HTML
}

// NewCache returns a cache that keeps up to budget bytes of SVG markup; 0 or less keeps none.
func NewCache(budget int) *Cache {
	return &Cache{budget: budget, byKey: map[[sha256.Size]byte]*list.Element{}, recent: list.New(), disabled: budget <= 0}
}

// SVG returns SVG(s), drawing it only when no chart of an identical spec is kept.
func (c *Cache) SVG(s Spec) template.HTML {
	if c == nil || c.disabled {
		return SVG(s)
	}
	key := specKey(s)
	c.mu.Lock()
	if el, ok := c.byKey[key]; ok {
		c.recent.MoveToFront(el)
		c.hits++
		svg := el.Value.(*cached).svg
		c.mu.Unlock()
		return svg
	}
	c.misses++
	c.mu.Unlock()
	svg := SVG(s)
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[key]; ok || len(svg) > c.budget {
		return svg
	}
	c.byKey[key] = c.recent.PushFront(&cached{key: key, svg: svg})
	c.size += len(svg)
	for c.size > c.budget {
		last := c.recent.Back()
		old := last.Value.(*cached)
		c.recent.Remove(last)
		delete(c.byKey, old.key)
		c.size -= len(old.svg)
	}
	return svg
}

// Stats returns how many charts were served kept (hits) and drawn (misses).
func (c *Cache) Stats() (hits, misses int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.misses
}

// specKey hashes every field of s that SVG reads, each with its length, so no two different
// specs share an encoding. Times are written with their offset: SVG formats wall-clock dates.
func specKey(s Spec) [sha256.Size]byte {
	h := sha256.New()
	k := keyWriter{h: h}
	k.str(s.ID)
	k.str(s.Title)
	k.str(s.YLabel)
	k.int(len(s.Points))
	for _, p := range s.Points {
		k.time(p.Date)
		k.float(p.Value)
		k.str(p.Label)
	}
	k.int(len(s.Bands))
	for _, b := range s.Bands {
		k.float(b.From)
		k.float(b.To)
		k.str(b.Label)
		k.str(b.Fill)
	}
	k.int(len(s.Lines))
	for _, l := range s.Lines {
		k.float(l.Value)
		k.str(l.Label)
		k.bool(l.Dashed)
	}
	k.int(len(s.Events))
	for _, e := range s.Events {
		k.time(e.Date)
		k.str(e.Label)
		k.str(e.Mark)
	}
	k.optFloat(s.YMin)
	k.optFloat(s.YMax)
	k.optTime(s.XMin)
	k.optTime(s.XMax)
	k.int(s.Width)
	k.int(s.Height)
	k.bool(s.Legend)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

type keyWriter struct {
	h   hash.Hash
	buf [8]byte
}

func (k *keyWriter) uint(v uint64) {
	binary.LittleEndian.PutUint64(k.buf[:], v)
	_, _ = k.h.Write(k.buf[:])
}

func (k *keyWriter) int(v int)        { k.uint(uint64(int64(v))) } //nolint:gosec // a bit pattern, not arithmetic
func (k *keyWriter) float(v float64)  { k.uint(math.Float64bits(v)) }
func (k *keyWriter) str(v string)     { k.int(len(v)); _, _ = k.h.Write([]byte(v)) }
func (k *keyWriter) time(t time.Time) { k.str(t.Format(time.RFC3339Nano)) }
func (k *keyWriter) bool(v bool) {
	if v {
		k.int(1)
		return
	}
	k.int(0)
}
func (k *keyWriter) optFloat(v *float64) {
	if v == nil {
		k.str("nil")
		return
	}
	k.str("set")
	k.float(*v)
}

func (k *keyWriter) optTime(v *time.Time) {
	if v == nil {
		k.str("nil")
		return
	}
	k.str("set")
	k.time(*v)
}
