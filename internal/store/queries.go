package store

import "github.com/jmoiron/sqlx"

// queries are the store's statements, one per named block of queries/*.sql, all prepared
// when the store opens (see prepareQueries).
type queries struct {
	// queries/audit.sql
	RecordAudit *sqlx.Stmt `query:"record-audit"`
	AuditLog    *sqlx.Stmt `query:"audit-log"`

	// queries/appointments.sql
	CreateAppointment     *sqlx.Stmt `query:"create-appointment"`
	UpdateAppointment     *sqlx.Stmt `query:"update-appointment"`
	Appointment           *sqlx.Stmt `query:"appointment"`
	Appointments          *sqlx.Stmt `query:"appointments"`
	SummariseAppointments *sqlx.Stmt `query:"summarise-appointments"`

	// queries/assignments.sql
	CreateAssignment   *sqlx.Stmt `query:"create-assignment"`
	CreateAssignment2  *sqlx.Stmt `query:"create-assignment2"`
	LockOpenClient     *sqlx.Stmt `query:"lock-open-client"`
	Assignment         *sqlx.Stmt `query:"assignment"`
	Assignments        *sqlx.Stmt `query:"assignments"`
	RevokeAssignment   *sqlx.Stmt `query:"revoke-assignment"`
	RevokeAssignment2  *sqlx.Stmt `query:"revoke-assignment2"`
	RevokeClientLinks  *sqlx.Stmt `query:"revoke-client-links"`
	RevokeClientLinks2 *sqlx.Stmt `query:"revoke-client-links2"`

	// queries/builtin_wordings.sql
	BuiltinWordings     *sqlx.Stmt `query:"builtin-wordings"`
	SaveBuiltinWording  *sqlx.Stmt `query:"save-builtin-wording"`
	ResetBuiltinWording *sqlx.Stmt `query:"reset-builtin-wording"`

	// queries/client_delete.sql
	Retention          *sqlx.Stmt `query:"retention"`
	ClientRecordCounts *sqlx.Stmt `query:"client-record-counts"`
	DeleteClient       *sqlx.Stmt `query:"delete-client"`
	DeleteClient2      *sqlx.Stmt `query:"delete-client2"`

	// queries/client_links.sql
	LinkByTokenHash    *sqlx.Stmt `query:"link-by-token-hash"`
	ClientLinkByID     *sqlx.Stmt `query:"client-link-by-id"`
	ClientViewOf       *sqlx.Stmt `query:"client-view-of"`
	CheckinClient      *sqlx.Stmt `query:"checkin-client"`
	ClientLinkState    *sqlx.Stmt `query:"client-link-state"`
	IssueClientLink    *sqlx.Stmt `query:"issue-client-link"`
	RevokeLinksOf      *sqlx.Stmt `query:"revoke-links-of"`
	ClientViewByClient *sqlx.Stmt `query:"client-view-by-client"`
	LiveClientLinkID   *sqlx.Stmt `query:"live-client-link-id"`

	// queries/client_pin.sql
	SetLinkPIN  *sqlx.Stmt `query:"set-link-pin"`
	TryLinkPIN  *sqlx.Stmt `query:"try-link-pin"`
	PINWasRight *sqlx.Stmt `query:"pin-was-right"`
	LockLinkPIN *sqlx.Stmt `query:"lock-link-pin"`

	// queries/clients.sql
	CreateClient    *sqlx.Stmt `query:"create-client"`
	CreateClient2   *sqlx.Stmt `query:"create-client2"`
	Client          *sqlx.Stmt `query:"client"`
	UpdateClient    *sqlx.Stmt `query:"update-client"`
	SetClientStatus *sqlx.Stmt `query:"set-client-status"`
	ReassignClient  *sqlx.Stmt `query:"reassign-client"`
	ArchiveClient   *sqlx.Stmt `query:"archive-client"`
	RestoreClient   *sqlx.Stmt `query:"restore-client"`
	Caseload        *sqlx.Stmt `query:"caseload"`
	Counsellors     *sqlx.Stmt `query:"counsellors"`

	// queries/dashboard.sql
	GenericPlans               *sqlx.Stmt `query:"generic-plans"`
	DashStatusCountsPractice   *sqlx.Stmt `query:"dash-status-counts-practice"`
	DashStatusCounts           *sqlx.Stmt `query:"dash-status-counts"`
	DashRiskFlagsPractice      *sqlx.Stmt `query:"dash-risk-flags-practice"`
	DashRiskFlags              *sqlx.Stmt `query:"dash-risk-flags"`
	DashItemNinePractice       *sqlx.Stmt `query:"dash-item-nine-practice"`
	DashItemNine               *sqlx.Stmt `query:"dash-item-nine"`
	DashAwaitingReviewPractice *sqlx.Stmt `query:"dash-awaiting-review-practice"`
	DashAwaitingReview         *sqlx.Stmt `query:"dash-awaiting-review"`
	DashOverduePractice        *sqlx.Stmt `query:"dash-overdue-practice"`
	DashOverdue                *sqlx.Stmt `query:"dash-overdue"`
	DashExpiringPractice       *sqlx.Stmt `query:"dash-expiring-practice"`
	DashExpiring               *sqlx.Stmt `query:"dash-expiring"`
	DashGoalsDuePractice       *sqlx.Stmt `query:"dash-goals-due-practice"`
	DashGoalsDue               *sqlx.Stmt `query:"dash-goals-due"`
	DashMarkerFallsPractice    *sqlx.Stmt `query:"dash-marker-falls-practice"`
	DashMarkerFalls            *sqlx.Stmt `query:"dash-marker-falls"`
	DashAppointmentsPractice   *sqlx.Stmt `query:"dash-appointments-practice"`
	DashAppointments           *sqlx.Stmt `query:"dash-appointments"`
	DashRecentPractice         *sqlx.Stmt `query:"dash-recent-practice"`
	DashRecent                 *sqlx.Stmt `query:"dash-recent"`
	DashActiveGoalsPractice    *sqlx.Stmt `query:"dash-active-goals-practice"`
	DashActiveGoals            *sqlx.Stmt `query:"dash-active-goals"`
	DashResultsPractice        *sqlx.Stmt `query:"dash-results-practice"`
	DashResults                *sqlx.Stmt `query:"dash-results"`
	Supervisees                *sqlx.Stmt `query:"supervisees"`

	// queries/entries.sql
	Entries      *sqlx.Stmt `query:"entries"`
	SaveEntry    *sqlx.Stmt `query:"save-entry"`
	SaveEntry2   *sqlx.Stmt `query:"save-entry2"`
	SaveEntry3   *sqlx.Stmt `query:"save-entry3"`
	SaveEntry4   *sqlx.Stmt `query:"save-entry4"`
	SaveEntry5   *sqlx.Stmt `query:"save-entry5"`
	ReviewEntry  *sqlx.Stmt `query:"review-entry"`
	ReviewEntry2 *sqlx.Stmt `query:"review-entry2"`

	// queries/exports.sql
	ExportClients       *sqlx.Stmt `query:"export-clients"`
	JITOff              *sqlx.Stmt `query:"jit-off"`
	ExportCaseload      *sqlx.Stmt `query:"export-caseload"`
	ExportGoals         *sqlx.Stmt `query:"export-goals"`
	ExportHomework      *sqlx.Stmt `query:"export-homework"`
	ExportScores        *sqlx.Stmt `query:"export-scores"`
	PracticeCounsellors *sqlx.Stmt `query:"practice-counsellors"`

	// queries/exports_practice.sql
	ExportFirstYear    *sqlx.Stmt `query:"export-first-year"`
	SetExportFirstYear *sqlx.Stmt `query:"set-export-first-year"`

	// queries/goals.sql
	CreateGoal      *sqlx.Stmt `query:"create-goal"`
	Goal            *sqlx.Stmt `query:"goal"`
	Goals           *sqlx.Stmt `query:"goals"`
	UpdateGoal      *sqlx.Stmt `query:"update-goal"`
	TransitionGoal  *sqlx.Stmt `query:"transition-goal"`
	ReviseGoal      *sqlx.Stmt `query:"revise-goal"`
	TransitionGoalX *sqlx.Stmt `query:"transition-goal-x"`
	TransitionGoal2 *sqlx.Stmt `query:"transition-goal2"`
	GoalHistory     *sqlx.Stmt `query:"goal-history"`
	AddGoalReading  *sqlx.Stmt `query:"add-goal-reading"`
	GoalReadings    *sqlx.Stmt `query:"goal-readings"`

	// queries/homework_templates.sql
	HomeworkTemplates       *sqlx.Stmt `query:"homework-templates"`
	HomeworkTemplate        *sqlx.Stmt `query:"homework-template"`
	CreateHomeworkTemplate  *sqlx.Stmt `query:"create-homework-template"`
	UpdateHomeworkTemplate  *sqlx.Stmt `query:"update-homework-template"`
	ArchiveHomeworkTemplate *sqlx.Stmt `query:"archive-homework-template"`

	// queries/intake.sql
	LatestIntake    *sqlx.Stmt `query:"latest-intake"`
	IntakeVersionAt *sqlx.Stmt `query:"intake-version-at"`
	IntakeHistory   *sqlx.Stmt `query:"intake-history"`
	SaveIntake      *sqlx.Stmt `query:"save-intake"`
	SaveIntake2     *sqlx.Stmt `query:"save-intake2"`
	SaveIntake3     *sqlx.Stmt `query:"save-intake3"`
	RaiseFlag       *sqlx.Stmt `query:"raise-flag"`

	// queries/login_attempts.sql
	StartLoginAttempt          *sqlx.Stmt `query:"start-login-attempt"`
	StartLoginAttempt2         *sqlx.Stmt `query:"start-login-attempt2"`
	StartLoginAttempt3         *sqlx.Stmt `query:"start-login-attempt3"`
	MarkLoginSucceeded         *sqlx.Stmt `query:"mark-login-succeeded"`
	DeleteLoginAttemptsBefore  *sqlx.Stmt `query:"delete-login-attempts-before"`
	DeleteLoginAttemptsBefore2 *sqlx.Stmt `query:"delete-login-attempts-before2"`
	DeleteDevicesUnusedSince   *sqlx.Stmt `query:"delete-devices-unused-since"`

	// queries/login_throttles.sql
	StartSignIn      *sqlx.Stmt `query:"start-sign-in"`
	StartSignIn2     *sqlx.Stmt `query:"start-sign-in2"`
	StartSignIn3     *sqlx.Stmt `query:"start-sign-in3"`
	StartSignIn4     *sqlx.Stmt `query:"start-sign-in4"`
	SignInSucceeded  *sqlx.Stmt `query:"sign-in-succeeded"`
	SignInSucceeded2 *sqlx.Stmt `query:"sign-in-succeeded2"`
	RememberDevice   *sqlx.Stmt `query:"remember-device"`
	IsKnownDevice    *sqlx.Stmt `query:"is-known-device"`

	// queries/number_format.sql
	DecimalComma    *sqlx.Stmt `query:"decimal-comma"`
	SetDecimalComma *sqlx.Stmt `query:"set-decimal-comma"`

	// queries/practices.sql
	CreatePractice     *sqlx.Stmt `query:"create-practice"`
	Practice           *sqlx.Stmt `query:"practice"`
	PracticeByName     *sqlx.Stmt `query:"practice-by-name"`
	CountPractices     *sqlx.Stmt `query:"count-practices"`
	Settings           *sqlx.Stmt `query:"settings"`
	TwoFactorRequired  *sqlx.Stmt `query:"two-factor-required"`
	SaveSettings       *sqlx.Stmt `query:"save-settings"`
	SaveSettings2      *sqlx.Stmt `query:"save-settings2"`
	PseudonymKey       *sqlx.Stmt `query:"pseudonym-key"`
	PseudonymKey2      *sqlx.Stmt `query:"pseudonym-key2"`
	RotatePseudonymKey *sqlx.Stmt `query:"rotate-pseudonym-key"`

	// queries/progress.sql
	Markers         *sqlx.Stmt `query:"markers"`
	SaveMarker      *sqlx.Stmt `query:"save-marker"`
	SaveMarker2     *sqlx.Stmt `query:"save-marker2"`
	RecordProgress  *sqlx.Stmt `query:"record-progress"`
	RecordProgress2 *sqlx.Stmt `query:"record-progress2"`
	RecordProgress3 *sqlx.Stmt `query:"record-progress3"`
	RecordProgress4 *sqlx.Stmt `query:"record-progress4"`
	ClientProgress  *sqlx.Stmt `query:"client-progress"`
	ClientProgress2 *sqlx.Stmt `query:"client-progress2"`
	ClientProgress3 *sqlx.Stmt `query:"client-progress3"`
	AddEventNote    *sqlx.Stmt `query:"add-event-note"`
	CreateCheckin   *sqlx.Stmt `query:"create-checkin"`
	CreateCheckin2  *sqlx.Stmt `query:"create-checkin2"`
	CheckinByID     *sqlx.Stmt `query:"checkin-by-id"`
	Checkins        *sqlx.Stmt `query:"checkins"`
	Conventions     *sqlx.Stmt `query:"conventions"`
	SetConventions  *sqlx.Stmt `query:"set-conventions"`
	Supervision     *sqlx.Stmt `query:"supervision"`
	SetSupervision  *sqlx.Stmt `query:"set-supervision"`
	SetSupervision2 *sqlx.Stmt `query:"set-supervision2"`
	SetSupervision3 *sqlx.Stmt `query:"set-supervision3"`
	RevokeCheckin   *sqlx.Stmt `query:"revoke-checkin"`
	RevokeCheckin2  *sqlx.Stmt `query:"revoke-checkin2"`

	// queries/risk_flags.sql
	RiskFlags     *sqlx.Stmt `query:"risk-flags"`
	ClearRiskFlag *sqlx.Stmt `query:"clear-risk-flag"`

	// queries/sessions.sql
	FindSession           *sqlx.Stmt `query:"find-session"`
	SaveSession           *sqlx.Stmt `query:"save-session"`
	DeleteSession         *sqlx.Stmt `query:"delete-session"`
	CountUserSessions     *sqlx.Stmt `query:"count-user-sessions"`
	DeleteExpiredSessions *sqlx.Stmt `query:"delete-expired-sessions"`

	// queries/store.sql
	SelectOne *sqlx.Stmt `query:"select-one"`

	// queries/two_factor.sql
	TwoFactor            *sqlx.Stmt `query:"two-factor"`
	EnableTwoFactor      *sqlx.Stmt `query:"enable-two-factor"`
	EnableTwoFactor2     *sqlx.Stmt `query:"enable-two-factor2"`
	EnableTwoFactor3     *sqlx.Stmt `query:"enable-two-factor3"`
	EnableTwoFactor4     *sqlx.Stmt `query:"enable-two-factor4"`
	DisableTwoFactor     *sqlx.Stmt `query:"disable-two-factor"`
	AcceptTOTPStep       *sqlx.Stmt `query:"accept-totp-step"`
	UseRecoveryCode      *sqlx.Stmt `query:"use-recovery-code"`
	UseRecoveryCode2     *sqlx.Stmt `query:"use-recovery-code2"`
	UserSessions         *sqlx.Stmt `query:"user-sessions"`
	EndOtherSessions     *sqlx.Stmt `query:"end-other-sessions"`
	SetEmail             *sqlx.Stmt `query:"set-email"`
	CountTwoFactor       *sqlx.Stmt `query:"count-two-factor"`
	ResealTwoFactor      *sqlx.Stmt `query:"reseal-two-factor"`
	ResealTwoFactor2     *sqlx.Stmt `query:"reseal-two-factor2"`
	ReplaceRecoveryCodes *sqlx.Stmt `query:"replace-recovery-codes"`
	ResetTwoFactor       *sqlx.Stmt `query:"reset-two-factor"`

	// queries/users.sql
	UserByEmail    *sqlx.Stmt `query:"user-by-email"`
	User           *sqlx.Stmt `query:"user"`
	Users          *sqlx.Stmt `query:"users"`
	CreateUser     *sqlx.Stmt `query:"create-user"`
	DeactivateUser *sqlx.Stmt `query:"deactivate-user"`
	SetPassword    *sqlx.Stmt `query:"set-password"`
}
