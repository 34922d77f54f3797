package web

import (
	"sync"
	"time"
)

// zones caches time zones by name: time.LoadLocation reads and parses the zone's file on
// every call, and the pages that show dates ask for the practice's zone on every request.
type zones struct {
	m sync.Map // name → *time.Location
}

// load returns the named zone; an unknown name is an error, as with time.LoadLocation.
func (z *zones) load(name string) (*time.Location, error) {
	if loc, ok := z.m.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	z.m.Store(name, loc)
	return loc, nil
}
