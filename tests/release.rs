//! The release and CI machinery kept in step: the workflows and the Action parse as YAML and pin
//! every action by commit SHA; the release workflow builds exactly the targets the Action
//! downloads, under the names `cargo binstall` expects; CHANGELOG.md has the version's section
//! as create-gh-release-action's parser reads it; the crates' versions agree; the minimum Rust
//! version holds for every locked dependency; and the CI workflow's expected counts are the
//! example's.

use std::path::Path;
use std::process::Command;

use yaml_rust2::{Yaml, YamlLoader};

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn yaml(rel: &str) -> Yaml {
    YamlLoader::load_from_str(&read(rel))
        .unwrap_or_else(|e| panic!("{rel} is not YAML: {e}"))
        .remove(0)
}

fn toml(rel: &str) -> toml::Table {
    read(rel).parse().unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const WORKFLOWS: [&str; 2] = [".github/workflows/ci.yml", ".github/workflows/release.yml"];

/// Every step of every job of a workflow.
fn steps(workflow: &Yaml) -> Vec<&Yaml> {
    workflow["jobs"]
        .as_hash()
        .expect("jobs")
        .values()
        .flat_map(|job| job["steps"].as_vec().expect("steps"))
        .collect()
}

#[test]
fn workflows_and_the_action_pin_every_action_by_commit_sha() {
    for rel in WORKFLOWS.iter().chain(&["action.yml"]) {
        let text = read(rel);
        yaml(rel);
        for line in text.lines() {
            let Some(uses) = line.trim().trim_start_matches("- ").strip_prefix("uses: ") else {
                continue;
            };
            if uses == "./" {
                continue;
            }
            let (_, rest) = uses
                .split_once('@')
                .unwrap_or_else(|| panic!("{rel}: {uses}"));
            let (sha, version) = rest
                .split_once(" # v")
                .unwrap_or_else(|| panic!("{rel}: `{uses}` has no `# vX.Y.Z` comment"));
            assert!(
                sha.len() == 40 && sha.bytes().all(|b| b.is_ascii_hexdigit()),
                "{rel}: `{uses}` is not pinned by a full commit SHA"
            );
            assert_eq!(version.split('.').count(), 3, "{rel}: {uses}");
        }
    }
}

#[test]
fn workflows_read_only_by_default_and_no_expression_inside_a_script() {
    for rel in WORKFLOWS {
        let workflow = yaml(rel);
        assert_eq!(
            workflow["permissions"]["contents"].as_str(),
            Some("read"),
            "{rel}: the default token is read-only"
        );
        for (name, job) in workflow["jobs"].as_hash().expect("jobs") {
            assert!(
                job["runs-on"].as_str().is_some(),
                "{rel}: job {name:?} has runs-on"
            );
        }
        for step in steps(&workflow) {
            if let Some(script) = step["run"].as_str() {
                assert!(
                    !script.contains("${{"),
                    "{rel}: values reach scripts through env, not expressions: {script}"
                );
            }
        }
    }
}

/// The release target the Action picks for a runner (action/common.sh's `release_target`).
fn action_target(os: &str, arch: &str) -> String {
    let out = Command::new("bash")
        .arg("-c")
        .arg(". action/common.sh && release_target")
        .current_dir(root())
        .env("RUNNER_OS", os)
        .env("RUNNER_ARCH", arch)
        .output()
        .expect("bash");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .trim()
        .to_string()
}

#[test]
fn the_release_builds_what_the_action_and_binstall_download() {
    let release = yaml(".github/workflows/release.yml");
    assert!(
        release["on"]["push"]["tags"][0]
            .as_str()
            .expect("a tag trigger")
            .starts_with("v[0-9]"),
        "released by a v* tag"
    );
    let upload = &release["jobs"]["upload-assets"];
    let step = upload["steps"]
        .as_vec()
        .expect("steps")
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("taiki-e/upload-rust-binary-action@"))
        })
        .expect("the upload step");
    let with = &step["with"];
    assert_eq!(with["bin"].as_str(), Some("cargo-tlslint"));
    // The default archive name, `$bin-$target`, with a .tar.gz on every platform and one
    // `$bin-$target.sha256` file.
    assert!(with["archive"].is_badvalue());
    assert!(with["leading-dir"].is_badvalue());
    assert_eq!(with["tar"].as_str(), Some("all"));
    assert_eq!(with["checksum"].as_str(), Some("sha256"));
    assert_eq!(with["locked"].as_bool(), Some(true));

    let mut built: Vec<(String, String)> = upload["strategy"]["matrix"]["include"]
        .as_vec()
        .expect("matrix")
        .iter()
        .map(|m| {
            (
                m["target"].as_str().expect("target").to_string(),
                m["os"].as_str().expect("os").to_string(),
            )
        })
        .collect();
    built.sort();
    let mut downloaded: Vec<(String, String)> = [
        ("Linux", "X64", "ubuntu"),
        ("Linux", "ARM64", "ubuntu"),
        ("macOS", "X64", "macos"),
        ("macOS", "ARM64", "macos"),
        ("Windows", "X64", "windows"),
    ]
    .iter()
    .map(|(os, arch, image)| (action_target(os, arch), format!("{image}-latest")))
    .collect();
    downloaded.sort();
    assert_eq!(
        built, downloaded,
        "one release binary per runner the Action knows"
    );
    assert_eq!(
        action_target("Windows", "ARM64"),
        "",
        "built from source there"
    );

    let manifest = toml("Cargo.toml");
    let binstall = &manifest["package"]["metadata"]["binstall"];
    let repo = manifest["workspace"]["package"]["repository"]
        .as_str()
        .expect("repository");
    for (target, _) in &built {
        let url = binstall["pkg-url"]
            .as_str()
            .expect("pkg-url")
            .replace("{ repo }", repo)
            .replace("{ version }", VERSION)
            .replace("{ name }", "cargo-tlslint")
            .replace("{ target }", target);
        assert_eq!(
            url,
            format!("{repo}/releases/download/v{VERSION}/cargo-tlslint-{target}.tar.gz")
        );
    }
    assert_eq!(binstall["pkg-fmt"].as_str(), Some("tgz"));
    assert_eq!(
        binstall["bin-dir"].as_str(),
        Some("{ bin }{ binary-ext }"),
        "the binary is at the archive's root"
    );
    let install = read("action/install.sh");
    assert!(install.contains(r#"local name="cargo-tlslint-$target""#));
    assert!(install.contains(r#"--output "$name.tar.gz" "$base/$tag/$name.tar.gz""#));
    assert!(install.contains(r#"--output "$name.sha256" "$base/$tag/$name.sha256""#));
    assert!(install.contains("releases/download"));
}

#[test]
fn versions_agree_and_the_changelog_has_this_version() {
    let manifest = toml("Cargo.toml");
    assert_eq!(manifest["package"]["version"].as_str(), Some(VERSION));
    assert_eq!(
        manifest["dependencies"]["tlslint-lints"]["version"].as_str(),
        Some(VERSION)
    );
    assert_eq!(
        toml("lints/Cargo.toml")["package"]["version"].as_str(),
        Some(VERSION)
    );
    let changelog = read("CHANGELOG.md");
    let releases = parse_changelog::parse(&changelog).expect("CHANGELOG.md parses");
    let release = releases
        .get(VERSION)
        .unwrap_or_else(|| panic!("CHANGELOG.md has no section for {VERSION}"));
    assert!(release.notes.contains("### Added"), "{}", release.notes);
    assert!(releases.contains_key("0.1.0"));
}

#[test]
fn every_locked_dependency_builds_with_the_minimum_rust_version() {
    let msrv = toml("Cargo.toml")["workspace"]["package"]["rust-version"]
        .as_str()
        .expect("rust-version")
        .to_string();
    // Major, minor, patch, a missing part being 0.
    let parse = |v: &str| -> [u64; 3] {
        let mut parts = v.split('.').map(|p| p.parse().expect("a number"));
        [(); 3].map(|()| parts.next().unwrap_or(0))
    };
    let out = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        // Not `--offline`: metadata covers every target's dependencies, which a fresh machine
        // has not downloaded for its own builds; the package registry is reachable in CI.
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root())
        .output()
        .expect("cargo metadata");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for package in metadata["packages"].as_array().expect("packages") {
        if let Some(needs) = package["rust_version"].as_str() {
            assert!(
                parse(needs) <= parse(&msrv),
                "{} {} needs Rust {needs}, above the rust-version {msrv}",
                package["name"],
                package["version"]
            );
        }
    }
}

#[test]
fn ci_expects_the_examples_findings() {
    let ci = yaml(".github/workflows/ci.yml");
    let env = &ci["jobs"]["action"]["env"];
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-tlslint"))
        .args([
            "tlslint",
            "--manifest-path",
            "examples/insecure-client/Cargo.toml",
            "--message-format",
            "github",
        ])
        .current_dir(root())
        .env("GITHUB_WORKSPACE", root())
        .output()
        .expect("cargo-tlslint");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let count = |level: &str| {
        stdout
            .lines()
            .filter(|l| l.starts_with(&format!("::{level} ")))
            .count()
            .to_string()
    };
    assert_eq!(
        env["EXPECTED_ERRORS"].as_str(),
        Some(count("error").as_str())
    );
    assert_eq!(
        env["EXPECTED_WARNINGS"].as_str(),
        Some(count("warning").as_str())
    );
    let os = ci["jobs"]["action"]["strategy"]["matrix"]["os"]
        .as_vec()
        .expect("os matrix");
    assert_eq!(
        os.iter().filter_map(Yaml::as_str).collect::<Vec<_>>(),
        ["ubuntu-latest", "macos-latest", "windows-latest"]
    );
}

#[test]
fn the_docs_pin_this_release() {
    for rel in ["README.md", "docs/integrations.md"] {
        let text = read(rel);
        let mut pins = 0;
        for (marker, pinned) in [
            ("cargo-tlslint/cargo-tlslint@", format!("v{VERSION}")),
            ("rev: ", format!("v{VERSION}")),
            ("--tag ", format!("v{VERSION}")),
            ("cargo binstall cargo-tlslint@", VERSION.to_string()),
        ] {
            for (at, _) in text.match_indices(marker) {
                let rest = &text[at + marker.len()..];
                assert!(
                    rest.starts_with(&pinned)
                        && !rest[pinned.len()..]
                            .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.'),
                    "{rel}: `{marker}{}` does not pin {pinned}",
                    rest.split_whitespace().next().unwrap_or("")
                );
                pins += 1;
            }
        }
        assert!(pins > 0, "{rel} pins no release");
    }
}
