package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

// Staff session keys of a newly issued link. keyNewLink holds "clientID linkID token" from
// the POST that issued it until the GET that shows it once pops it; keyShownLink then keeps
// "clientID linkID" (no token), so a reload can say the link was shown and is still alive.
const (
	keyNewLink     = "new_link"
	keyShownLink   = "shown_link"
	keyNewLinkNote = "new_link_note"
)

// clientLinkDays is how long a client link lives; the counsellor re-issues it after that.
const clientLinkDays = 60

// linkPage is what the client's link page shows the counsellor.
type linkPage struct {
	Client       store.Client
	State        store.LinkState
	NewLink      string // the link just issued, shown this once
	AlreadyShown bool   // the link issued in this session was shown before and is still live
	Confirm      bool   // a live link exists: ask before replacing it
	EmailLink    bool
	CanEmail     bool
}

// clientLinkPage shows the client's link: live or not, any older links, and a link just issued,
// once. Reloading it shows no token again, and changes nothing.
func (s *Server) clientLinkPage(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	st, err := s.store.ClientLinkState(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	page := linkPage{Client: cl, State: st, CanEmail: s.canEmail(cl)}
	prefix := fmt.Sprintf("%d ", cl.ID)
	if v := s.sessions.GetString(ctx, keyNewLink); strings.HasPrefix(v, prefix) {
		parts := strings.Fields(v)
		s.sessions.Remove(ctx, keyNewLink)
		s.sessions.Put(ctx, keyShownLink, parts[0]+" "+parts[1])
		if st.Current != nil && strconv.FormatInt(st.Current.ID, 10) == parts[1] {
			page.NewLink = s.linkURL(parts[2])
		}
	} else if v := s.sessions.GetString(ctx, keyShownLink); strings.HasPrefix(v, prefix) && st.Current != nil {
		page.AlreadyShown = v == prefix+strconv.FormatInt(st.Current.ID, 10)
	}
	if err := s.auditClient(c, cl, "link.view", "client", cl.ID, ""); err != nil {
		return err
	}
	p := s.page(c, "Private link: "+cl.Code)
	if note := s.sessions.PopString(ctx, keyNewLinkNote); note != "" && page.NewLink != "" {
		p.Form.Fail("_form", note)
	}
	p.Data = page
	return s.render(c, http.StatusOK, "clients/link", p)
}

// issueClientLink issues the client's one private link, ending every link they hold. With a
// link live it first asks (a confirm step, no script needed). It answers 303 to the page that
// shows the new link once: a reload of that page issues nothing.
func (s *Server) issueClientLink(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c, "replace", "email_link"); err != nil {
		return err
	}
	ctx := c.Request().Context()
	st, err := s.store.ClientLinkState(ctx, cl.PracticeID, cl.ID)
	if err != nil {
		return err
	}
	emailIt := c.FormValue("email_link") == "true"
	if (st.Current != nil || st.Older > 0) && c.FormValue("replace") != "yes" {
		p := s.page(c, "Replace the private link?")
		if c.FormValue("replace") != "" {
			p.Form.Fail("replace", "Tick the box to end the link the client has now.")
		}
		p.Data = linkPage{Client: cl, State: st, Confirm: true, EmailLink: emailIt, CanEmail: s.canEmail(cl)}
		return s.render(c, http.StatusOK, "clients/link", p)
	}
	token, hash, err := auth.NewLinkToken()
	if err != nil {
		return err
	}
	today, loc, err := s.practiceToday(c)
	if err != nil {
		return err
	}
	until := s.clientLinkExpiry(today, loc)
	id, _, err := s.store.IssueClientLink(ctx, cl.PracticeID, cl.ID, currentUser(c).ID, store.LinkInput{TokenHash: hash, ExpiresAt: until},
		clientEntry(c, cl, "link.issue", "client", cl.ID, ""), linkIssueDetail)
	if errors.Is(err, store.ErrClientClosed) {
		return s.flash(c, clientPath(cl.ID), "A discharged or archived client cannot be given a link.")
	}
	if err != nil {
		return err
	}
	if emailIt {
		form := &Form{}
		if err := s.emailLink(c, cl, "client", cl.ID, token, until, form); err != nil {
			return err
		}
		if msg := form.Error("_form"); msg != "" {
			s.sessions.Put(ctx, keyNewLinkNote, msg)
		}
	}
	s.sessions.Put(ctx, keyNewLink, fmt.Sprintf("%d %d %s", cl.ID, id, token))
	return c.Redirect(http.StatusSeeOther, clientPath(cl.ID)+"/link")
}

// linkIssueDetail is the audit detail of an issued link: its id, and how many live links it ended.
func linkIssueDetail(id, ended int64) string {
	detail := fmt.Sprintf("link=%d", id)
	if ended > 0 {
		detail += fmt.Sprintf("; ended %d live links", ended)
	}
	return detail
}

// revokeClientLink ends every link the client holds, at once.
func (s *Server) revokeClientLink(c echo.Context) error {
	cl, err := s.clientFor(c)
	if err != nil {
		return err
	}
	if err := onlyFields(c); err != nil {
		return err
	}
	ended, err := s.store.RevokeClientLinks(c.Request().Context(), cl.PracticeID, cl.ID, clientEntry(c, cl, "link.revoke", "client", cl.ID, ""),
		func(ended int64) string { return fmt.Sprintf("ended %d live links", ended) })
	if err != nil {
		return err
	}
	if ended == 0 {
		return s.flash(c, clientPath(cl.ID)+"/link", "There was no live link to revoke.")
	}
	return s.flash(c, clientPath(cl.ID)+"/link", "Revoked: the link no longer opens.")
}

// clientLinkExpiry is the end of the day clientLinkDays from today, in the practice's zone.
func (s *Server) clientLinkExpiry(today time.Time, loc *time.Location) time.Time {
	d := today.AddDate(0, 0, clientLinkDays+1)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// linkURL is the address a token opens.
func (s *Server) linkURL(token string) string {
	return strings.TrimSuffix(s.cfg.PublicURL.String(), "/") + "/h/" + token
}
