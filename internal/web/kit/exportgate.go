package kit

import (
	"net/http"
	"sync"

	"github.com/labstack/echo/v4"
)

// ExportGate limits how many exports each practice runs at once on this instance. An export
// holds a database connection for as long as its file streams, so one practice asking for
// many at once could take the pool from everyone else.
type ExportGate struct {
	limit   int
	mu      sync.Mutex
	running map[int64]int // practice → exports streaming now
	total   int
}

// NewExportGate returns a gate letting limit exports per practice run at once.
func NewExportGate(limit int) *ExportGate {
	return &ExportGate{limit: limit, running: map[int64]int{}}
}

// Enter takes a place for practice; false means its limit is reached. A true must be
// followed by one Leave.
func (g *ExportGate) Enter(practice int64) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.running[practice] >= g.limit {
		return false
	}
	g.running[practice]++
	g.total++
	return true
}

// Leave gives back a place taken by Enter.
func (g *ExportGate) Leave(practice int64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.running[practice] <= 1 {
		delete(g.running, practice)
	} else {
		g.running[practice]--
	}
	g.total--
}

// InFlight returns the number of exports streaming now, across practices.
func (g *ExportGate) InFlight() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.total
}

// ErrExportsBusy answers an export asked for while the practice's limit is reached; the
// shell renders a page asking to try again shortly.
var ErrExportsBusy = echo.NewHTTPError(http.StatusTooManyRequests, "too many exports at once")
