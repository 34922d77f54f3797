package pg

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ErrNoPostgres explains what to do when no PostgreSQL server binaries can be found.
var ErrNoPostgres = errors.New(`no PostgreSQL server binaries (initdb, pg_ctl) were found on PATH, in /usr/lib/postgresql/*/bin, or in the usual Homebrew locations. Install them (Debian/Ubuntu: "apt-get install postgresql"; macOS: "brew install postgresql@15") and run the command again, or set DATABASE_URL to a PostgreSQL server you already run (for example DATABASE_URL="postgres://securebase_app:secret@localhost:5432/securebase?sslmode=disable")`)

// ClusterOptions says where a private cluster lives and how it listens.
type ClusterOptions struct {
	Dir       string // data directory; created and initialised when empty
	TCP       bool   // also listen on 127.0.0.1 on a free port (tests); otherwise a unix socket only
	Ephemeral bool   // trade durability for speed (fsync off): for test clusters only
}

// Cluster is a private PostgreSQL server in a directory of its own.
type Cluster struct {
	Dir       string // absolute data directory
	SocketDir string // where the unix socket lives
	Port      int    // the port number (also names the socket file)
	TCP       bool   // listening on 127.0.0.1:Port as well
	bin       string
	runAs     string // "postgres" when we are root: initdb refuses to run as root
	started   bool   // this process started the server, so Stop stops it
}

// StartCluster initialises the cluster in opts.Dir if needed and starts it, or reuses
// the server already running there. Progress goes to the returned cluster's caller via err only.
func StartCluster(ctx context.Context, opts ClusterOptions) (*Cluster, error) {
	bin, err := FindBinDir()
	if err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	c := &Cluster{Dir: dir, SocketDir: dir, bin: bin}
	if os.Geteuid() == 0 {
		if _, err := user.Lookup("postgres"); err != nil {
			return nil, errors.New("pg: running as root needs a 'postgres' system user to own the cluster (PostgreSQL refuses to run as root)")
		}
		c.runAs = "postgres"
	}
	if pid, ok := c.readPID(); ok && c.run(ctx, "pg_ctl", "status", "-D", dir) == nil {
		c.Port, c.SocketDir, c.TCP = pid.port, pid.socketDir, pid.tcp
		if opts.TCP && !c.TCP {
			return nil, fmt.Errorf("pg: the cluster in %s is running without TCP; stop it first", dir)
		}
		return c, nil
	}
	if err := c.initIfEmpty(ctx); err != nil {
		return nil, err
	}
	if err := c.configure(opts); err != nil {
		return nil, err
	}
	logFile := filepath.Join(dir, "server.log")
	if err := c.run(ctx, "pg_ctl", "start", "-D", dir, "-l", logFile, "-w", "-t", "60"); err != nil {
		return nil, fmt.Errorf("pg: start cluster (see %s): %w", logFile, err)
	}
	c.started = true
	return c, nil
}

// FindBinDir returns the directory holding initdb and pg_ctl. When they are found on PATH
// through symbolic links, it is the directory the links point to, which also holds
// PostgreSQL's other tools (pg_dump, pg_restore).
func FindBinDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			if real, err := filepath.EvalSymlinks(p); err == nil && isFile(filepath.Join(filepath.Dir(real), "pg_ctl")) {
				return filepath.Dir(real), nil
			}
			return filepath.Dir(p), nil
		}
	}
	var candidates []string
	for _, pattern := range []string{
		"/usr/lib/postgresql/*/bin",
		"/opt/homebrew/opt/postgresql@*/bin",
		"/usr/local/opt/postgresql@*/bin",
		"/opt/homebrew/bin",
		"/usr/local/bin",
	} {
		matches, _ := filepath.Glob(pattern)
		sort.Sort(sort.Reverse(sort.StringSlice(matches))) // newest major version first
		candidates = append(candidates, matches...)
	}
	for _, dir := range candidates {
		if isFile(filepath.Join(dir, "initdb")) && isFile(filepath.Join(dir, "pg_ctl")) {
			return dir, nil
		}
	}
	return "", ErrNoPostgres
}

// Stop stops the server if this process started it.
func (c *Cluster) Stop(ctx context.Context) error {
	if !c.started {
		return nil
	}
	c.started = false
	return c.run(ctx, "pg_ctl", "stop", "-D", c.Dir, "-m", "fast", "-w")
}

// Restart stops and starts the server again, keeping its settings (fault tests use it).
func (c *Cluster) Restart(ctx context.Context) error {
	return c.run(ctx, "pg_ctl", "restart", "-D", c.Dir, "-m", "fast", "-w", "-l", filepath.Join(c.Dir, "server.log"))
}

// Start starts a cluster stopped with Stop again, on the same port and socket, so that
// fault tests can keep the database down for a while before bringing it back.
func (c *Cluster) Start(ctx context.Context) error {
	logFile := filepath.Join(c.Dir, "server.log")
	if err := c.run(ctx, "pg_ctl", "start", "-D", c.Dir, "-l", logFile, "-w", "-t", "60"); err != nil {
		return fmt.Errorf("pg: start cluster (see %s): %w", logFile, err)
	}
	c.started = true
	return nil
}

// DSN returns a key=value connection string for user and database over the unix socket.
func (c *Cluster) DSN(userName, database string) string {
	return fmt.Sprintf("host=%s port=%d user=%s dbname=%s sslmode=disable", c.SocketDir, c.Port, userName, database)
}

// URL returns a postgres:// URL over TCP; it is empty unless the cluster listens on TCP.
func (c *Cluster) URL(userName, database string) string {
	if !c.TCP {
		return ""
	}
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", userName, c.Port, database)
}

func (c *Cluster) initIfEmpty(ctx context.Context) error {
	if isFile(filepath.Join(c.Dir, "PG_VERSION")) {
		return c.chownForServer(c.Dir)
	}
	// The parent stays traversable: as root, the server runs as another user.
	if err := os.MkdirAll(filepath.Dir(c.Dir), 0o755); err != nil { //nolint:gosec // must be traversable by the postgres user
		return fmt.Errorf("pg: create %s: %w", filepath.Dir(c.Dir), err)
	}
	if err := os.MkdirAll(c.Dir, 0o700); err != nil {
		return fmt.Errorf("pg: create %s: %w", c.Dir, err)
	}
	if err := c.chownForServer(c.Dir); err != nil {
		return err
	}
	if c.runAs != "" && c.run(ctx, "test", "-w", c.Dir) != nil {
		return fmt.Errorf("pg: the postgres user cannot write to %s (a parent directory is closed to it); clone the project somewhere it can reach, or set DATABASE_URL", c.Dir)
	}
	err := c.run(ctx, "initdb", "-D", c.Dir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions")
	if err != nil {
		return fmt.Errorf("pg: initdb %s: %w", c.Dir, err)
	}
	f, err := os.OpenFile(filepath.Join(c.Dir, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString("\ninclude_if_exists = 'securebase.conf'\n")
	return errors.Join(err, f.Close())
}

// configure writes the listening settings for this start into securebase.conf.
func (c *Cluster) configure(opts ClusterOptions) error {
	c.Port, c.TCP = 5432, opts.TCP
	if opts.TCP {
		port, err := freePort()
		if err != nil {
			return err
		}
		c.Port = port
	}
	// A unix socket path is limited to about 107 bytes.
	if len(filepath.Join(c.Dir, ".s.PGSQL.00000")) > 100 {
		tmp, err := os.MkdirTemp("", "sbpg")
		if err != nil {
			return err
		}
		if err := c.chownForServer(tmp); err != nil {
			return err
		}
		c.SocketDir = tmp
	}
	listen := ""
	if opts.TCP {
		listen = "127.0.0.1"
	}
	conf := fmt.Sprintf("listen_addresses = '%s'\nport = %d\nunix_socket_directories = '%s'\nmax_connections = 200\n",
		listen, c.Port, strings.ReplaceAll(c.SocketDir, "'", "''"))
	if opts.Ephemeral {
		conf += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
	}
	path := filepath.Join(c.Dir, "securebase.conf")
	if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
		return err
	}
	return c.chownForServer(path)
}

type pidInfo struct {
	port      int
	socketDir string
	tcp       bool
}

// readPID reads postmaster.pid: line 4 is the port, 5 the socket directory, 6 the listen address.
func (c *Cluster) readPID() (pidInfo, bool) {
	f, err := os.Open(filepath.Join(c.Dir, "postmaster.pid"))
	if err != nil {
		return pidInfo{}, false
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) < 6 {
		return pidInfo{}, false
	}
	port, err := strconv.Atoi(strings.TrimSpace(lines[3]))
	if err != nil {
		return pidInfo{}, false
	}
	return pidInfo{port: port, socketDir: strings.TrimSpace(lines[4]), tcp: strings.TrimSpace(lines[5]) != ""}, true
}

func (c *Cluster) chownForServer(path string) error {
	if c.runAs == "" {
		return nil
	}
	u, err := user.Lookup(c.runAs)
	if err != nil {
		return err
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return os.Chown(path, uid, gid)
}

// run runs a PostgreSQL tool (or any command) as the server's user, with its output
// attached to the error when it fails.
func (c *Cluster) run(ctx context.Context, name string, args ...string) error {
	if p := filepath.Join(c.bin, name); isFile(p) {
		name = p
	}
	if c.runAs != "" {
		args = append([]string{"-u", c.runAs, "--", name}, args...)
		name = "runuser"
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = os.TempDir() // the server's user may not be able to enter our working directory
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w: %s", filepath.Base(name), err, strings.TrimSpace(string(out)))
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}
