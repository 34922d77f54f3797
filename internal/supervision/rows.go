package supervision

import "time"

// The rows the store reads for each file, before they are shaped. Each has the fields of its
// store row (store.GoalExportRow and the others) in the same order, so one converts to the
// other with a plain conversion.

// CaseloadRow is one client of the caseload summary.
type CaseloadRow struct {
	ClientID        int64
	Code            string
	CounsellorID    int64
	FirstName       string
	LastName        string
	Status          string
	Format          string
	FirstDay        time.Time
	Attended        int
	Cancelled       int
	NoShow          int
	FirstAppt       *time.Time
	LastAppt        *time.Time
	GoalsDraft      int
	GoalsActive     int
	GoalsAchieved   int
	GoalsRevised    int
	GoalsStopped    int
	EntriesMade     int
	EntriesExpected int
	Measures        []byte // {"phq9": [first, latest], ...}
	Markers         []byte // {"12": [first, latest], ...}
	RiskLevel       *string
	FlagOpen        bool
}

// GoalRow is one goal with its latest reading.
type GoalRow struct {
	ClientID      int64
	Code          string
	FirstDay      time.Time
	GoalID        int64
	GoalNumber    int
	MetricCode    string
	UnitCode      string
	Statement     string
	Metric        string
	Unit          string
	Direction     string
	BaselineValue *float64
	BaselineDate  *time.Time
	TargetValue   *float64
	TargetDate    *time.Time
	Status        string
	LatestValue   *float64
	LatestDate    *time.Time
}

// HomeworkRow is one answer of one entry, in long form.
type HomeworkRow struct {
	ClientID     int64
	Code         string
	FirstDay     time.Time
	AssignmentID int64
	AssignmentNo int
	FieldNo      int
	Template     string
	EntryDate    time.Time
	FieldKey     string
	Number       *float64
	Text         *string
	Made         int
	Expected     int
}

// ScoreRow is one score in long form: a questionnaire item or total, or a marker rating.
type ScoreRow struct {
	ClientID   int64
	Code       string
	FirstDay   time.Time
	Day        time.Time
	Instrument string
	Item       string
	Score      int
}
