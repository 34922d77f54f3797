package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/securebase/securebase/internal/config"
	"github.com/securebase/securebase/internal/keyring"
	"github.com/securebase/securebase/internal/store"
)

// secretKeys returns the keyring that seals second-factor secrets. Without one the server
// refuses to start once any second factor exists (it could neither check codes nor would it
// be right to keep secrets readable); with one, secrets still stored in plain text (from
// before they were sealed) are sealed at once.
func secretKeys(ctx context.Context, cfg config.Config, st *store.Store, log *slog.Logger) (*keyring.Keyring, error) {
	keys, err := keyring.FromConfig(cfg.EncryptionKeys, cfg.EncryptionKeysFile)
	if err != nil {
		return nil, err
	}
	if keys == nil {
		n, err := st.CountTwoFactor(ctx)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			return nil, fmt.Errorf("%d second factors are stored, sealed with a key this server does not have: %w", n, keyring.ErrNoKey)
		}
		log.Warn("no ENCRYPTION_KEYS: staff cannot turn on two-factor sign-in until one is set")
		return nil, nil
	}
	sealed, err := reseal(ctx, st, keys, false)
	if err != nil {
		return nil, err
	}
	if sealed > 0 {
		log.Info("sealed second-factor secrets stored in plain text", "count", sealed, "key", keys.Current())
	}
	return keys, nil
}

// reseal seals every plain secret and, when rotate is set, seals again with the current key
// every secret sealed with another; all or nothing.
func reseal(ctx context.Context, st *store.Store, keys *keyring.Keyring, rotate bool) (int, error) {
	return st.ResealTwoFactor(ctx, func(sec store.SealedSecret) (string, error) {
		v, err := keys.Reseal(sec.Secret, keyring.TOTPContext(sec.PracticeID, sec.UserID), rotate)
		if err != nil {
			return "", fmt.Errorf("user %d: %w", sec.UserID, err)
		}
		return v, nil
	})
}

const keysUsage = "usage: securebase keys generate | securebase keys rotate [--local-db DIR]"

// keysCmd makes a new key (generate), or seals every second factor with the first key of
// ENCRYPTION_KEYS (rotate). To rotate: generate a key, put it first in ENCRYPTION_KEYS with
// the old one after it, run rotate, restart the servers, then drop the old key.
func keysCmd(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New(keysUsage)
	}
	switch args[0] {
	case "generate":
		line, err := keyring.Generate(time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, line)
		return nil
	case "rotate":
	default:
		return errors.New(keysUsage)
	}
	fs := flag.NewFlagSet("keys rotate", flag.ContinueOnError)
	localDir := fs.String("local-db", "", "without DATABASE_URL, use the private cluster in this directory")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	keys, err := keyring.FromConfig(cfg.EncryptionKeys, cfg.EncryptionKeysFile)
	if err != nil {
		return err
	}
	if keys == nil {
		return keyring.ErrNoKey
	}
	target, err := resolveDB(ctx, cfg, *localDir, io.Discard)
	if err != nil {
		return err
	}
	defer target.stop(slog.New(slog.DiscardHandler))
	db, err := target.open(ctx, 2)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := store.New(db)
	if err != nil {
		return err
	}
	n, err := reseal(ctx, st, keys, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d second-factor secrets now sealed with key %s\n", n, keys.Current())
	return nil
}
