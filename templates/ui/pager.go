package ui

import (
	"net/url"
	"strconv"
)

// Pager describes one page of a paginated list.
type Pager struct {
	Page, Pages int
	base        url.Values
	path        string
}

// NewPager returns the pager for page (1-based) of total rows at perPage.
func NewPager(path string, query url.Values, page, perPage, total int) Pager {
	pages := (total + perPage - 1) / perPage
	return Pager{Page: page, Pages: max(pages, 1), base: query, path: path}
}

// URL returns the link to page n, keeping the other query parameters.
func (p Pager) URL(n int) string {
	q := url.Values{}
	for k, v := range p.base {
		q[k] = v
	}
	q.Set("page", strconv.Itoa(n))
	return p.path + "?" + q.Encode()
}
