package web

import "strings"

// linkURL is the address a token opens (kept for the pages not yet moved; casework has its own).
func (s *Server) linkURL(token string) string {
	return strings.TrimSuffix(s.cfg.PublicURL.String(), "/") + "/h/" + token
}
