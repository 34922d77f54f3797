// Package deploy_test checks docker-compose.yml without Docker: loaded with the compose-go
// library, the same loader the docker compose CLI uses, and held to the deployment rules of
// docs/operations.md#docker-compose. Where the docker compose CLI is present, `docker compose
// config` must accept the file too.
package deploy_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

const (
	ownerPassword = "owner-pw-4d1f9a" //nolint:gosec // a made-up value the test looks for
	appPassword   = "app-pw-77c02e"   //nolint:gosec // a made-up value the test looks for
)

func load(t *testing.T, env map[string]string) (*types.Project, error) {
	t.Helper()
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir:  dir,
		ConfigFiles: []types.ConfigFile{{Filename: filepath.Join(dir, "docker-compose.yml")}},
		Environment: env,
	}, func(o *loader.Options) { o.SetProjectName("securebase", true) })
}

// Without the passwords, Compose refuses to start anything: no default password exists.
func TestComposeRequiresPasswords(t *testing.T) {
	for _, env := range []map[string]string{
		{},
		{"POSTGRES_PASSWORD": ownerPassword},
		{"APP_DB_PASSWORD": appPassword},
	} {
		_, err := load(t, env)
		if err == nil {
			t.Errorf("with %v: the file loaded without both passwords", keys(env))
			continue
		}
		if !strings.Contains(err.Error(), "PASSWORD") {
			t.Errorf("with %v: the error does not name the missing password: %v", keys(env), err)
		}
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestComposeIsSafeByDefault(t *testing.T) {
	p, err := load(t, map[string]string{"POSTGRES_PASSWORD": ownerPassword, "APP_DB_PASSWORD": appPassword})
	if err != nil {
		t.Fatal(err)
	}
	svc := func(name string) types.ServiceConfig {
		s, err := p.GetService(name)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	env := func(s types.ServiceConfig, key string) string {
		if v := s.Environment[key]; v != nil {
			return *v
		}
		return ""
	}

	// Only db and migrate hold the owner's password; the long-running app never does.
	for _, s := range p.Services {
		for k, v := range s.Environment {
			if v != nil && strings.Contains(*v, ownerPassword) && s.Name != "db" && s.Name != "migrate" {
				t.Errorf("service %s holds the schema owner's password in %s", s.Name, k)
			}
		}
	}
	app, migrate, proxy := svc("app"), svc("migrate"), svc("proxy")
	if u := env(app, "DATABASE_URL"); !strings.Contains(u, "securebase_app:"+appPassword+"@") {
		t.Errorf("app's DATABASE_URL is not the app role's: %q", u)
	}
	if env(app, "MIGRATION_DATABASE_URL") != "" || strings.Contains(strings.Join(app.Command, " "), "--migrate") {
		t.Error("the app migrates: only the migrate service may")
	}
	if u := env(migrate, "MIGRATION_DATABASE_URL"); !strings.Contains(u, "securebase_owner:"+ownerPassword+"@") {
		t.Errorf("migrate's MIGRATION_DATABASE_URL is not the owner's: %q", u)
	}
	if env(migrate, "DATABASE_URL") != "" || strings.Join(migrate.Command, " ") != "migrate up" || migrate.Restart != "no" {
		t.Errorf("migrate is not a one-shot `migrate up`: command %v, restart %q", migrate.Command, migrate.Restart)
	}
	if d, ok := app.DependsOn["migrate"]; !ok || d.Condition != types.ServiceConditionCompletedSuccessfully {
		t.Errorf("the app does not wait for the migration to succeed: %+v", app.DependsOn)
	}

	// Only the proxy publishes a port, on loopback by default, so the app scales.
	for _, s := range p.Services {
		if len(s.Ports) > 0 && s.Name != "proxy" {
			t.Errorf("service %s publishes %v: it could not be scaled, or is reachable past the proxy", s.Name, s.Ports)
		}
	}
	if len(proxy.Ports) != 1 || proxy.Ports[0].HostIP != "127.0.0.1" || proxy.Ports[0].Published != "8080" {
		t.Errorf("proxy ports %+v, want 127.0.0.1:8080 only", proxy.Ports)
	}
	if app.Scale != nil && *app.Scale != 1 || app.ContainerName != "" {
		t.Error("the app has a fixed container name or scale: --scale app=2 would fail")
	}

	// The app's health check is the binary's own (the image has no shell or curl).
	if app.HealthCheck == nil || strings.Join(app.HealthCheck.Test, " ") != "CMD /securebase healthcheck" {
		t.Errorf("app healthcheck %+v", app.HealthCheck)
	}

	// Every image from a registry is pinned by a full version tag and by digest.
	for _, s := range p.Services {
		if s.Build != nil {
			continue // built from this repository's Dockerfile
		}
		if !pinned(s.Image) {
			t.Errorf("service %s: image %q is not pinned (want name:x.y[.z][-variant]@sha256:...)", s.Name, s.Image)
		}
	}
}

// pinned reports whether image is named by a full version tag (PostgreSQL numbers its releases
// x.y) and its digest; distroless, which has no versions, by its named tag and digest.
func pinned(image string) bool {
	return regexp.MustCompile(`^[\w./-]+:(\d+\.\d+(\.\d+)?(-[\w.-]+)?|nonroot)@sha256:[0-9a-f]{64}$`).MatchString(image)
}

// Each stage of the Dockerfile starts from an image pinned the same way.
func TestDockerfileImagesArePinned(t *testing.T) {
	docker, err := os.ReadFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	froms := 0
	for _, line := range strings.Split(string(docker), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || !strings.EqualFold(f[0], "FROM") {
			continue
		}
		froms++
		if !pinned(f[1]) {
			t.Errorf("Dockerfile: FROM %s is not pinned by version tag and digest", f[1])
		}
	}
	if froms < 2 {
		t.Errorf("Dockerfile: %d FROM lines, want the build and the runtime stage", froms)
	}
}

// The proxy limits requests per client IP across instances and sets, never appends, the
// address the app believes; the Dockerfile declares the health check.
func TestProxyAndImageFiles(t *testing.T) {
	conf, err := os.ReadFile("proxy/nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"limit_req_zone $binary_remote_addr", "limit_req zone=perip", "proxy_set_header X-Forwarded-For $remote_addr;", "access_log off;", "real_ip_header X-Forwarded-For;"} {
		if !strings.Contains(string(conf), want) {
			t.Errorf("deploy/proxy/nginx.conf lacks %q", want)
		}
	}
	docker, err := os.ReadFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(docker), `HEALTHCHECK`) || !strings.Contains(string(docker), `CMD ["/securebase", "healthcheck"]`) {
		t.Error("the Dockerfile has no HEALTHCHECK running securebase healthcheck")
	}
}

// Where the docker compose CLI exists, it must accept the file as well.
func TestDockerComposeConfig(t *testing.T) {
	if exec.Command("docker", "compose", "version").Run() != nil {
		t.Skip("no docker compose CLI here: the compose-go tests above load the file instead")
	}
	cmd := exec.Command("docker", "compose", "-f", "../docker-compose.yml", "config", "--quiet")
	cmd.Env = append(os.Environ(), "POSTGRES_PASSWORD="+ownerPassword, "APP_DB_PASSWORD="+appPassword)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("docker compose config: %v\n%s", err, out)
	}
}
