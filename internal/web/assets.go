package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/securebase/securebase/assets"
)

// assetSet maps each embedded asset to a URL that carries its content hash, so it can be
// cached for a year and still change the moment the file does.
type assetSet struct {
	urls  map[string]string // "css/app.css" -> "/assets/css/app.1a2b3c4d5e.css"
	files map[string][]byte // "css/app.1a2b3c4d5e.css" -> content
}

func loadAssets() (*assetSet, error) {
	a := &assetSet{urls: map[string]string{}, files: map[string][]byte{}}
	err := fs.WalkDir(assets.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(name, ".go") || strings.HasSuffix(name, ".md") {
			return err
		}
		b, err := fs.ReadFile(assets.FS, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		a.urls[name] = "/assets/" + hashed
		a.files[hashed] = b
		return nil
	})
	return a, err
}

// assetURL returns the hashed URL of an asset; templates call it as {{asset "css/app.css"}}.
func (s *Server) assetURL(name string) (string, error) {
	u, ok := s.assets.urls[name]
	if !ok {
		return "", fmt.Errorf("unknown asset %q", name)
	}
	return u, nil
}

func (s *Server) serveAsset(c echo.Context) error {
	name := c.Param("*")
	b, ok := s.assets.files[name]
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	h.Set(echo.HeaderCacheControl, "public, max-age=31536000, immutable")
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(b)
	}
	return c.Blob(http.StatusOK, ctype, b)
}
