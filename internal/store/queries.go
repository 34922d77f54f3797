package store

import "github.com/jmoiron/sqlx"

// queries are the store's statements, one per named block of queries/*.sql, all prepared
// when the store opens (see prepareQueries).
type queries struct {
	// queries/audit.sql
	RecordAudit         *sqlx.Stmt `query:"record-audit"`
	RecordAuditUnscoped *sqlx.Stmt `query:"record-audit-unscoped"`
	AuditLog            *sqlx.Stmt `query:"audit-log"`

	// queries/appointments.sql
	CreateAppointment     *sqlx.Stmt `query:"create-appointment"`
	UpdateAppointment     *sqlx.Stmt `query:"update-appointment"`
	Appointment           *sqlx.Stmt `query:"appointment"`
	Appointments          *sqlx.Stmt `query:"appointments"`
	SummariseAppointments *sqlx.Stmt `query:"summarise-appointments"`

	// queries/assignments.sql
	InsertAssignment        *sqlx.Stmt `query:"insert-assignment"`
	AssignmentByRequestKey  *sqlx.Stmt `query:"assignment-by-request-key"`
	LockOpenClient          *sqlx.Stmt `query:"lock-open-client"`
	Assignment              *sqlx.Stmt `query:"assignment"`
	Assignments             *sqlx.Stmt `query:"assignments"`
	RevokeAssignment        *sqlx.Stmt `query:"revoke-assignment"`
	RevokeAssignmentLinks   *sqlx.Stmt `query:"revoke-assignment-links"`
	RevokeOpenCheckins      *sqlx.Stmt `query:"revoke-open-checkins"`
	RevokeClientAssignments *sqlx.Stmt `query:"revoke-client-assignments"`

	// queries/attention.sql
	LockAttention      *sqlx.Stmt `query:"attention-lock"`
	SyncAttention      *sqlx.Stmt `query:"attention-sync"`
	ClientsWithResults *sqlx.Stmt `query:"attention-clients-with-results"`

	// queries/plans.sql
	Plan                  *sqlx.Stmt `query:"plan"`
	SavePlan              *sqlx.Stmt `query:"save-plan"`
	DeletePlan            *sqlx.Stmt `query:"delete-plan"`
	SetPlanPauses         *sqlx.Stmt `query:"set-plan-pauses"`
	RevokePlannedCheckins *sqlx.Stmt `query:"revoke-planned-checkins"`
	PlanContext           *sqlx.Stmt `query:"plan-context"`
	InsertPlannedCheckins *sqlx.Stmt `query:"insert-planned-checkins"`
	DueCheckins           *sqlx.Stmt `query:"due-checkins"`
	PlannedCheckins       *sqlx.Stmt `query:"planned-checkins"`
	PracticePlanClients   *sqlx.Stmt `query:"practice-plan-clients"`
	PracticeDueForms      *sqlx.Stmt `query:"practice-due-forms"`
	PlanSettings          *sqlx.Stmt `query:"plan-settings"`
	SavePlanSettings      *sqlx.Stmt `query:"save-plan-settings"`
	OveruseDays           *sqlx.Stmt `query:"overuse-days"`

	// queries/builtin_wordings.sql
	BuiltinWordings     *sqlx.Stmt `query:"builtin-wordings"`
	SaveBuiltinWording  *sqlx.Stmt `query:"save-builtin-wording"`
	ResetBuiltinWording *sqlx.Stmt `query:"reset-builtin-wording"`
	HiddenBuiltins      *sqlx.Stmt `query:"hidden-builtins"`
	HideBuiltin         *sqlx.Stmt `query:"hide-builtin"`
	ShowBuiltin         *sqlx.Stmt `query:"show-builtin"`

	// queries/client_delete.sql
	Retention           *sqlx.Stmt `query:"retention"`
	ClientRecordCounts  *sqlx.Stmt `query:"client-record-counts"`
	LockClientRetention *sqlx.Stmt `query:"lock-client-retention"`
	DeleteClient        *sqlx.Stmt `query:"delete-client"`

	// queries/client_page.sql
	ClientPage   *sqlx.Stmt `query:"client-page"`
	ProgressPage *sqlx.Stmt `query:"progress-page"`

	// queries/client_links.sql
	LinkRoute          *sqlx.Stmt `query:"link-route"`
	LinkByTokenHash    *sqlx.Stmt `query:"link-by-token-hash"`
	LinkByHashUnrouted *sqlx.Stmt `query:"link-by-token-hash-unrouted"`
	RouteClientLink    *sqlx.Stmt `query:"route-client-link"`
	ClientLinkByID     *sqlx.Stmt `query:"client-link-by-id"`
	ClientViewOf       *sqlx.Stmt `query:"client-view-of"`
	DueAssignments     *sqlx.Stmt `query:"due-assignments"`
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
	NextClientSeq   *sqlx.Stmt `query:"next-client-seq"`
	InsertClient    *sqlx.Stmt `query:"insert-client"`
	ClientByID      *sqlx.Stmt `query:"client-by-id"`
	UpdateClient    *sqlx.Stmt `query:"update-client"`
	SetClientStatus *sqlx.Stmt `query:"set-client-status"`
	ReassignClient  *sqlx.Stmt `query:"reassign-client"`
	ArchiveClient   *sqlx.Stmt `query:"archive-client"`
	RestoreClient   *sqlx.Stmt `query:"restore-client"`
	Caseload        *sqlx.Stmt `query:"caseload"`
	Counsellors     *sqlx.Stmt `query:"counsellors"`

	// queries/dashboard.sql
	GenericPlans             *sqlx.Stmt `query:"generic-plans"`
	DashStatusCountsPractice *sqlx.Stmt `query:"dash-status-counts-practice"`
	DashStatusCounts         *sqlx.Stmt `query:"dash-status-counts"`
	DashAppointmentsPractice *sqlx.Stmt `query:"dash-appointments-practice"`
	DashAppointments         *sqlx.Stmt `query:"dash-appointments"`
	AttentionQueuePractice   *sqlx.Stmt `query:"attention-queue-practice"`
	AttentionQueue           *sqlx.Stmt `query:"attention-queue"`
	AttentionCountsPractice  *sqlx.Stmt `query:"attention-counts-practice"`
	AttentionCounts          *sqlx.Stmt `query:"attention-counts"`
	SnoozeAttention          *sqlx.Stmt `query:"snooze-attention"`
	Supervisees              *sqlx.Stmt `query:"supervisees"`

	// queries/entries.sql
	Entries                 *sqlx.Stmt `query:"entries"`
	EntryAssignmentForLink  *sqlx.Stmt `query:"entry-assignment-for-link"`
	LockEntryOfDay          *sqlx.Stmt `query:"lock-entry-of-day"`
	UpdateEntry             *sqlx.Stmt `query:"update-entry"`
	InsertEntry             *sqlx.Stmt `query:"insert-entry"`
	InsertHomeworkReading   *sqlx.Stmt `query:"insert-homework-reading"`
	LockAssignmentForReview *sqlx.Stmt `query:"lock-assignment-for-review"`
	ReviewEntry             *sqlx.Stmt `query:"review-entry"`
	RecountAssignment       *sqlx.Stmt `query:"recount-assignment-entries"`

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

	// queries/outcomes.sql
	OutcomeEpisodes *sqlx.Stmt `query:"outcome-episodes"`

	// queries/goals.sql
	CreateGoal             *sqlx.Stmt `query:"create-goal"`
	Goal                   *sqlx.Stmt `query:"goal"`
	Goals                  *sqlx.Stmt `query:"goals"`
	UpdateGoal             *sqlx.Stmt `query:"update-goal"`
	LockGoalVersion        *sqlx.Stmt `query:"lock-goal-version"`
	LockGoal               *sqlx.Stmt `query:"lock-goal"`
	SetGoalStatus          *sqlx.Stmt `query:"set-goal-status"`
	InsertGoalStatusChange *sqlx.Stmt `query:"insert-goal-status-change"`
	GoalHistory            *sqlx.Stmt `query:"goal-history"`
	AddGoalReading         *sqlx.Stmt `query:"add-goal-reading"`
	GoalReadings           *sqlx.Stmt `query:"goal-readings"`

	// queries/homework_templates.sql
	HomeworkTemplates       *sqlx.Stmt `query:"homework-templates"`
	HomeworkTemplate        *sqlx.Stmt `query:"homework-template"`
	CreateHomeworkTemplate  *sqlx.Stmt `query:"create-homework-template"`
	UpdateHomeworkTemplate  *sqlx.Stmt `query:"update-homework-template"`
	ArchiveHomeworkTemplate *sqlx.Stmt `query:"archive-homework-template"`

	// queries/intake.sql
	LatestIntake        *sqlx.Stmt `query:"latest-intake"`
	IntakeVersionAt     *sqlx.Stmt `query:"intake-version-at"`
	IntakeHistory       *sqlx.Stmt `query:"intake-history"`
	LockClient          *sqlx.Stmt `query:"lock-client"`
	LatestIntakeVersion *sqlx.Stmt `query:"latest-intake-version"`
	InsertIntakeVersion *sqlx.Stmt `query:"insert-intake-version"`
	RaiseFlag           *sqlx.Stmt `query:"raise-flag"`

	// queries/login_attempts.sql
	LockLoginEmailAndIP       *sqlx.Stmt `query:"lock-login-email-and-ip"`
	RecentLoginFailures       *sqlx.Stmt `query:"recent-login-failures"`
	InsertLoginAttempt        *sqlx.Stmt `query:"insert-login-attempt"`
	MarkLoginSucceeded        *sqlx.Stmt `query:"mark-login-succeeded"`
	DeleteStaleLoginThrottles *sqlx.Stmt `query:"delete-stale-login-throttles"`
	DeleteLoginAttemptsBefore *sqlx.Stmt `query:"delete-login-attempts-before"`
	DeleteDevicesUnusedSince  *sqlx.Stmt `query:"delete-devices-unused-since"`

	// queries/login_throttles.sql
	CountDeviceFailure  *sqlx.Stmt `query:"count-device-failure"`
	SignInWaits         *sqlx.Stmt `query:"sign-in-waits"`
	CountEmailFailure   *sqlx.Stmt `query:"count-email-failure"`
	DelayEmail          *sqlx.Stmt `query:"delay-email"`
	ClearDeviceFailures *sqlx.Stmt `query:"clear-device-failures"`
	ClearEmailThrottle  *sqlx.Stmt `query:"clear-email-throttle"`
	RememberDevice      *sqlx.Stmt `query:"remember-device"`
	IsKnownDevice       *sqlx.Stmt `query:"is-known-device"`

	// queries/number_format.sql
	DecimalComma    *sqlx.Stmt `query:"decimal-comma"`
	SetDecimalComma *sqlx.Stmt `query:"set-decimal-comma"`

	// queries/practices.sql
	CreatePractice              *sqlx.Stmt `query:"create-practice"`
	StartPracticeRows           *sqlx.Stmt `query:"start-practice-rows"`
	Practice                    *sqlx.Stmt `query:"practice"`
	PracticeByName              *sqlx.Stmt `query:"practice-by-name"`
	CountPractices              *sqlx.Stmt `query:"count-practices"`
	Settings                    *sqlx.Stmt `query:"settings"`
	TwoFactorRequired           *sqlx.Stmt `query:"two-factor-required"`
	SaveSettings                *sqlx.Stmt `query:"save-settings"`
	EndSessionsWithoutTwoFactor *sqlx.Stmt `query:"end-sessions-without-two-factor"`
	PseudonymKey                *sqlx.Stmt `query:"pseudonym-key"`
	EnsurePseudonymKey          *sqlx.Stmt `query:"ensure-pseudonym-key"`
	RotatePseudonymKey          *sqlx.Stmt `query:"rotate-pseudonym-key"`

	// queries/progress.sql
	Markers               *sqlx.Stmt `query:"markers"`
	InsertMarker          *sqlx.Stmt `query:"insert-marker"`
	UpdateMarker          *sqlx.Stmt `query:"update-marker"`
	InsertSitting         *sqlx.Stmt `query:"insert-sitting"`
	CompleteCheckin       *sqlx.Stmt `query:"complete-checkin"`
	InsertMarkerRating    *sqlx.Stmt `query:"insert-marker-rating"`
	LockClientForTrends   *sqlx.Stmt `query:"lock-client-for-trends"`
	DeleteMarkerTrends    *sqlx.Stmt `query:"delete-marker-trends"`
	InsertMarkerTrends    *sqlx.Stmt `query:"insert-marker-trends"`
	InsertMeasureResult   *sqlx.Stmt `query:"insert-measure-result"`
	ClientMarkerRatings   *sqlx.Stmt `query:"client-marker-ratings"`
	ClientMeasureResults  *sqlx.Stmt `query:"client-measure-results"`
	ClientEventNotes      *sqlx.Stmt `query:"client-event-notes"`
	AddEventNote          *sqlx.Stmt `query:"add-event-note"`
	InsertCheckin         *sqlx.Stmt `query:"insert-checkin"`
	CheckinByRequestKey   *sqlx.Stmt `query:"checkin-by-request-key"`
	CheckinByID           *sqlx.Stmt `query:"checkin-by-id"`
	Checkins              *sqlx.Stmt `query:"checkins"`
	Conventions           *sqlx.Stmt `query:"conventions"`
	SetConventions        *sqlx.Stmt `query:"set-conventions"`
	Supervision           *sqlx.Stmt `query:"supervision"`
	CheckSupervisionRoles *sqlx.Stmt `query:"check-supervision-roles"`
	DeleteSupervision     *sqlx.Stmt `query:"delete-supervision"`
	InsertSupervision     *sqlx.Stmt `query:"insert-supervision"`
	RevokeCheckin         *sqlx.Stmt `query:"revoke-checkin"`
	RevokeCheckinLinks    *sqlx.Stmt `query:"revoke-checkin-links"`

	// queries/risk_flags.sql
	RiskFlags     *sqlx.Stmt `query:"risk-flags"`
	ClearRiskFlag *sqlx.Stmt `query:"clear-risk-flag"`

	// queries/sessions.sql
	FindSession           *sqlx.Stmt `query:"find-session"`
	SaveSession           *sqlx.Stmt `query:"save-session"`
	DeleteSession         *sqlx.Stmt `query:"delete-session"`
	CountUserSessions     *sqlx.Stmt `query:"count-user-sessions"`
	DeleteExpiredSessions *sqlx.Stmt `query:"delete-expired-sessions"`

	// queries/reminders.sql
	ReminderPractices  *sqlx.Stmt `query:"reminder-practices"`
	ReminderCandidates *sqlx.Stmt `query:"reminder-candidates"`
	ReminderContact    *sqlx.Stmt `query:"reminder-contact"`
	InsertReminderSend *sqlx.Stmt `query:"insert-reminder-send"`
	ReminderSends      *sqlx.Stmt `query:"reminder-sends"`

	// queries/store.sql
	SelectOne          *sqlx.Stmt `query:"select-one"`
	OpenAttentionTotal *sqlx.Stmt `query:"open-attention-total"`
	JobsWaitingTotal   *sqlx.Stmt `query:"jobs-waiting-total"`

	// queries/two_factor.sql
	TwoFactor                *sqlx.Stmt `query:"two-factor"`
	InsertTwoFactor          *sqlx.Stmt `query:"insert-two-factor"`
	DeleteRecoveryCodes      *sqlx.Stmt `query:"delete-recovery-codes"`
	InsertRecoveryCodes      *sqlx.Stmt `query:"insert-recovery-codes"`
	EndSessionsButOne        *sqlx.Stmt `query:"end-sessions-but-one"`
	DisableTwoFactor         *sqlx.Stmt `query:"disable-two-factor"`
	AcceptTOTPStep           *sqlx.Stmt `query:"accept-totp-step"`
	UseRecoveryCode          *sqlx.Stmt `query:"use-recovery-code"`
	CountUnusedRecoveryCodes *sqlx.Stmt `query:"count-unused-recovery-codes"`
	UserSessions             *sqlx.Stmt `query:"user-sessions"`
	EndOtherSessions         *sqlx.Stmt `query:"end-other-sessions"`
	SetEmail                 *sqlx.Stmt `query:"set-email"`
	CountTwoFactor           *sqlx.Stmt `query:"count-two-factor"`
	LockAllTwoFactor         *sqlx.Stmt `query:"lock-all-two-factor"`
	SetTOTPSecret            *sqlx.Stmt `query:"set-totp-secret"`
	LockTwoFactor            *sqlx.Stmt `query:"lock-two-factor"`
	EndUserSessions          *sqlx.Stmt `query:"end-user-sessions"`

	// queries/users.sql
	UserByEmail    *sqlx.Stmt `query:"user-by-email"`
	User           *sqlx.Stmt `query:"user"`
	Users          *sqlx.Stmt `query:"users"`
	CreateUser     *sqlx.Stmt `query:"create-user"`
	DeactivateUser *sqlx.Stmt `query:"deactivate-user"`
	SetPassword    *sqlx.Stmt `query:"set-password"`
}
