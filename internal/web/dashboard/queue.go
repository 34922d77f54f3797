package dashboard

import (
	"strconv"

	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/supervision"
	"github.com/securebase/securebase/internal/web/kit"
	view "github.com/securebase/securebase/templates/dashboard"
)

// kindCountLabels names the counts at the top of the page, worst first.
var kindCountLabels = map[string]string{
	store.KindRisk: "Risk flags", store.KindItemNine: "PHQ-9 item 9 answers", store.KindDeterioration: "Scores reliably worse",
	store.KindMarkerFall: "Markers falling", store.KindReview: "Entries to review", store.KindOverdue: "Homework overdue",
	store.KindExpiring: "Links expiring", store.KindGoalDue: "Goals due", store.KindMissedCheckin: "Check-ins missed",
}

// kindCounts are the counts by kind in the order of the queue.
func kindCounts(counts map[string]int) []view.KindCount {
	var out []view.KindCount
	for _, k := range store.AttentionKinds() {
		out = append(out, view.KindCount{Kind: k, Label: kindCountLabels[k], Count: counts[k]})
	}
	return out
}

// rows turns the queue's parts (ordered by client, worst first) into one row per client.
// Identified rows name the client and link each part to where it is handled; a supervisor's
// carry the code only, no label (labels are the practice's words), and link to the exports
// of the client's counsellor, the one page of theirs a supervisor may open.
func rows(parts []store.QueuePart, identified bool, names map[int64]string) []view.Row {
	var out []view.Row
	for _, p := range parts {
		if len(out) == 0 || out[len(out)-1].ClientID != p.ClientID {
			r := view.Row{ClientID: p.ClientID, Code: p.Code, Counsellor: names[p.CounsellorID]}
			if identified {
				r.Name, r.Target = clientName(p.DashClient), kit.ClientPath(p.ClientID)
			} else {
				r.Target = exportsPath(p.CounsellorID)
			}
			out = append(out, r)
		}
		r := &out[len(out)-1]
		if !identified {
			p.Label = ""
			if n := len(r.Parts); n > 0 && r.Parts[n-1].Kind == p.Kind {
				r.Parts[n-1].N += p.N
				r.Parts[n-1].Text = partText(p.Kind, "", r.Parts[n-1].N)
				continue
			}
		}
		part := view.Part{Kind: p.Kind, Label: p.Label, N: p.N, Text: partText(p.Kind, p.Label, p.N),
			Snoozable: identified && store.Snoozable(p.Kind), Key: partKey(p.ClientID, p.Kind, p.Label)}
		if identified {
			part.Target = partTarget(p)
		}
		r.Parts = append(r.Parts, part)
	}
	return out
}

// groups splits a supervisor's rows by counsellor, keeping the worst-first order: a
// counsellor's place is that of their worst client.
func groups(rs []view.Row, parts []store.QueuePart, names map[int64]string) []view.Group {
	counsellorOf := map[int64]int64{}
	for _, p := range parts {
		counsellorOf[p.ClientID] = p.CounsellorID
	}
	var out []view.Group
	at := map[int64]int{}
	for _, r := range rs {
		cid := counsellorOf[r.ClientID]
		i, ok := at[cid]
		if !ok {
			i = len(out)
			at[cid] = i
			name := names[cid]
			if name == "" {
				name = supervision.CounsellorCode(cid)
			}
			out = append(out, view.Group{Counsellor: name, Target: exportsPath(cid)})
		}
		r.Counsellor = ""
		out[i].Rows = append(out[i].Rows, r)
	}
	return out
}

// exportsPath is the de-identified caseload export of one counsellor's clients.
func exportsPath(counsellorID int64) string {
	return "/exports?kind=caseload&counsellor=" + strconv.FormatInt(counsellorID, 10)
}

func clientName(c store.DashClient) string {
	name := c.FirstName
	if c.PreferredName != "" {
		name = c.PreferredName
	}
	return name + " " + c.LastName
}

// partKey names a part's snooze form on the page.
func partKey(clientID int64, kind, label string) string {
	return strconv.FormatInt(clientID, 10) + "/" + kind + "/" + label
}

// partTarget is where a part is handled: the risk section, the progress page, the
// assignment, the link, the goal.
func partTarget(p store.QueuePart) string {
	base := kit.ClientPath(p.ClientID)
	switch p.Kind {
	case store.KindRisk, store.KindItemNine:
		return base + "#risk"
	case store.KindDeterioration, store.KindMarkerFall, store.KindMissedCheckin:
		return base + "/progress"
	case store.KindReview:
		if p.AssignmentID.Valid {
			return base + "/homework/" + strconv.FormatInt(p.AssignmentID.Int64, 10)
		}
		return base + "#homework"
	case store.KindOverdue:
		if p.N == 1 {
			return base + "/homework/" + strconv.FormatInt(p.RefID, 10)
		}
		return base + "#homework"
	case store.KindExpiring:
		return base + "#link"
	case store.KindGoalDue:
		if p.N == 1 {
			return kit.GoalPath(p.ClientID, p.RefID)
		}
		return base + "#goals-h"
	}
	return base
}

// partText words a part: "4 Daily tally entries to review", "1 link expiring".
func partText(kind, label string, n int) string {
	plural := func(one, many string) string {
		if n == 1 {
			return one
		}
		return many
	}
	count := strconv.Itoa(n) + " "
	with := func(s string) string {
		if label == "" {
			return count + s
		}
		return count + label + " " + s
	}
	switch kind {
	case store.KindRisk:
		return count + plural("risk flag open", "risk flags open")
	case store.KindItemNine:
		return count + plural("PHQ-9 item 9 answer above 0", "PHQ-9 item 9 answers above 0")
	case store.KindDeterioration:
		return with(plural("score reliably worse", "scores reliably worse"))
	case store.KindMarkerFall:
		return count + plural("marker falling", "markers falling")
	case store.KindReview:
		return with(plural("entry to review", "entries to review"))
	case store.KindOverdue:
		return with(plural("assignment overdue", "assignments overdue"))
	case store.KindExpiring:
		return count + plural("link expiring", "links expiring")
	case store.KindGoalDue:
		if n == 1 && label != "" {
			return "1 goal due: " + label
		}
		return count + plural("goal due", "goals due")
	case store.KindMissedCheckin:
		return count + plural("check-in missed", "check-ins missed")
	}
	return count + kind
}
