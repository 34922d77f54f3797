// Package faults holds the fault tests of Secure Base: the database restarted while
// requests flow, homework sent while it restarts, and SIGTERM during requests. They are
// built only with the tag "faults" (`make faults`), never by `make test`, and start a
// private PostgreSQL cluster of their own, because they stop and start it.
package faults
