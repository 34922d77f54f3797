package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// otherRoute is the route label of a request that matched no registered route: its raw path
// may hold a token, so it is never a label.
const otherRoute = "other"

// metrics are the Prometheus series of one server, in a registry of its own (no globals).
// Requests are labelled by route pattern ("/clients/:id"), never by raw path, which holds
// private-link tokens and record ids.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	patterns map[string]bool // "METHOD pattern" of every registered route
}

func (s *Server) newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "securebase_http_requests_total", Help: "HTTP requests answered, by method, route pattern and status code.",
		}, []string{"method", "route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "securebase_http_request_duration_seconds", Help: "Time to answer an HTTP request, by method and route pattern.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"method", "route"}),
		patterns: map[string]bool{},
	}
	m.reg.MustRegister(m.requests, m.latency,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "securebase_exports_in_flight", Help: "CSV exports streaming now on this instance.",
		}, func() float64 { return float64(s.exports.InFlight()) }))
	if s.store != nil {
		m.reg.MustRegister(collectors.NewDBStatsCollector(s.store.DB().DB, "securebase"),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{
				Name: "securebase_attention_items_open", Help: "Open items in the attention queue, all practices (-1: the database did not answer).",
			}, s.openAttention),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{
				Name: "securebase_jobs_waiting", Help: "Unfinished jobs in the job queue (reminders, plan scans), all practices (-1: the database did not answer).",
			}, s.jobsWaiting))
	}
	return m
}

// openAttention reads the attention queue's depth for a scrape, within two seconds.
func (s *Server) openAttention() float64 {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	n, err := s.store.OpenAttentionTotal(ctx)
	if err != nil {
		s.log.Warn("metrics: attention queue depth", "err", err)
		return -1
	}
	return float64(n)
}

// jobsWaiting reads the job queue's depth for a scrape, within two seconds.
func (s *Server) jobsWaiting() float64 {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	n, err := s.store.JobsWaitingTotal(ctx)
	if err != nil {
		s.log.Warn("metrics: job queue depth", "err", err)
		return -1
	}
	return float64(n)
}

// learnRoutes records the patterns the router has, once every route is registered.
func (m *metrics) learnRoutes(e *echo.Echo) {
	for _, r := range e.Routes() {
		m.patterns[r.Method+" "+r.Path] = true
	}
}

// observe counts every request by its route pattern once the answer is written.
func (m *metrics) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		method := requestMethod(c)
		route := c.Path()
		if !m.patterns[c.Request().Method+" "+route] {
			route, method = otherRoute, methodLabel(method)
		}
		m.requests.WithLabelValues(method, route, strconv.Itoa(c.Response().Status)).Inc()
		m.latency.WithLabelValues(method, route).Observe(time.Since(start).Seconds())
		return nil
	}
}

// methodLabel keeps a label's values few: an unknown method (anyone can send one) is "other".
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions:
		return m
	}
	return otherRoute
}

// MetricsHandler serves the Prometheus series, for the separate METRICS_ADDR listener only:
// the application router never serves them.
func (s *Server) MetricsHandler() http.Handler {
	return promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{})
}
