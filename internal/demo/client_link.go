package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/securebase/securebase/internal/auth"
	"github.com/securebase/securebase/internal/store"
)

// clientLinkDays is how long the demo client's link lives, as a counsellor's would.
const clientLinkDays = 60

// issueClientLink gives a demo client their one private link, as their counsellor would from
// the client's page, and returns the token (the store keeps only its hash).
func issueClientLink(ctx context.Context, st *store.Store, practiceID int64, cl store.Client, now time.Time) (string, error) {
	token, hash, err := auth.NewLinkToken()
	if err != nil {
		return "", err
	}
	in := store.LinkInput{TokenHash: hash, ExpiresAt: now.AddDate(0, 0, clientLinkDays)}
	_, _, err = st.IssueClientLink(ctx, practiceID, cl.ID, cl.CounsellorID, in,
		seeded(cl.CounsellorID, "link.issue", "client", cl.ID), func(id, ended int64) string { return "demo" })
	if err != nil {
		return "", fmt.Errorf("demo client link: %w", err)
	}
	return token, nil
}
