package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/homework"
	"github.com/securebase/securebase/internal/store"
)

// keyPINOpen holds the id of the link whose PIN was entered in this client session.
const keyPINOpen = "pin_link_id"

var pinPattern = regexp.MustCompile(`^[0-9]{4,8}$`)

// earlierPage is what the PIN guards: the entries sent since the PIN was chosen, with replies.
type earlierPage struct {
	Open    bool // the PIN was entered in this session
	Locked  bool
	Gate    bool // the practice asks for the PIN before any form: the PIN form leads to the forms
	Entries []shownEntry
}

// shownEntry is an earlier entry with its answers in field order, and any reply.
type shownEntry struct {
	Date    string
	Answers []shownAnswer
	Reply   string
}

// earlierGet shows the PIN form, or, once the PIN was entered in this session, the entries
// sent since it was chosen. The same form shows whether or not a PIN exists: the first PIN
// typed on a link becomes its PIN, so a stranger learns nothing by looking.
func (s *Server) earlierGet(c echo.Context) error {
	l := linkOf(c)
	page := earlierPage{Locked: l.PINLockedAt != nil}
	if !page.Locked && l.PINSetAt != nil && s.clientSessions.GetInt64(c.Request().Context(), keyPINOpen) == l.ID {
		page.Open = true
		entries, err := s.earlierEntries(c, l)
		if err != nil {
			return err
		}
		page.Entries = entries
	}
	return s.renderEarlier(c, http.StatusOK, page, &Form{Values: map[string][]string{}})
}

func (s *Server) renderEarlier(c echo.Context, status int, page earlierPage, form *Form) error {
	p := &Page{Title: "Earlier", CSRF: csrfToken(c), RequestID: requestIDOf(c), Form: form, Data: page}
	return s.render(c, status, "client/earlier", p)
}

// earlierPost checks a PIN (or keeps the first one typed as the link's PIN). Wrong PINs are
// counted in the database before they are checked; the fifth locks the earlier entries
// until the counsellor re-issues the link, and the lock is audited.
func (s *Server) earlierPost(c echo.Context) error {
	if err := onlyFields(c, "pin", "next"); err != nil {
		return err
	}
	ctx := c.Request().Context()
	l := linkOf(c)
	pin := c.FormValue("pin")
	gate := c.FormValue("next") == "forms"
	next := "/h/earlier"
	if gate {
		next = "/h"
	}
	form := &Form{Values: map[string][]string{}}
	if !pinPattern.MatchString(pin) {
		form.Fail("pin", "Use 4 to 8 digits.")
		return s.renderEarlier(c, http.StatusUnprocessableEntity, earlierPage{Locked: l.PINLockedAt != nil, Gate: gate}, form)
	}
	if l.PINSetAt == nil {
		hash, err := s.passwords.Hash(pin)
		if err != nil {
			return err
		}
		set, err := s.store.SetLinkPIN(ctx, l.PracticeID, l.ID, hash, linkEntry(c, l, "link.pin_set"))
		if err != nil {
			return err
		}
		if set {
			s.clientSessions.Put(ctx, keyPINOpen, l.ID)
			return c.Redirect(http.StatusSeeOther, next)
		}
		// Another browser chose a PIN a moment ago: check this one against it.
	}
	hash, try, err := s.store.TryLinkPIN(ctx, l.PracticeID, l.ID)
	if errors.Is(err, store.ErrPINLocked) {
		return s.renderEarlier(c, http.StatusForbidden, earlierPage{Locked: true, Gate: gate}, form)
	}
	if err != nil {
		return err
	}
	if s.passwords.Verify(pin, hash) {
		if err := s.store.PINWasRight(ctx, l.PracticeID, l.ID); err != nil {
			return err
		}
		s.clientSessions.Put(ctx, keyPINOpen, l.ID)
		return c.Redirect(http.StatusSeeOther, next)
	}
	s.auditLinkQuietly(c, l, "link.pin_wrong")
	if try >= store.MaxPINTries {
		// The store audits the lock when this call is the one that locked it.
		if _, err := s.store.LockLinkPIN(ctx, l.PracticeID, l.ID, s.now(), linkEntry(c, l, "link.pin_lock")); err != nil {
			return err
		}
		return s.renderEarlier(c, http.StatusForbidden, earlierPage{Locked: true, Gate: gate}, form)
	}
	form.Fail("pin", "That was not right. Please try again.")
	return s.renderEarlier(c, http.StatusUnprocessableEntity, earlierPage{Gate: gate}, form)
}

// earlierEntries lists the entries of all the client's homework sent since the link's PIN was
// chosen: what was written before there was a PIN stays unseen.
func (s *Server) earlierEntries(c echo.Context, l store.ClientLink) ([]shownEntry, error) {
	if l.PINSetAt == nil {
		return nil, nil
	}
	ctx := c.Request().Context()
	assignments, err := s.store.Assignments(ctx, l.PracticeID, l.ClientID)
	if err != nil {
		return nil, err
	}
	var out []shownEntry
	for _, a := range assignments {
		if a.Submitted == 0 {
			continue
		}
		v, err := s.store.ClientViewOf(ctx, l.PracticeID, a.ID)
		if err != nil {
			return nil, err
		}
		var t homework.Template
		if err := json.Unmarshal(v.Template, &t); err != nil {
			return nil, fmt.Errorf("assignment %d template: %w", v.ID, err)
		}
		entries, err := s.store.Entries(ctx, l.PracticeID, v.ID)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.Status == "submitted" && e.SubmittedAt != nil && !e.SubmittedAt.Before(*l.PINSetAt) {
				out = append(out, shownEntry{Date: e.EntryDate.Format("2 January 2006"), Answers: showAnswers(t.ClientWorded(), e.Answers), Reply: e.Reply})
			}
		}
	}
	return out, nil
}

// auditLinkQuietly records a PIN event of a link; a failure is logged, not shown to the client.
func (s *Server) auditLinkQuietly(c echo.Context, l store.ClientLink, action string) {
	s.auditQuietly(c, l.PracticeID, linkEntry(c, l, action))
}

// linkEntry is the audit entry of a PIN event of a link, as the client's request made it.
func linkEntry(c echo.Context, l store.ClientLink, action string) store.AuditEntry {
	return requestAudit(c, store.AuditEntry{Action: action, EntityType: "link", EntityID: strconv.FormatInt(l.ID, 10)})
}
