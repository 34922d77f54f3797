package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/securebase/securebase/internal/keyring"
	"github.com/securebase/securebase/internal/store"
	"github.com/securebase/securebase/internal/testutil"
)

// enrolPlain stores a second factor as releases before sealing did: in plain text.
func enrolPlain(t *testing.T, db *testutil.Database) (store.User, string) {
	t.Helper()
	st, err := store.New(db.App)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p, err := st.CreatePractice(ctx, "Harbour")
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.CreateUser(ctx, p.ID, store.NewUser{Email: "sam@test.example", DisplayName: "Sam", Role: store.RoleCounsellor, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	const secret = "JBSWY3DPEHPK3PXPJBSWY3DP" //nolint:gosec // a test TOTP secret
	if err := st.EnableTwoFactor(ctx, p.ID, u.ID, secret, 1, time.Now(), nil, nil); err != nil {
		t.Fatal(err)
	}
	return u, secret
}

func storedSecret(t *testing.T, db *testutil.Database, u store.User) string {
	t.Helper()
	var v string
	if err := db.App.Get(&v, `SELECT totp_secret FROM two_factor WHERE user_id = $1`, u.ID); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestServeRefusesToStartWithoutAKeyOnceASecondFactorExists, and with a key seals the secrets
// stored in plain text before it serves.
func TestServeRefusesToStartWithoutAKeyOnceASecondFactorExists(t *testing.T) {
	db := testutil.NewDatabase(t)
	u, secret := enrolPlain(t, db)
	t.Setenv("DATABASE_URL", db.AppURL)
	t.Setenv("LISTEN_ADDR", testutil.FreeLoopbackAddr(t))
	_, errOut, code := runCLI(t, "", "serve")
	if code != 1 || !strings.Contains(errOut, "no encryption key") {
		t.Fatalf("serve without a key: exit %d, %q", code, errOut)
	}

	line, _, _ := runCLI(t, "", "keys", "generate")
	file := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(file, []byte("# the sealing key\n"+line), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ENCRYPTION_KEYS_FILE", file)
	addr := testutil.FreeLoopbackAddr(t)
	t.Setenv("LISTEN_ADDR", addr)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errs testutil.LogBuffer
	done := make(chan int)
	go func() { done <- run(ctx, []string{"serve"}, strings.NewReader(""), &out, &errs) }()
	for i := 0; i < 100 && status("http://"+addr+"/readyz") != 200; i++ {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("serve with a key: exit %d, %s", code, errs.String())
	}
	stored := storedSecret(t, db, u)
	keys, err := keyring.Parse(line)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := keys.Open(stored, keyring.TOTPContext(u.PracticeID, u.ID)); err != nil || got != secret || strings.Contains(stored, secret) {
		t.Fatalf("after serve with a key the secret is %q (%v), want it sealed", stored, err)
	}
}

// TestKeysRotateSealsEverySecretWithTheFirstKey: after rotate, the new key alone opens them.
func TestKeysRotateSealsEverySecretWithTheFirstKey(t *testing.T) {
	db := testutil.NewDatabase(t)
	u, secret := enrolPlain(t, db)
	t.Setenv("DATABASE_URL", db.AppURL)
	oldLine, _, _ := runCLI(t, "", "keys", "generate")
	old, _ := keyring.Parse(oldLine)
	sealed, _ := old.Seal(secret, keyring.TOTPContext(u.PracticeID, u.ID))
	if _, err := db.App.Exec(`UPDATE two_factor SET totp_secret = $2 WHERE user_id = $1`, u.ID, sealed); err != nil {
		t.Fatal(err)
	}
	newLine, _ := keyring.Generate(time.Now().Add(time.Hour))
	t.Setenv("ENCRYPTION_KEYS", newLine+","+strings.TrimSpace(oldLine))
	out, errOut, code := runCLI(t, "", "keys", "rotate")
	if code != 0 || !strings.Contains(out, "1 second-factor secrets now sealed") {
		t.Fatalf("keys rotate: exit %d, %q %q", code, out, errOut)
	}
	fresh, _ := keyring.Parse(newLine)
	if got, err := fresh.Open(storedSecret(t, db, u), keyring.TOTPContext(u.PracticeID, u.ID)); err != nil || got != secret {
		t.Fatalf("the new key alone: %q, %v", got, err)
	}
	if out, _, _ := runCLI(t, "", "keys", "rotate"); !strings.Contains(out, "0 second-factor") {
		t.Fatalf("a second rotate changed something: %q", out)
	}
	if _, errOut, code := runCLI(t, "", "keys", "bogus"); code == 0 || !strings.Contains(errOut, "usage") {
		t.Fatal("an unknown keys command was accepted")
	}
}
