package web

import "strconv"

// clientPath is the staff page of a client's record (kept for the pages not yet moved;
// casework uses kit.ClientPath).
func clientPath(id int64) string { return "/clients/" + strconv.FormatInt(id, 10) }
