package web

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/internal/web/account"
	"github.com/securebase/securebase/internal/web/admin"
	"github.com/securebase/securebase/internal/web/casework"
	"github.com/securebase/securebase/internal/web/clientside"
	"github.com/securebase/securebase/internal/web/dashboard"
	homeworkweb "github.com/securebase/securebase/internal/web/homework"
	"github.com/securebase/securebase/internal/web/supervision"

	"github.com/securebase/securebase/internal/store"
)

// AccessKind says who may call a route.
type AccessKind int

// The kinds of access a route can have.
const (
	Public     AccessKind = iota // anyone, signed in or not
	ClientLink                   // a client holding a private link's session
	SignedIn                     // a staff member with one of Roles
)

// Access is the rule a route is registered with; the middleware is derived from it,
// so what `securebase routes` prints is what the router enforces.
type Access struct {
	Kind  AccessKind
	Roles []store.Role // for SignedIn; empty means any role
}

// String describes the rule for the routes listing.
func (a Access) String() string {
	switch a.Kind {
	case Public:
		return "public"
	case ClientLink:
		return "client-link"
	}
	if len(a.Roles) == 0 {
		return "signed-in: any role"
	}
	names := make([]string, len(a.Roles))
	for i, r := range a.Roles {
		names[i] = string(r)
	}
	return "signed-in: " + strings.Join(names, ", ")
}

var (
	public    = Access{Kind: Public}
	anyStaff  = Access{Kind: SignedIn}
	adminOnly = Access{Kind: SignedIn, Roles: []store.Role{store.RoleAdmin}}
	// caseStaff open identified client records: a counsellor their own caseload, an admin
	// the practice's. Supervisors never do.
	caseStaff  = Access{Kind: SignedIn, Roles: []store.Role{store.RoleAdmin, store.RoleCounsellor}}
	clientLink = Access{Kind: ClientLink}
	// outcomeStaff read outcome rates: an admin the practice's, a supervisor their supervisees'.
	outcomeStaff = Access{Kind: SignedIn, Roles: []store.Role{store.RoleAdmin, store.RoleSupervisor}}
	// counsellorOnly is for clinical judgements, such as clearing a risk flag after review.
	counsellorOnly = Access{Kind: SignedIn, Roles: []store.Role{store.RoleCounsellor}}
)

// Route is one registered route and who may call it.
type Route struct {
	Method string
	Path   string
	Access Access
	Query  []QueryParam // the query parameters it reads; any other is held to a generic limit
}

// Routes returns every route of the application, sorted by path then method.
func (s *Server) Routes() []Route {
	out := append([]Route(nil), s.routes...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Method < out[j].Method
	})
	return out
}

// Echo returns the router, for tests that compare it with Routes.
func (s *Server) Echo() *echo.Echo { return s.echo }

// registerRoutes is the whole route table of the application.
func (s *Server) registerRoutes() error {
	client := clientside.New(s.kit)
	r := &router{s: s, requireLink: client.RequireLink}
	dash := dashboard.New(s.kit)
	acct := account.New(s.kit)
	adm := admin.New(s.kit)
	sup := supervision.New(s.kit)
	hwk := homeworkweb.New(s.kit)
	cw := casework.New(s.kit)
	// Probes and assets: no session, no CSRF.
	r.bare(http.MethodGet, "/healthz", s.healthz)
	r.bare(http.MethodGet, "/readyz", s.readyz)
	r.bare(http.MethodGet, "/assets/*", s.serveAsset)

	r.add(http.MethodGet, "/login", public, acct.LoginPage)
	r.add(http.MethodPost, "/login", public, acct.Login)
	r.add(http.MethodPost, "/logout", anyStaff, acct.Logout)
	// The second step of sign-in: public, since the session is not signed in yet; each
	// handler serves only a session whose password was right moments ago.
	r.add(http.MethodGet, "/login/two-factor", public, acct.TwoFactorLoginPage)
	r.add(http.MethodPost, "/login/two-factor", public, acct.TwoFactorLogin)
	r.add(http.MethodGet, "/login/two-factor/setup", public, acct.TwoFactorEnrolPage)
	r.add(http.MethodPost, "/login/two-factor/setup", public, acct.TwoFactorEnrol)
	r.add(http.MethodGet, "/login/two-factor/qr.png", public, acct.EnrolQRCode)
	r.add(http.MethodGet, "/", anyStaff, dash.Home)

	r.add(http.MethodGet, "/account/password", anyStaff, acct.PasswordPage)
	r.add(http.MethodPost, "/account/password", anyStaff, acct.ChangePassword)
	r.add(http.MethodGet, "/account", anyStaff, acct.Overview)
	r.add(http.MethodGet, "/account/email", anyStaff, acct.EmailPage)
	r.add(http.MethodPost, "/account/email", anyStaff, acct.ChangeEmail)
	r.add(http.MethodGet, "/account/two-factor", anyStaff, acct.TwoFactorPage)
	r.add(http.MethodPost, "/account/two-factor", anyStaff, acct.EnableTwoFactor)
	r.add(http.MethodGet, "/account/two-factor/new", anyStaff, acct.ReplaceTwoFactorPage)
	r.add(http.MethodGet, "/account/two-factor/qr.png", anyStaff, acct.EnrolQRCode)
	r.add(http.MethodPost, "/account/two-factor/disable", anyStaff, acct.DisableTwoFactor)
	r.add(http.MethodGet, "/account/two-factor/recovery-codes", anyStaff, acct.RecoveryCodesPage)
	r.add(http.MethodPost, "/account/two-factor/recovery-codes", anyStaff, acct.NewRecoveryCodes)
	r.add(http.MethodGet, "/account/sessions", anyStaff, acct.SessionsPage)
	r.add(http.MethodPost, "/account/sessions/end-others", anyStaff, acct.EndOtherSessions)

	r.add(http.MethodGet, "/admin/users", adminOnly, adm.ListUsers)
	r.add(http.MethodGet, "/admin/users/new", adminOnly, adm.NewUserPage)
	r.add(http.MethodPost, "/admin/users", adminOnly, adm.CreateUser)
	r.add(http.MethodPost, "/admin/users/:id/deactivate", adminOnly, adm.DeactivateUser)
	r.add(http.MethodPost, "/admin/users/:id/reset-password", adminOnly, adm.ResetPassword)
	r.add(http.MethodPost, "/admin/users/:id/reset-two-factor", adminOnly, adm.ResetTwoFactor)
	r.add(http.MethodGet, "/admin/audit", adminOnly, adm.AuditLog)
	r.add(http.MethodGet, "/admin/practice", adminOnly, adm.PracticePage)
	r.add(http.MethodPost, "/admin/practice", adminOnly, adm.UpdatePractice)
	r.add(http.MethodGet, "/admin/practice/exports", adminOnly, sup.SettingsPage)
	r.add(http.MethodPost, "/admin/practice/export-first-year", adminOnly, sup.SaveFirstYear)
	r.add(http.MethodPost, "/admin/practice/pseudonym-key", adminOnly, sup.RotatePseudonymKey)
	r.add(http.MethodPost, "/admin/practice/numbers", adminOnly, adm.UpdateNumberFormat)
	r.add(http.MethodGet, "/admin/practice/plans", adminOnly, adm.PlanSettingsPage)
	r.add(http.MethodPost, "/admin/practice/plans", adminOnly, adm.UpdatePlanSettings)
	r.add(http.MethodGet, "/admin/markers", adminOnly, adm.MarkersPage)
	r.add(http.MethodPost, "/admin/markers", adminOnly, adm.SaveMarker)
	r.add(http.MethodGet, "/admin/wording", adminOnly, adm.WordingsPage)
	r.add(http.MethodGet, "/admin/wording/:key", adminOnly, adm.WordingPage)
	r.add(http.MethodPost, "/admin/wording/:key", adminOnly, adm.SaveWording)
	r.add(http.MethodPost, "/admin/wording/:key/visibility", adminOnly, adm.SetBuiltinVisibility)
	r.add(http.MethodGet, "/admin/conventions", adminOnly, adm.ConventionsPage)
	r.add(http.MethodPost, "/admin/conventions", adminOnly, adm.SaveConventions)
	r.add(http.MethodGet, "/admin/supervision", adminOnly, adm.SupervisionPage)
	r.add(http.MethodPost, "/admin/supervision", adminOnly, adm.SaveSupervision)

	r.add(http.MethodGet, "/clients", caseStaff, cw.Caseload)
	r.add(http.MethodGet, "/clients/new", caseStaff, cw.NewClientPage)
	r.add(http.MethodPost, "/clients", caseStaff, cw.CreateClient)
	r.add(http.MethodGet, "/clients/:id", caseStaff, cw.ClientPage)
	r.add(http.MethodGet, "/clients/:id/edit", caseStaff, cw.EditClientPage)
	r.add(http.MethodPost, "/clients/:id", caseStaff, cw.UpdateClient)
	r.add(http.MethodPost, "/clients/:id/status", caseStaff, cw.SetClientStatus)
	r.add(http.MethodPost, "/clients/:id/archive", caseStaff, cw.ArchiveClient)
	r.add(http.MethodPost, "/clients/:id/reassign", adminOnly, cw.ReassignClient)
	// Deleting a record is an admin's decision (retention, erasure), never a counsellor's alone.
	r.add(http.MethodGet, "/clients/:id/delete", adminOnly, cw.DeleteClientPage)
	r.add(http.MethodPost, "/clients/:id/delete", adminOnly, cw.DeleteClient)
	r.add(http.MethodPost, "/clients/:id/risk-flags/:flag/clear", counsellorOnly, cw.ClearRiskFlag)
	r.add(http.MethodPost, "/clients/:id/attention/snooze", caseStaff, dash.Snooze)

	r.add(http.MethodGet, "/clients/:id/intake", caseStaff, cw.IntakeForm)
	r.add(http.MethodGet, "/clients/:id/intake/:section", caseStaff, cw.IntakeSectionForm)
	r.add(http.MethodPost, "/clients/:id/intake/:section", caseStaff, cw.SaveIntakeSection)
	r.add(http.MethodGet, "/clients/:id/intake/versions", caseStaff, cw.IntakeHistory)
	r.add(http.MethodGet, "/clients/:id/intake/versions/:version", caseStaff, cw.IntakeVersion)

	r.add(http.MethodGet, "/clients/:id/appointments/new", caseStaff, cw.NewAppointmentPage)
	r.add(http.MethodPost, "/clients/:id/appointments", caseStaff, cw.SaveAppointment)
	r.add(http.MethodGet, "/clients/:id/appointments/:appointment/edit", caseStaff, cw.EditAppointmentPage)
	r.add(http.MethodPost, "/clients/:id/appointments/:appointment", caseStaff, cw.SaveAppointment)

	r.add(http.MethodGet, "/clients/:id/goals/new", caseStaff, cw.NewGoalPage)
	r.add(http.MethodPost, "/clients/:id/goals", caseStaff, cw.SaveGoal)
	r.add(http.MethodGet, "/clients/:id/goals/:goal", caseStaff, cw.GoalPage)
	r.add(http.MethodGet, "/clients/:id/goals/:goal/edit", caseStaff, cw.EditGoalPage)
	r.add(http.MethodPost, "/clients/:id/goals/:goal", caseStaff, cw.SaveGoal)
	r.add(http.MethodPost, "/clients/:id/goals/:goal/status", caseStaff, cw.ChangeGoalStatus)
	r.add(http.MethodPost, "/clients/:id/goals/:goal/readings", caseStaff, cw.AddGoalReading)

	r.add(http.MethodGet, "/clients/:id/progress", caseStaff, cw.ProgressPage)
	r.add(http.MethodPost, "/clients/:id/progress", caseStaff, cw.RecordSitting)
	r.add(http.MethodPost, "/clients/:id/events", caseStaff, cw.AddEventNote)
	r.add(http.MethodPost, "/clients/:id/checkins", caseStaff, cw.CreateCheckin)
	r.add(http.MethodPost, "/clients/:id/checkins/:checkin/revoke", caseStaff, cw.RevokeCheckin)
	r.add(http.MethodGet, "/clients/:id/plan", caseStaff, cw.PlanPage)
	r.add(http.MethodPost, "/clients/:id/plan", caseStaff, cw.SavePlan)
	r.add(http.MethodPost, "/clients/:id/plan/remove", caseStaff, cw.RemovePlan)

	r.add(http.MethodGet, "/clients/:id/link", caseStaff, cw.ClientLinkPage)
	r.add(http.MethodPost, "/clients/:id/link", caseStaff, cw.IssueClientLink)
	r.add(http.MethodPost, "/clients/:id/link/revoke", caseStaff, cw.RevokeClientLink)

	r.add(http.MethodGet, "/clients/:id/homework/new", caseStaff, hwk.NewAssignment)
	r.add(http.MethodPost, "/clients/:id/homework", caseStaff, hwk.CreateAssignment)
	r.add(http.MethodGet, "/clients/:id/homework/:assignment", caseStaff, hwk.ShowAssignment)
	r.add(http.MethodPost, "/clients/:id/homework/:assignment/revoke", caseStaff, hwk.RevokeAssignment)
	r.add(http.MethodPost, "/clients/:id/homework/:assignment/entries/:entry/review", caseStaff, hwk.ReviewEntry)

	r.add(http.MethodGet, "/homework/templates", caseStaff, hwk.Templates)
	r.add(http.MethodGet, "/homework/templates/new", caseStaff, hwk.NewTemplate)
	r.add(http.MethodPost, "/homework/templates", caseStaff, hwk.SaveTemplate)
	r.add(http.MethodGet, "/homework/templates/preview", caseStaff, hwk.Preview)
	r.add(http.MethodGet, "/homework/templates/phone", caseStaff, hwk.PhonePreview)
	r.add(http.MethodGet, "/homework/templates/:template/edit", caseStaff, hwk.EditTemplate)
	r.add(http.MethodPost, "/homework/templates/:template", caseStaff, hwk.SaveTemplate)

	r.add(http.MethodGet, "/exports", anyStaff, sup.ExportsPage)
	r.add(http.MethodGet, "/outcomes", outcomeStaff, sup.OutcomesPage)
	r.add(http.MethodGet, "/exports/:kind", anyStaff, sup.Download)
	r.add(http.MethodPost, "/exports/:kind", anyStaff, sup.Download)

	// Clients: the token opens a neutral page (GET changes nothing); its button starts a
	// short session bound to that one link of one client, and the client's page lives at /h.
	r.clientToken(http.MethodGet, "/h/:token", client.OpenLinkPage)
	r.clientToken(http.MethodPost, "/h/open", client.OpenLink)
	r.add(http.MethodGet, "/h", clientLink, client.Home)
	r.add(http.MethodPost, "/h/pick", clientLink, client.PickItem)
	r.add(http.MethodPost, "/h/entry", clientLink, client.FormPost)
	r.add(http.MethodPost, "/h/checkin", clientLink, client.CheckinPost)
	r.clientToken(http.MethodPost, "/h/exit", client.QuickExit)
	r.add(http.MethodGet, "/h/earlier", clientLink, client.Earlier)
	r.add(http.MethodPost, "/h/earlier", clientLink, client.EarlierPost)

	if s.cfg.BenchCeiling {
		// Only under make bench-http: a signed-in page with no work but SELECT 1, the ceiling
		// the other pages are measured against. Production and the tests never set the flag.
		r.add(http.MethodGet, "/bench/ceiling", anyStaff, s.benchCeiling)
	}

	s.echo.RouteNotFound("/*", func(echo.Context) error { return echo.ErrNotFound }, s.loadSession)
	for key := range s.queryRules {
		if !slices.ContainsFunc(s.routes, func(rt Route) bool { return rt.Method+" "+rt.Path == key }) {
			r.err = fmt.Errorf("web: query rules for %s, which is not a route", key)
		}
	}
	return r.err
}

// router registers routes with the middleware their Access calls for.
type router struct {
	s           *Server
	requireLink echo.MiddlewareFunc // a live client link's session (clientside.RequireLink)
	err         error
}

// clientToken registers a route a private link's token opens: the client session and CSRF,
// but no session yet to require (the handler checks the token).
func (r *router) clientToken(method, path string, h echo.HandlerFunc) {
	r.s.echo.Add(method, path, h, r.s.loadClientSession, r.s.csrf(r.s.clientSessions, csrfPreSession))
	r.s.routes = append(r.s.routes, Route{Method: method, Path: path, Access: clientLink})
}

// bare registers a public route that needs no session (probes, assets).
func (r *router) bare(method, path string, h echo.HandlerFunc) {
	r.s.echo.Add(method, path, h)
	r.s.routes = append(r.s.routes, Route{Method: method, Path: path, Access: public})
}

// add registers a route behind the session, CSRF and access checks its Access names.
func (r *router) add(method, path string, access Access, h echo.HandlerFunc) {
	mw := []echo.MiddlewareFunc{r.s.loadSession, r.s.csrf(r.s.sessions, csrfSession)}
	switch access.Kind {
	case Public:
	case SignedIn:
		mw = append(mw, r.s.requireStaff(access.Roles...))
	case ClientLink:
		mw = []echo.MiddlewareFunc{r.s.loadClientSession, r.s.csrf(r.s.clientSessions, csrfSession), r.requireLink}
	default:
		r.err = fmt.Errorf("web: route %s %s: access %v is not wired yet", method, path, access)
		return
	}
	r.s.echo.Add(method, path, h, mw...)
	r.s.routes = append(r.s.routes, Route{Method: method, Path: path, Access: access, Query: r.s.queryRules[method+" "+path]})
}
