//! Shared helpers for the end-to-end tests: fixture trees in temporary directories and runs of
//! the built binary.

#![allow(
    dead_code,
    reason = "each test crate uses a different subset of the helpers"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary directory with files written into it.
pub struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    /// An empty fixture.
    pub fn new() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// Writes `text` at `rel`, creating parent directories.
    pub fn file(self, rel: &str, text: &str) -> Fixture {
        self.write(rel, text.as_bytes());
        self
    }

    /// Writes raw bytes at `rel`.
    pub fn write(&self, rel: &str, bytes: &[u8]) {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, bytes).expect("write");
    }

    /// The fixture's root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the fixture.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Runs `cargo-tlslint tlslint ARGS` from the fixture's root, without colour.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut cmd = tlslint();
        cmd.current_dir(self.root()).arg("tlslint").args(args);
        Run::from(cmd.output().expect("run cargo-tlslint"))
    }
}

/// The binary under test, with a clean colour environment and a cache of learned sinks of its
/// own (fixtures reuse package names and checksums, so runs must not share one).
pub fn tlslint() -> Command {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let cache =
        std::env::temp_dir().join(format!("tlslint-test-cache-{}-{run}", std::process::id()));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cargo-tlslint"));
    cmd.env_remove("CARGO_TERM_COLOR")
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_WORKSPACE")
        .env("TLSLINT_CACHE_DIR", cache);
    cmd
}

/// What a run printed and returned.
pub struct Run {
    /// Exit status code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Run {
    /// The `(code, "path:line:col")` of every finding in human output, in order.
    pub fn findings(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut code = None;
        for line in self.stderr.lines() {
            if let Some(rest) = line
                .strip_prefix("error[")
                .or_else(|| line.strip_prefix("warning["))
            {
                code = rest.split(']').next().map(str::to_string);
            } else if let Some(loc) = line.trim_start().strip_prefix("--> ")
                && let Some(c) = code.take()
            {
                out.push((c, loc.to_string()));
            }
        }
        out
    }

    /// Like [`Run::findings`], as `"CODE path:line:col"` strings.
    pub fn finding_lines(&self) -> Vec<String> {
        self.findings()
            .into_iter()
            .map(|(c, l)| format!("{c} {l}"))
            .collect()
    }
}

/// A one-package workspace manifest.
pub fn package_manifest(name: &str, extra: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n{extra}"
    )
}

/// Runs git in `dir` with a fixed identity and no signing, and asserts that it succeeded.
pub fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

impl Fixture {
    /// Runs `cargo-tlslint tlslint ARGS` from `rel` below the fixture's root, with `env` set, and
    /// kills it if it runs longer than a minute (a hang fails the test instead of stalling the
    /// suite).
    pub fn run_in(&self, rel: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = tlslint();
        cmd.current_dir(self.root().join(rel))
            .arg("tlslint")
            .args(args)
            .envs(env.iter().copied());
        run_bounded(cmd)
    }
}

/// Runs `cmd` with its output captured, killing it after a minute.
pub fn run_bounded(mut cmd: Command) -> Run {
    use std::process::Stdio;
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn cargo-tlslint");
    let pid = child.id();
    let (done, waited) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if waited
            .recv_timeout(std::time::Duration::from_secs(60))
            .is_err()
        {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
        }
    });
    let out = child.wait_with_output().expect("wait");
    let _ = done.send(());
    let _ = watchdog.join();
    assert!(
        out.status.code().is_some(),
        "cargo-tlslint was killed (hung, or crashed by a signal): {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    Run::from(out)
}

/// The lines of `--message-format github` output: those of the quoted human report (between
/// `::stop-commands::TOKEN` and `::TOKEN::`) and those after it. Splits on `\r` too, as a log
/// reader would.
pub fn github_sections(stdout: &str) -> (Vec<&str>, Vec<&str>) {
    let lines: Vec<&str> = stdout.split(['\n', '\r']).collect();
    let token = lines[0]
        .strip_prefix("::stop-commands::")
        .expect("the report is quoted");
    let end = lines
        .iter()
        .position(|l| *l == format!("::{token}::"))
        .expect("the quote ends");
    (lines[1..end].to_vec(), lines[end + 1..].to_vec())
}

/// Whether this run rewrites the goldens (`TLSLINT_BLESS=1`, for every golden of every test).
pub fn blessing() -> bool {
    std::env::var_os("TLSLINT_BLESS").is_some()
}

/// Compares `actual` with the golden file at `path` as `view` shows them (the identity for most
/// goldens), or rewrites the golden when blessing. The error names the file and shows a diff.
pub fn golden(path: &Path, actual: &str, view: fn(&str) -> String) -> Result<(), String> {
    if blessing() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("mkdir {}: {e}", dir.display()))?;
        }
        return std::fs::write(path, actual)
            .map_err(|e| format!("cannot write {}: {e}", path.display()));
    }
    let expected = view(&std::fs::read_to_string(path).unwrap_or_default());
    let actual = view(actual);
    if expected == actual {
        return Ok(());
    }
    let diff = similar::TextDiff::from_lines(&expected, &actual)
        .unified_diff()
        .header("expected", "actual")
        .to_string();
    Err(format!(
        "{} differs (TLSLINT_BLESS=1 rewrites every golden):\n{diff}",
        path.display()
    ))
}

/// Copies the directory tree `from` to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
