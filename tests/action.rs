//! The GitHub Action (`action.yml` and its scripts in `action/`) run as a runner runs it: each
//! step's `if:` evaluated, its `env:` expressions substituted, its `run:` given to bash with the
//! runner's `GITHUB_*`/`RUNNER_*` variables and nothing else of this process's environment, on
//! simulated runners:
//!
//! - Linux: the tools a Linux runner has;
//! - macOS: no `sha256sum` (`shasum` instead), and `find`, `sort`, `mktemp`, `tar`, `grep`,
//!   `sed`, `xargs`, `stat`, `date` that reject GNU-only flags as the BSD tools do;
//! - Windows: Git Bash's tools, `.exe` binaries, `RUNNER_TEMP` as `D:\a\_temp` (or `/d/a/_temp`)
//!   and a `cygpath` that maps `D:\…` to a directory standing for Git Bash's `/d/…`.
//!
//! PATH holds only the tools listed for the runner, so a script that calls anything else fails.
//! Releases are served from a directory through `TLSLINT_RELEASE_URL` (a `file://` URL); the
//! `uses:` step (actions/cache) is recorded with its evaluated inputs, not run; `cargo install`
//! is a shim that records its arguments and installs a wrapper of the binary under test.

mod support;

use std::collections::HashMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};
use support::copy_dir;
use yaml_rust2::{Yaml, YamlLoader};

const VERSION: &str = env!("CARGO_PKG_VERSION");
const BIN: &str = env!("CARGO_BIN_EXE_cargo-tlslint");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn action() -> Yaml {
    let text = std::fs::read_to_string(root().join("action.yml")).expect("action.yml");
    YamlLoader::load_from_str(&text)
        .expect("action.yml is YAML")
        .remove(0)
}

fn tag() -> String {
    format!("v{VERSION}")
}

/// The runners simulated.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Runner {
    Linux,
    MacOs,
    /// `RUNNER_TEMP` as the runner sets it, `D:\a\_temp`.
    Windows,
    /// `RUNNER_TEMP` in Git Bash's form, `/d/a/_temp`.
    WindowsMsysTemp,
}

const RUNNERS: [Runner; 4] = [
    Runner::Linux,
    Runner::MacOs,
    Runner::Windows,
    Runner::WindowsMsysTemp,
];

/// Tools every runner has (Git Bash's /usr/bin on Windows).
const COMMON_TOOLS: &[&str] = &[
    "awk", "bash", "sh", "cat", "chmod", "cp", "curl", "cut", "dirname", "env", "find", "grep",
    "gzip", "head", "mkdir", "mktemp", "rm", "sed", "sort", "stat", "tar", "tee", "tr", "uniq",
    "xargs", "date",
];

/// GNU-only flags, rejected by the macOS shims as the BSD tools reject them.
const BSD_REJECTS: &[(&str, &str)] = &[
    (
        "find",
        "-printf|-regextype|-readable|-writable|-executable|--*",
    ),
    ("sort", "-V|--*"),
    ("mktemp", "-p|--*"),
    (
        "tar",
        "--force-local|--wildcards|--transform*|--xform*|--sort=*|--owner=*|--group=*",
    ),
    ("grep", "-P|--perl-regexp"),
    ("sed", "-r|-i|-i*|--*"),
    ("xargs", "-r|-d|--*"),
    ("stat", "-c|--*"),
    ("date", "-d|--*"),
];

impl Runner {
    fn os(self) -> &'static str {
        match self {
            Runner::Linux => "Linux",
            Runner::MacOs => "macOS",
            Runner::Windows | Runner::WindowsMsysTemp => "Windows",
        }
    }

    fn arch(self) -> &'static str {
        match self {
            Runner::MacOs => "ARM64",
            _ => "X64",
        }
    }

    fn target(self) -> &'static str {
        match self {
            Runner::Linux => "x86_64-unknown-linux-musl",
            Runner::MacOs => "aarch64-apple-darwin",
            Runner::Windows | Runner::WindowsMsysTemp => "x86_64-pc-windows-msvc",
        }
    }

    fn exe(self) -> &'static str {
        match self {
            Runner::Windows | Runner::WindowsMsysTemp => ".exe",
            _ => "",
        }
    }

    fn is_windows(self) -> bool {
        self.exe() == ".exe"
    }
}

fn which(tool: &str) -> PathBuf {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|d| d.join(tool))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("`{tool}` is not on this machine's PATH"))
}

fn write_executable(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// A shell-quoted word.
fn sq(s: &Path) -> String {
    format!("'{}'", s.display().to_string().replace('\'', r"'\''"))
}

/// What the release archive holds as `cargo-tlslint[.exe]`.
enum Payload {
    /// The binary under test (a wrapper that runs it).
    Real,
    /// A script that records its arguments (NUL-separated) in `args`, prints `stdout` and exits
    /// with `status`; `--version` answers as the release's version.
    Recorder { stdout: String, status: i32 },
    /// A script that leaves a marker file if it is ever run.
    Marker,
}

/// Whether the release's checksum file matches its archive.
#[derive(PartialEq)]
enum Checksum {
    Good,
    Bad,
}

struct Sim {
    tmp: tempfile::TempDir,
    runner: Runner,
    workspace: PathBuf,
    path: PathBuf,
    inputs: HashMap<String, String>,
    /// `github.action_ref` (empty: a local action, or the runner left it empty).
    action_ref: String,
    /// GITHUB_ACTION_PATH: this repository, or a link to it where the runner puts a downloaded
    /// action.
    action_path: PathBuf,
    env: HashMap<String, String>,
    outputs: HashMap<String, HashMap<String, String>>,
    /// The `uses:` steps reached, with their evaluated `with:` inputs.
    uses: Vec<(String, HashMap<String, String>)>,
}

/// What one step printed and how it ended.
struct StepRun {
    id: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Sim {
    /// A runner with a checkout whose workspace lives in `sub/` (so paths must be made relative
    /// to the checkout), the Action used at its release tag, and no release published yet.
    fn new(runner: Runner, inputs: &[(&str, &str)]) -> Sim {
        let tmp = tempfile::tempdir().expect("temp dir");
        let workspace = tmp.path().join("checkout");
        copy_dir(
            &root().join("tests/fixtures/formats"),
            &workspace.join("sub"),
        );
        for d in [
            "home",
            "runner-temp",
            "drive/d/a/_temp",
            "releases",
            "files",
        ] {
            std::fs::create_dir_all(tmp.path().join(d)).expect("mkdir");
        }
        let path = tmp.path().join("path");
        let sim = Sim {
            tmp,
            runner,
            workspace,
            path,
            inputs: inputs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            action_ref: tag(),
            action_path: root().to_path_buf(),
            env: HashMap::new(),
            outputs: HashMap::new(),
            uses: Vec::new(),
        };
        sim.install_tools();
        sim
    }

    fn file(&self, name: &str) -> PathBuf {
        self.tmp.path().join("files").join(name)
    }

    /// The runner's RUNNER_TEMP as a path on this machine (on Windows, the directory that
    /// stands for Git Bash's /d/a/_temp).
    fn runner_temp(&self) -> PathBuf {
        match self.runner {
            Runner::Linux | Runner::MacOs => self.tmp.path().join("runner-temp"),
            Runner::Windows | Runner::WindowsMsysTemp => self.tmp.path().join("drive/d/a/_temp"),
        }
    }

    /// RUNNER_TEMP as the runner sets it.
    fn runner_temp_env(&self) -> String {
        match self.runner {
            Runner::Windows => r"D:\a\_temp".to_string(),
            _ => self.runner_temp().display().to_string(),
        }
    }

    /// PATH: the runner's tools and nothing else.
    fn install_tools(&self) {
        let link = |tool: &str, real: &Path| {
            std::os::unix::fs::symlink(real, self.path.join(tool)).expect("symlink");
        };
        std::fs::create_dir_all(&self.path).expect("mkdir");
        let bash = which("bash");
        for tool in COMMON_TOOLS {
            let real = which(tool);
            match BSD_REJECTS.iter().find(|(t, _)| t == tool) {
                Some((_, rejects)) if self.runner == Runner::MacOs => write_executable(
                    &self.path.join(tool),
                    &format!(
                        "#!{bash}\nfor a in \"$@\"; do\n  case \"$a\" in\n    --) ;;\n    {rejects}) echo \"{tool}: illegal option -- $a (BSD {tool})\" >&2; exit 64 ;;\n  esac\ndone\nexec {real} \"$@\"\n",
                        bash = bash.display(),
                        real = sq(&real),
                    ),
                ),
                _ => link(tool, &real),
            }
        }
        match self.runner {
            Runner::Linux => link("sha256sum", &which("sha256sum")),
            Runner::MacOs => link("shasum", &which("shasum")),
            Runner::Windows | Runner::WindowsMsysTemp => {
                link("sha256sum", &which("sha256sum"));
                self.install_cygpath();
            }
        }
    }

    /// Git Bash's cygpath over the simulated drives: `D:\x` and `D:/x` are `<drive>/d/x`.
    fn install_cygpath(&self) {
        let drive = self.tmp.path().join("drive");
        write_executable(
            &self.path.join("cygpath"),
            &format!(
                r#"#!{bash}
drive={drive}
mode="$1"
p="$2"
case "$mode" in
  -u)
    case "$p" in
      [A-Za-z]:[\\/]* | [A-Za-z]:)
        d="$(printf %s "${{p:0:1}}" | tr A-Z a-z)"
        rest="${{p:2}}"
        printf '%s\n' "$drive/$d${{rest//\\//}}"
        ;;
      *) printf '%s\n' "$p" ;;
    esac
    ;;
  -m | -w)
    case "$p" in
      "$drive"/[a-z] | "$drive"/[a-z]/*)
        rest="${{p#"$drive"/}}"
        out="$(printf %s "${{rest:0:1}}" | tr a-z A-Z):${{rest:1}}"
        ;;
      [A-Za-z]:*) out="${{p//\\//}}" ;;
      *) out="$p" ;;
    esac
    if [ "$mode" = -w ]; then out="${{out//\//\\}}"; fi
    printf '%s\n' "$out"
    ;;
  *) echo "cygpath (simulated): unsupported $mode" >&2; exit 2 ;;
esac
"#,
                bash = which("bash").display(),
                drive = sq(&drive),
            ),
        );
    }

    /// `cargo` on PATH: `cargo install` records its arguments and working directory and
    /// installs a wrapper of the binary under test at `--root`; anything else is the real cargo.
    fn install_cargo_shim(&self) {
        write_executable(
            &self.path.join("cargo"),
            &format!(
                r#"#!{bash}
if [ "$1" != install ]; then exec {cargo} "$@"; fi
printf '%s\n' "$PWD" > {cwd}
printf '%s\n' "$@" > {args}
root=""
while [ $# -gt 0 ]; do
  if [ "$1" = --root ]; then root="$2"; shift; fi
  shift
done
if command -v cygpath >/dev/null; then root="$(cygpath -u "$root")"; fi
mkdir -p "$root/bin"
printf '#!/bin/sh\nexec %s "$@"\n' {bin} > "$root/bin/cargo-tlslint{exe}"
chmod +x "$root/bin/cargo-tlslint{exe}"
"#,
                bash = which("bash").display(),
                cargo = sq(&real_cargo()),
                cwd = sq(&self.file("cargo-cwd")),
                args = sq(&self.file("cargo-args")),
                bin = sq(Path::new(&sq(Path::new(BIN)))),
                exe = self.runner.exe(),
            ),
        );
    }

    /// Publishes a release of `tag` for this runner's target in the release directory.
    fn publish(&self, tag: &str, payload: Payload, checksum: Checksum) {
        let exe = self.runner.exe();
        let member = format!("cargo-tlslint{exe}");
        let staging = self.tmp.path().join("staging");
        std::fs::create_dir_all(&staging).expect("mkdir");
        let script = match payload {
            Payload::Real => format!("#!/bin/sh\nexec {} \"$@\"\n", sq(Path::new(BIN))),
            Payload::Recorder { stdout, status } => {
                std::fs::write(self.file("stdout"), stdout).expect("write");
                format!(
                    "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'cargo-tlslint {VERSION}'; exit 0; fi\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > {}\ncat {}\nexit {status}\n",
                    sq(&self.file("args")),
                    sq(&self.file("stdout")),
                )
            }
            Payload::Marker => format!(
                "#!/bin/sh\ntouch {}\necho 'cargo-tlslint {VERSION}'\n",
                sq(&self.file("marker"))
            ),
        };
        write_executable(&staging.join(&member), &script);
        let dir = self.tmp.path().join("releases").join(tag);
        std::fs::create_dir_all(&dir).expect("mkdir");
        let name = format!("cargo-tlslint-{}", self.runner.target());
        let archive = dir.join(format!("{name}.tar.gz"));
        let status = Command::new("tar")
            .arg("-czf")
            .arg(&archive)
            .arg("-C")
            .arg(&staging)
            .arg(&member)
            .status()
            .expect("tar");
        assert!(status.success());
        let mut hash = hex::encode(Sha256::digest(std::fs::read(&archive).expect("archive")));
        if checksum == Checksum::Bad {
            hash = hex::encode(Sha256::digest(b"something else"));
        }
        // As upload-rust-binary-action writes it: one line per asset, in sha256sum's format
        // (binary mode, `*NAME`, as Git Bash's sha256sum writes on Windows).
        let mut lines = String::new();
        if self.runner.is_windows() {
            lines.push_str(&format!("{} *{name}.zip\n", "0".repeat(64)));
            lines.push_str(&format!("{hash} *{name}.tar.gz\n"));
        } else {
            lines.push_str(&format!("{hash}  {name}.tar.gz\n"));
        }
        std::fs::write(dir.join(format!("{name}.sha256")), lines).expect("write");
    }

    fn eval(&self, action: &Yaml, text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..]
                .find("}}")
                .map(|e| start + e)
                .expect("closed expression");
            out.push_str(&self.value(action, rest[start + 3..end].trim()));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// The value of a context path (`inputs.x`, `steps.id.outputs.x`, `runner.os`).
    fn value(&self, action: &Yaml, expr: &str) -> String {
        let parts: Vec<&str> = expr.split('.').collect();
        match parts.as_slice() {
            ["inputs", name] => self.inputs.get(*name).cloned().unwrap_or_else(|| {
                action["inputs"][*name]["default"]
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            }),
            ["steps", id, "outputs", key] => self
                .outputs
                .get(*id)
                .and_then(|o| o.get(*key))
                .cloned()
                .unwrap_or_default(),
            ["github", "action_ref"] => self.action_ref.clone(),
            ["github", "action_repository"] => "cargo-tlslint/cargo-tlslint".to_string(),
            ["runner", "os"] => self.runner.os().to_string(),
            ["runner", "arch"] => self.runner.arch().to_string(),
            _ => panic!("unsupported expression {expr}"),
        }
    }

    /// A step's `if:`: `CONTEXT == 'literal'` or `CONTEXT != 'literal'`.
    fn condition(&self, action: &Yaml, cond: &str) -> bool {
        let (lhs, rhs, equal) = if let Some((l, r)) = cond.split_once(" == ") {
            (l, r, true)
        } else if let Some((l, r)) = cond.split_once(" != ") {
            (l, r, false)
        } else {
            panic!("unsupported condition {cond}")
        };
        let literal = rhs
            .trim()
            .strip_prefix('\'')
            .and_then(|r| r.strip_suffix('\''))
            .expect("a quoted literal");
        (self.value(action, lhs.trim()) == literal) == equal
    }

    /// Runs the steps in order as the runner does, stopping after a failing one.
    fn run(&mut self) -> Vec<StepRun> {
        let action = action();
        let mut runs = Vec::new();
        for (n, step) in action["runs"]["steps"]
            .as_vec()
            .expect("steps")
            .iter()
            .enumerate()
        {
            if let Some(cond) = step["if"].as_str()
                && !self.condition(&action, cond)
            {
                continue;
            }
            if let Some(uses) = step["uses"].as_str() {
                let with = step["with"]
                    .as_hash()
                    .map(|h| {
                        h.iter()
                            .map(|(k, v)| {
                                (
                                    k.as_str().expect("key").to_string(),
                                    self.eval(&action, v.as_str().expect("value")),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                self.uses.push((uses.to_string(), with));
                continue;
            }
            let script = step["run"].as_str().expect("a run or uses step");
            let id = step["id"]
                .as_str()
                .map_or_else(|| format!("step{n}"), str::to_string);
            let output_file = self.tmp.path().join(format!("output-{id}"));
            std::fs::write(&output_file, "").expect("GITHUB_OUTPUT");
            let mut cmd = Command::new(which("bash"));
            // What the runner runs for `shell: bash`.
            cmd.args(["--noprofile", "--norc", "-e", "-o", "pipefail", "-c"])
                .arg(script)
                .current_dir(&self.workspace)
                .env_clear();
            cmd.env("PATH", &self.path)
                .env("HOME", self.tmp.path().join("home"))
                // GITHUB_ACTION_REF and GITHUB_ACTION_REPOSITORY are empty in composite
                // steps (actions/runner#2473): action.yml passes github.action_* instead.
                .env("GITHUB_ACTION_PATH", &self.action_path)
                .env("GITHUB_ACTION_REF", "")
                .env("GITHUB_ACTION_REPOSITORY", "")
                .env("GITHUB_WORKSPACE", &self.workspace)
                .env("GITHUB_OUTPUT", &output_file)
                .env("GITHUB_STEP_SUMMARY", self.file("summary.md"))
                .env("GITHUB_ACTIONS", "true")
                .env("RUNNER_OS", self.runner.os())
                .env("RUNNER_ARCH", self.runner.arch())
                .env("RUNNER_TEMP", self.runner_temp_env())
                .env(
                    "TLSLINT_RELEASE_URL",
                    format!("file://{}", self.tmp.path().join("releases").display()),
                )
                .env("CARGO", real_cargo())
                .env("CARGO_TERM_COLOR", "never");
            for var in ["CARGO_HOME", "RUSTUP_HOME", "RUSTUP_TOOLCHAIN"] {
                if let Some(v) = std::env::var_os(var) {
                    cmd.env(var, v);
                }
            }
            for (k, v) in &self.env {
                cmd.env(k, v);
            }
            if let Some(env) = step["env"].as_hash() {
                for (k, v) in env {
                    cmd.env(
                        k.as_str().expect("env name"),
                        self.eval(&action, v.as_str().expect("env value")),
                    );
                }
            }
            let out = cmd.output().expect("bash");
            let written = std::fs::read_to_string(&output_file).unwrap_or_default();
            let outputs: HashMap<String, String> = written
                .lines()
                .filter_map(|l| l.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            self.outputs.insert(id.clone(), outputs);
            let failed = !out.status.success();
            runs.push(StepRun {
                id,
                code: out.status.code(),
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            });
            if failed {
                break;
            }
        }
        runs
    }

    fn summary(&self) -> String {
        std::fs::read_to_string(self.file("summary.md")).unwrap_or_default()
    }

    /// The arguments the recording release binary was run with.
    fn recorded_args(&self) -> Vec<String> {
        let bytes = std::fs::read(self.file("args")).expect("the binary ran");
        let mut args: Vec<String> = bytes
            .split(|b| *b == 0)
            .map(|a| String::from_utf8(a.to_vec()).expect("UTF-8"))
            .collect();
        // After the last argument's NUL.
        args.pop();
        args
    }
}

fn real_cargo() -> PathBuf {
    std::env::var_os("CARGO").map_or_else(|| which("cargo"), PathBuf::from)
}

fn step<'a>(runs: &'a [StepRun], id: &str) -> &'a StepRun {
    runs.iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("step `{id}` did not run"))
}

fn ran(runs: &[StepRun], id: &str) -> bool {
    runs.iter().any(|r| r.id == id)
}

/// The two annotations and the human report of the fixture, as the run step prints them.
fn assert_fixture_annotations(run: &StepRun) {
    assert_eq!(run.code, Some(1), "{}\n{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error ") || l.starts_with("::warning "))
        .collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].starts_with("::error file=sub/src/lib.rs,line=8,endLine=8,col=32,endColumn=59,title=TLS101 cert_verification_disabled::certificate verification is disabled"), "{}", lines[0]);
    assert!(lines[1].starts_with("::warning file=sub/src/lib.rs,line=14,endLine=14,col=10,endColumn=41,title=TLS104 cert_verification_runtime_toggle::"), "{}", lines[1]);
    assert!(
        run.stdout
            .contains("error[TLS101]: certificate verification is disabled"),
        "the human report is in the log: {}",
        run.stdout
    );
}

/// The fixture's job summary, with the rules linked at the Action's ref.
fn fixture_summary(action_ref: &str) -> String {
    let docs =
        format!("https://github.com/cargo-tlslint/cargo-tlslint/blob/{action_ref}/docs/rules.md");
    format!(
        "### cargo-tlslint\n\n\
         2 findings in `sub/Cargo.toml`: 1 error, 1 warning.\n\n\
         | rule | name | level | findings |\n|---|---|---|---:|\n\
         | [TLS101]({docs}#tls101-cert_verification_disabled) | `cert_verification_disabled` | error | 1 |\n\
         | [TLS104]({docs}#tls104-cert_verification_runtime_toggle) | `cert_verification_runtime_toggle` | warning | 1 |\n\n\
         | file | errors | warnings |\n|---|---:|---:|\n\
         | sub/src/lib.rs | 1 | 1 |\n"
    )
}

#[test]
fn steps_take_inputs_only_through_env_and_run_the_actions_own_scripts() {
    let action = action();
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    for s in action["runs"]["steps"].as_vec().expect("steps") {
        if let Some(script) = s["run"].as_str() {
            assert!(
                !script.contains("${{"),
                "an expression inside a run script: {script}"
            );
            assert!(
                script.starts_with("bash --noprofile --norc \"$GITHUB_ACTION_PATH/action/"),
                "a step runs one of the action's scripts: {script}"
            );
            assert_eq!(s["shell"].as_str(), Some("bash"));
        }
    }
    for entry in std::fs::read_dir(root().join("action")).expect("action/") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("script");
        assert!(
            !text.contains("cargo tlslint") && !text.contains("eval "),
            "{}: the binary runs by its path, never through cargo, and nothing is eval'd",
            path.display()
        );
    }
}

#[test]
fn release_binary_is_downloaded_checked_and_run_on_every_runner() {
    for runner in RUNNERS {
        let mut sim = Sim::new(runner, &[("manifest-path", "sub/Cargo.toml")]);
        sim.publish(&tag(), Payload::Real, Checksum::Good);
        let runs = sim.run();
        let install = step(&runs, "install");
        assert_eq!(install.code, Some(0), "{runner:?}: {}", install.stderr);
        assert!(
            install.stdout.contains(&format!(
                "using cargo-tlslint {VERSION} from the release {} ({})",
                tag(),
                runner.target()
            )),
            "{runner:?}: {}",
            install.stdout
        );
        assert_eq!(sim.outputs["install"]["source"], "release");
        let bin = &sim.outputs["install"]["bin"];
        assert_eq!(
            Path::new(bin),
            sim.runner_temp().join(format!(
                "cargo-tlslint/release-{}-{}/cargo-tlslint{}",
                tag(),
                runner.target(),
                runner.exe()
            )),
            "{runner:?}: the binary, as Git Bash sees it"
        );
        assert!(sim.uses.is_empty(), "no cache and no build for a release");
        assert!(!ran(&runs, "build"));
        assert_fixture_annotations(step(&runs, "run"));
        assert_eq!(sim.outputs["run"]["errors"], "1");
        assert_eq!(sim.outputs["run"]["warnings"], "1");
        assert_eq!(sim.summary(), fixture_summary(&tag()), "{runner:?}");
        assert!(
            !sim.workspace.join("D:").exists() && !root().join("D:").exists(),
            "{runner:?}: a Windows path was used as a relative path"
        );
    }
}

#[test]
fn checksum_mismatch_fails_and_runs_nothing() {
    for runner in RUNNERS {
        let mut sim = Sim::new(runner, &[("manifest-path", "sub/Cargo.toml")]);
        sim.publish(&tag(), Payload::Marker, Checksum::Bad);
        let runs = sim.run();
        let install = step(&runs, "install");
        assert_eq!(install.code, Some(2), "{runner:?}");
        assert!(
            install.stderr.contains(&format!(
                "::error title=cargo-tlslint::SHA-256 mismatch for cargo-tlslint-{}.tar.gz of release {}",
                runner.target(),
                tag()
            )),
            "{runner:?}: {}",
            install.stderr
        );
        assert_eq!(runs.len(), 1, "{runner:?}: no step after the failure");
        assert!(!sim.file("marker").exists(), "{runner:?}: the binary ran");
    }
}

#[test]
fn without_a_release_binary_the_action_builds_itself_with_cargo_install() {
    for runner in RUNNERS {
        let mut sim = Sim::new(runner, &[("manifest-path", "sub/Cargo.toml")]);
        sim.install_cargo_shim();
        let runs = sim.run();
        let install = step(&runs, "install");
        assert!(
            install.stdout.contains(&format!(
                "no release binary for {} on {}",
                tag(),
                runner.target()
            )),
            "{runner:?}: {}{}",
            install.stdout,
            install.stderr
        );
        let out = &sim.outputs["install"];
        assert_eq!(out["source"], "build");
        let key = &out["key"];
        assert_eq!(key.len(), 32);
        let native = if runner.is_windows() {
            format!("D:/a/_temp/cargo-tlslint/build-{key}")
        } else {
            sim.runner_temp()
                .join(format!("cargo-tlslint/build-{key}"))
                .display()
                .to_string()
        };
        assert_eq!(
            out["dir"], native,
            "{runner:?}: actions/cache gets a native path"
        );
        let (uses, with) = &sim.uses[0];
        assert!(uses.starts_with("actions/cache@"));
        assert_eq!(with["path"], native);
        assert_eq!(
            with["key"],
            format!("cargo-tlslint-{}-{}-{key}", runner.os(), runner.arch())
        );
        let args = std::fs::read_to_string(sim.file("cargo-args")).expect("cargo install ran");
        let target_dir = if runner.is_windows() {
            "D:/a/_temp/cargo-tlslint/target".to_string()
        } else {
            sim.runner_temp()
                .join("cargo-tlslint/target")
                .display()
                .to_string()
        };
        assert_eq!(
            args.lines().collect::<Vec<_>>(),
            [
                "install",
                "--locked",
                "--path",
                ".",
                "--root",
                native.as_str(),
                "--target-dir",
                target_dir.as_str()
            ],
            "{runner:?}"
        );
        assert_eq!(
            std::fs::read_to_string(sim.file("cargo-cwd")).expect("cwd"),
            format!("{}\n", root().display()),
            "built in the action's directory, not the checkout"
        );
        assert!(
            step(&runs, "build")
                .stdout
                .contains(&format!("cargo-tlslint {VERSION}")),
            "the build step prints the version"
        );
        assert_fixture_annotations(step(&runs, "run"));
        assert_eq!(sim.summary(), fixture_summary(&tag()), "{runner:?}");
    }
}

#[test]
fn a_cached_build_is_reused_and_a_branch_pin_never_downloads() {
    let mut sim = Sim::new(Runner::Linux, &[("manifest-path", "sub/Cargo.toml")]);
    sim.install_cargo_shim();
    // A release that would work: a branch pin must not take it.
    sim.publish("main", Payload::Marker, Checksum::Good);
    sim.action_ref = "main".into();
    let first = sim.run();
    assert!(
        step(&first, "install")
            .stdout
            .contains("the action is used at 'main', not at a release tag"),
        "{}",
        step(&first, "install").stdout
    );
    assert!(!sim.file("marker").exists());
    assert!(sim.file("cargo-args").exists());
    std::fs::remove_file(sim.file("cargo-args")).expect("rm");
    let bin = sim.outputs["install"]["bin"].clone();
    let second = sim.run();
    assert_eq!(
        sim.outputs["install"]["bin"], bin,
        "the same sources, the same key"
    );
    assert!(
        step(&second, "build")
            .stdout
            .contains("using the cached build"),
        "{}",
        step(&second, "build").stdout
    );
    assert!(!sim.file("cargo-args").exists(), "cargo install ran again");
    assert_eq!(step(&second, "run").code, Some(1));
}

#[test]
fn without_github_action_ref_the_ref_comes_from_the_actions_path() {
    let mut sim = Sim::new(Runner::Windows, &[("manifest-path", "sub/Cargo.toml")]);
    // Where the runner downloads `uses: cargo-tlslint/cargo-tlslint@vX.Y.Z`.
    let path = sim
        .tmp
        .path()
        .join(format!("_actions/cargo-tlslint/cargo-tlslint/{}", tag()));
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::os::unix::fs::symlink(root(), &path).expect("symlink");
    sim.action_path = path;
    sim.action_ref = String::new();
    sim.publish(&tag(), Payload::Real, Checksum::Good);
    let runs = sim.run();
    assert_eq!(
        sim.outputs["install"]["source"],
        "release",
        "{}",
        step(&runs, "install").stdout
    );
    assert_eq!(sim.outputs["install"]["ref"], tag());
    assert_eq!(
        sim.outputs["install"]["repository"],
        "cargo-tlslint/cargo-tlslint"
    );
    assert_eq!(sim.summary(), fixture_summary(&tag()));
}

#[test]
fn a_release_of_another_version_than_the_actions_is_not_taken() {
    let mut sim = Sim::new(Runner::Linux, &[("manifest-path", "sub/Cargo.toml")]);
    sim.install_cargo_shim();
    // As when the action sits inside another composite action: github.action_ref is the
    // outer action's.
    sim.action_ref = "v9.9.9".into();
    sim.publish("v9.9.9", Payload::Marker, Checksum::Good);
    let runs = sim.run();
    assert!(
        step(&runs, "install").stdout.contains(&format!(
            "the ref 'v9.9.9' is not this action's version ({VERSION}): building it from its sources"
        )),
        "{}",
        step(&runs, "install").stdout
    );
    assert!(!sim.file("marker").exists());
    assert!(sim.file("cargo-args").exists());
}

#[test]
fn without_sha256sum_or_shasum_powershell_checks_the_download() {
    let mut sim = Sim::new(Runner::Windows, &[("manifest-path", "sub/Cargo.toml")]);
    std::fs::remove_file(sim.path.join("sha256sum")).expect("rm");
    // Get-FileHash's answer: uppercase, CRLF, for the file named in the environment (a native
    // path, which the simulated cygpath maps back).
    write_executable(
        &sim.path.join("powershell"),
        &format!(
            "#!{bash}\nf=\"$(cygpath -u \"$TLSLINT_HASH_FILE\")\"\nh=\"$({sha} \"$f\")\"\nprintf '%s\\r\\n' \"${{h%% *}}\" | tr a-f A-F\n",
            bash = which("bash").display(),
            sha = sq(&which("sha256sum")),
        ),
    );
    sim.publish(&tag(), Payload::Real, Checksum::Good);
    let runs = sim.run();
    assert_eq!(
        step(&runs, "install").code,
        Some(0),
        "{}",
        step(&runs, "install").stderr
    );
    assert_fixture_annotations(step(&runs, "run"));

    let mut bad = Sim::new(Runner::Windows, &[("manifest-path", "sub/Cargo.toml")]);
    std::fs::remove_file(bad.path.join("sha256sum")).expect("rm");
    bad.publish(&tag(), Payload::Marker, Checksum::Good);
    let runs = bad.run();
    assert_eq!(step(&runs, "install").code, Some(2));
    assert!(
        step(&runs, "install")
            .stderr
            .contains("no SHA-256 tool on this runner"),
        "{}",
        step(&runs, "install").stderr
    );
    assert!(!bad.file("marker").exists());
}

#[test]
fn args_are_split_like_a_shell_command_line_without_expansion() {
    for runner in RUNNERS {
        let mut sim = Sim::new(
            runner,
            &[
                ("manifest-path", "my project/Cargo.toml"),
                ("config", "ci/pinned policy.toml"),
                (
                    "args",
                    "--baseline \"ci/tlslint baseline.json\"  -D warnings\n'it''s' a\\ b \"q\\\"uote\" '$HOME' * ~ `x` \"\" --exclude=\"x y\"",
                ),
            ],
        );
        sim.publish(
            &tag(),
            Payload::Recorder {
                stdout: String::new(),
                status: 0,
            },
            Checksum::Good,
        );
        let runs = sim.run();
        assert_eq!(
            step(&runs, "run").code,
            Some(0),
            "{}",
            step(&runs, "run").stderr
        );
        assert_eq!(
            sim.recorded_args(),
            [
                "tlslint",
                "--manifest-path",
                "my project/Cargo.toml",
                "--config",
                "ci/pinned policy.toml",
                "--message-format",
                "github",
                "--baseline",
                "ci/tlslint baseline.json",
                "-D",
                "warnings",
                "its",
                "a b",
                "q\"uote",
                "$HOME",
                "*",
                "~",
                "`x`",
                "",
                "--exclude=x y",
            ],
            "{runner:?}"
        );
    }
}

#[test]
fn an_empty_quoted_argument_is_kept_and_an_unterminated_quote_is_an_error() {
    let mut sim = Sim::new(Runner::Linux, &[("args", "--baseline '' -v")]);
    sim.publish(
        &tag(),
        Payload::Recorder {
            stdout: String::new(),
            status: 0,
        },
        Checksum::Good,
    );
    sim.run();
    assert_eq!(
        sim.recorded_args()[4..],
        ["github", "--baseline", "", "-v"].map(String::from),
        "the empty argument survives"
    );

    let mut sim = Sim::new(Runner::MacOs, &[("args", "--baseline 'unclosed -v")]);
    sim.publish(
        &tag(),
        Payload::Recorder {
            stdout: String::new(),
            status: 0,
        },
        Checksum::Good,
    );
    let runs = sim.run();
    let run = step(&runs, "run");
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .contains("::error title=cargo-tlslint::the args input has an unterminated quote"),
        "{}",
        run.stderr
    );
    assert!(!sim.file("args").exists(), "the binary did not run");
}

#[test]
fn the_summary_counts_by_rule_and_file_and_escapes_what_it_shows() {
    let annotations = [
        "::error file=src/a.rs,line=1,title=TLS101 cert_verification_disabled::m",
        "::error file=src/a.rs,line=2,title=TLS101 cert_verification_disabled::m",
        "::warning file=src/b|<script>%2C_x%3A.rs,line=3,title=TLS104 cert_verification_runtime_toggle::m%0Anote: x",
        "::error file=src/b|<script>%2C_x%3A.rs,line=4,title=TLS510 cleartext_credentials::m",
        "::error title=TLS001 parse_error::no file",
        "::notice::not a finding",
        "plain log line",
    ]
    .join("\n");
    let mut sim = Sim::new(Runner::MacOs, &[("manifest-path", "a|b/Cargo.toml")]);
    sim.publish(
        &tag(),
        Payload::Recorder {
            stdout: format!("{annotations}\n"),
            status: 1,
        },
        Checksum::Good,
    );
    let runs = sim.run();
    let run = step(&runs, "run");
    assert_eq!(run.code, Some(1), "the binary's exit status");
    assert_eq!(
        run.stdout,
        format!("{annotations}\n"),
        "annotations reach the log"
    );
    assert_eq!(sim.outputs["run"]["errors"], "4");
    assert_eq!(sim.outputs["run"]["warnings"], "1");
    let docs = format!(
        "https://github.com/cargo-tlslint/cargo-tlslint/blob/{}/docs/rules.md",
        tag()
    );
    assert_eq!(
        sim.summary(),
        format!(
            "### cargo-tlslint\n\n\
             5 findings in `a&#124;b/Cargo.toml`: 4 errors, 1 warning.\n\n\
             | rule | name | level | findings |\n|---|---|---|---:|\n\
             | [TLS101]({docs}#tls101-cert_verification_disabled) | `cert_verification_disabled` | error | 2 |\n\
             | [TLS001]({docs}#tls001-parse_error) | `parse_error` | error | 1 |\n\
             | [TLS510]({docs}#tls510-cleartext_credentials) | `cleartext_credentials` | error | 1 |\n\
             | [TLS104]({docs}#tls104-cert_verification_runtime_toggle) | `cert_verification_runtime_toggle` | warning | 1 |\n\n\
             | file | errors | warnings |\n|---|---:|---:|\n\
             | (no file) | 1 | 0 |\n\
             | src/a.rs | 2 | 0 |\n\
             | src/b&#124;&lt;script&gt;,&#95;x:.rs | 1 | 1 |\n"
        )
    );
}

#[test]
fn the_summary_of_a_clean_run_and_of_a_tool_error() {
    for (stdout, status, expected) in [
        ("", 0, "### cargo-tlslint\n\nNo findings in `Cargo.toml`.\n"),
        (
            "",
            2,
            "### cargo-tlslint\n\ncargo-tlslint stopped with a tool error (exit status 2): see the step's log.\n\n",
        ),
    ] {
        let mut sim = Sim::new(Runner::Linux, &[]);
        sim.publish(
            &tag(),
            Payload::Recorder {
                stdout: stdout.into(),
                status,
            },
            Checksum::Good,
        );
        let runs = sim.run();
        assert_eq!(step(&runs, "run").code, Some(status));
        assert_eq!(sim.summary(), expected);
        assert_eq!(sim.outputs["run"]["errors"], "0");
    }
}

#[test]
fn many_findings_note_githubs_annotation_limit_and_cap_the_file_table() {
    let annotations: String = (0..130)
        .map(|i| {
            format!(
                "::error file=src/f{i:03}.rs,line=1,title=TLS101 cert_verification_disabled::m\n"
            )
        })
        .collect();
    let mut sim = Sim::new(Runner::Linux, &[]);
    sim.publish(
        &tag(),
        Payload::Recorder {
            stdout: annotations,
            status: 1,
        },
        Checksum::Good,
    );
    sim.run();
    let summary = sim.summary();
    assert!(summary.contains("130 findings in `Cargo.toml`: 130 errors, 0 warnings.\nGitHub shows the first 10 errors and 10 warnings of a step as annotations; the log has them all.\n"), "{summary}");
    assert!(
        summary.contains("| src/f099.rs | 1 | 0 |\n\n… and 30 more files (see the log).\n"),
        "{summary}"
    );
    assert!(!summary.contains("src/f100.rs"));
}

#[test]
fn sarif_format_writes_the_file_and_succeeds() {
    let mut sim = Sim::new(
        Runner::Windows,
        &[
            ("manifest-path", "sub/Cargo.toml"),
            ("format", "sarif"),
            ("args", "--include-tests  -D warnings"),
        ],
    );
    sim.publish(&tag(), Payload::Real, Checksum::Good);
    let runs = sim.run();
    let run = step(&runs, "run");
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(sim.outputs["run"]["sarif-file"], "tlslint.sarif");
    let text = std::fs::read_to_string(sim.workspace.join("tlslint.sarif"))
        .expect("SARIF written in the checkout");
    let log: serde_json::Value = serde_json::from_str(&text).expect("SARIF is JSON");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 3, "two findings and one suppressed");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "sub/src/lib.rs"
    );
    assert!(sim.summary().contains("SARIF written to `tlslint.sarif`"));
}

#[test]
fn a_sarif_file_committed_as_a_symlink_is_replaced_not_written_through() {
    let mut sim = Sim::new(
        Runner::Linux,
        &[("manifest-path", "sub/Cargo.toml"), ("format", "sarif")],
    );
    let outside = sim.tmp.path().join("outside.txt");
    std::fs::write(&outside, "untouched").expect("write");
    std::os::unix::fs::symlink(&outside, sim.workspace.join("tlslint.sarif")).expect("symlink");
    sim.publish(&tag(), Payload::Real, Checksum::Good);
    let runs = sim.run();
    assert_eq!(
        step(&runs, "run").code,
        Some(0),
        "{}",
        step(&runs, "run").stderr
    );
    assert_eq!(
        std::fs::read_to_string(&outside).expect("read"),
        "untouched"
    );
    let written = sim.workspace.join("tlslint.sarif");
    assert!(!written.symlink_metadata().expect("lstat").is_symlink());
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(written).expect("read")).expect("JSON");
    assert_eq!(log["version"], "2.1.0");
}

#[test]
fn the_summary_counts_no_annotation_inside_the_quoted_report() {
    let mut sim = Sim::new(Runner::Linux, &[("manifest-path", "sub/Cargo.toml")]);
    sim.publish(
        &tag(),
        Payload::Recorder {
            stdout: "::stop-commands::tlslint-abc\n::error file=forged.rs,title=TLS999 forged::x\n::tlslint-abc::\n::warning file=sub/src/lib.rs,line=3,title=TLS104 cert_verification_runtime_toggle::m\n".into(),
            status: 0,
        },
        Checksum::Good,
    );
    sim.run();
    let summary = sim.summary();
    assert!(!summary.contains("forged"), "{summary}");
    assert!(summary.contains("TLS104"), "{summary}");
    assert_eq!(sim.outputs["run"]["errors"], "0");
    assert_eq!(sim.outputs["run"]["warnings"], "1");
}

#[test]
fn unknown_format_fails_with_an_annotation() {
    let mut sim = Sim::new(
        Runner::Linux,
        &[("manifest-path", "sub/Cargo.toml"), ("format", "xml")],
    );
    sim.publish(&tag(), Payload::Real, Checksum::Good);
    let runs = sim.run();
    let run = step(&runs, "run");
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .starts_with("::error title=cargo-tlslint::unknown format 'xml'"),
        "{}",
        run.stderr
    );
}
