//! The GitHub Action (`action.yml`) run as GitHub would run its script steps: each `run:` script
//! with bash, its `env:` expressions evaluated, `GITHUB_*`/`RUNNER_*` simulated, against a
//! fixture checkout. The build step finds a pre-built binary at the cache location (as after a
//! cache hit), so no `cargo install` happens here; the `uses:` step (actions/cache) is skipped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use yaml_rust2::{Yaml, YamlLoader};

fn action() -> Yaml {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml"))
        .expect("action.yml");
    YamlLoader::load_from_str(&text)
        .expect("action.yml is YAML")
        .remove(0)
}

struct Sim {
    _tmp: tempfile::TempDir,
    workspace: PathBuf,
    home: PathBuf,
    runner_temp: PathBuf,
    inputs: HashMap<String, String>,
    outputs: HashMap<String, HashMap<String, String>>,
}

/// What one step printed and how it ended.
struct StepRun {
    id: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Sim {
    /// A checkout whose workspace lives in `sub/` (so paths must be made relative to the checkout).
    fn new(inputs: &[(&str, &str)]) -> Sim {
        let tmp = tempfile::tempdir().expect("temp dir");
        let workspace = tmp.path().join("checkout");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats"),
            &workspace.join("sub"),
        );
        let home = tmp.path().join("home");
        let runner_temp = tmp.path().join("runner-temp");
        for d in [&home, &runner_temp] {
            std::fs::create_dir_all(d).expect("mkdir");
        }
        Sim {
            _tmp: tmp,
            workspace,
            home,
            runner_temp,
            inputs: inputs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            outputs: HashMap::new(),
        }
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
            let expr = rest[start + 3..end].trim();
            let parts: Vec<&str> = expr.split('.').collect();
            let value = match parts.as_slice() {
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
                ["runner", "temp"] => self.runner_temp.display().to_string(),
                ["runner", "os"] => "Linux".into(),
                ["runner", "arch"] => "X64".into(),
                _ => panic!("unsupported expression `{expr}`"),
            };
            out.push_str(&value);
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// Runs every script step in order, stopping after a failing one, as GitHub does.
    fn run(&mut self, before_install: impl Fn(&Sim)) -> Vec<StepRun> {
        let action = action();
        let action_path = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut runs = Vec::new();
        for step in action["runs"]["steps"].as_vec().expect("steps") {
            let Some(script) = step["run"].as_str() else {
                continue;
            };
            let id = step["id"].as_str().unwrap_or("").to_string();
            if id == "install" {
                before_install(self);
            }
            let output_file = self.runner_temp.join(format!("output-{id}"));
            std::fs::write(&output_file, "").expect("GITHUB_OUTPUT");
            let mut cmd = Command::new("bash");
            cmd.args(["--noprofile", "--norc", "-e", "-o", "pipefail", "-c"])
                .arg(script)
                .current_dir(&self.workspace);
            cmd.env("HOME", &self.home)
                .env("GITHUB_ACTION_PATH", &action_path)
                .env("GITHUB_WORKSPACE", &self.workspace)
                .env("GITHUB_OUTPUT", &output_file)
                .env("GITHUB_ACTIONS", "true")
                .env("RUNNER_TEMP", &self.runner_temp)
                .env("CARGO_TERM_COLOR", "never");
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
}

fn copy_dir(from: &Path, to: &Path) {
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

/// Puts the test's binary where the build step looks for the cached build.
fn prebuilt(sim: &Sim) {
    let bin = PathBuf::from(&sim.outputs["locate"]["bin"]);
    std::fs::create_dir_all(bin.parent().expect("bin dir")).expect("mkdir");
    std::fs::copy(env!("CARGO_BIN_EXE_cargo-tlslint"), &bin).expect("copy binary");
}

fn step<'a>(runs: &'a [StepRun], id: &str) -> &'a StepRun {
    runs.iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("step `{id}` did not run"))
}

#[test]
fn run_scripts_take_inputs_only_through_env() {
    let action = action();
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    for s in action["runs"]["steps"].as_vec().expect("steps") {
        if let Some(script) = s["run"].as_str() {
            assert!(
                !script.contains("${{"),
                "an expression inside a run script: {script}"
            );
            assert!(
                !script.contains("cargo tlslint"),
                "the binary must be run by its path, not through cargo: {script}"
            );
            assert_eq!(s["shell"].as_str(), Some("bash"));
        }
    }
    let cache = action["runs"]["steps"]
        .as_vec()
        .expect("steps")
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/cache@"))
        })
        .cloned();
    assert!(cache.is_some(), "the build is cached with actions/cache");
}

#[test]
fn github_format_annotates_the_findings_and_fails_the_step() {
    let mut sim = Sim::new(&[("manifest-path", "sub/Cargo.toml")]);
    let runs = sim.run(prebuilt);
    assert!(
        step(&runs, "install")
            .stdout
            .contains("using the cached build"),
        "{}",
        step(&runs, "install").stderr
    );
    let run = step(&runs, "run");
    assert_eq!(run.code, Some(1), "{}", run.stderr);
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
        "the human report is in the log"
    );
}

#[test]
fn sarif_format_writes_the_file_and_succeeds() {
    let mut sim = Sim::new(&[
        ("manifest-path", "sub/Cargo.toml"),
        ("format", "sarif"),
        ("args", "--include-tests  -D warnings"),
    ]);
    let runs = sim.run(prebuilt);
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
}

#[test]
fn unknown_format_fails_with_an_annotation() {
    let mut sim = Sim::new(&[("manifest-path", "sub/Cargo.toml"), ("format", "xml")]);
    let runs = sim.run(prebuilt);
    let run = step(&runs, "run");
    assert_eq!(run.code, Some(2));
    assert!(
        run.stdout
            .starts_with("::error title=cargo-tlslint::unknown format")
    );
}
