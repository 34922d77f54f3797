//go:build faults

package faults

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/securebase/securebase/internal/testutil"
)

// While the database is down, a client's homework form comes back with what they typed.
// Twenty clients posting at once must each see their own text, never another's: the
// error page reads a body that a pooled reader could already have handed to a later request.
func TestAnErrorPageShowsOnlyTheTextOfItsOwnRequest(t *testing.T) {
	app := testutil.NewApp(t)
	ctx := context.Background()
	if err := cluster.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := cluster.Start(ctx); err != nil {
			t.Fatal(err)
		}
	}()
	secret := regexp.MustCompile(`secret-of-client-(\d+)-`)
	var mu sync.Mutex
	var total, leaks, lost, failed int
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			for range 100 {
				body := url.Values{"note": {fmt.Sprintf("secret-of-client-%d-%s", i, strings.Repeat("x", 2000))}}.Encode()
				req, err := http.NewRequest(http.MethodPost, app.HTTP.URL+"/h/entry", strings.NewReader(body))
				if err != nil {
					t.Error(err)
					return
				}
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Cookie", fmt.Sprintf("sb_link=not-a-real-token-%d", i))
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					mu.Lock()
					failed++
					mu.Unlock()
					continue
				}
				b, _ := io.ReadAll(res.Body)
				_ = res.Body.Close()
				mu.Lock()
				total++
				for _, m := range secret.FindAllStringSubmatch(string(b), -1) {
					if m[1] != fmt.Sprint(i) {
						leaks++
					}
				}
				if !secret.Match(b) {
					lost++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	t.Logf("%d responses, %d transport errors; %d showed another client's text; %d lost their own", total, failed, leaks, lost)
	if leaks > 0 || failed > 0 || total != 2000 {
		t.Fatalf("%d of %d error pages showed another client's text (%d transport errors)", leaks, total, failed)
	}
	if lost > 0 {
		t.Errorf("%d of %d error pages lost the client's own text", lost, total)
	}
}
