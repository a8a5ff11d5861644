//! Hostile trees: one per way a stranger's pull request can attack the CI run that lints it.
//! Each asserts that nothing from the tree ran (a marker script stays unrun), that nothing from
//! outside the tree and no private-key body reached any output format, that no input blocks or
//! crashes the run, and that the findings elsewhere are still reported with the documented exit
//! status.

#![cfg(unix)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use support::{Fixture, Run, git, package_manifest, run_bounded, tlslint};

/// A finding that fails the run wherever it is linted.
const FINDING: &str =
    "pub fn c() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }\n";

/// Text that must never appear in any output.
const CANARY: &str = "CANARY_b7e1d2";

/// Every message format.
const FORMATS: &[&str] = &[
    "human",
    "short",
    "json",
    "json-diagnostic-rendered-ansi",
    "github",
    "sarif",
    "gitlab",
];

/// A script at `dir/name` that creates `marker` when it runs.
fn marker_script(dir: &Path, name: &str, marker: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).expect("mkdir");
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("#!/bin/sh\ntouch '{}'\ncat\n", marker.display()),
    )
    .expect("write script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

/// Runs every format from `rel` with `args`, and asserts that `forbidden` appears in none.
fn assert_no_output_contains(
    fx: &Fixture,
    rel: &str,
    args: &[&str],
    env: &[(&str, &str)],
    forbidden: &[&str],
) -> Vec<Run> {
    FORMATS
        .iter()
        .map(|format| {
            let mut all = vec!["--color", "never", "--message-format", format];
            all.extend(args);
            let out = fx.run_in(rel, &all, env);
            for f in forbidden {
                assert!(
                    !out.stdout.contains(f) && !out.stderr.contains(f),
                    "`{f}` leaked into {format} output:\n{}\n{}",
                    out.stdout,
                    out.stderr
                );
            }
            out
        })
        .collect()
}

/// A one-package workspace holding `FINDING` in `src/lib.rs`, committed.
fn committed_package() -> Fixture {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("h", ""))
        .file("src/lib.rs", "pub fn ok() -> u8 {\n    1\n}\n")
        .file(".gitattributes", "*.rs filter=evil diff=evil\n");
    git(fx.root(), &["init", "-q"]);
    git(fx.root(), &["add", "."]);
    git(fx.root(), &["commit", "-qm", "base"]);
    fx
}

/// Writes the repository-local configuration that starts `script` every way git can.
fn hostile_git_config(fx: &Fixture, script: &Path) {
    let s = script.display().to_string();
    let hooks = fx.path("hooks");
    for hook in [
        "pre-commit",
        "post-index-change",
        "post-checkout",
        "reference-transaction",
    ] {
        std::fs::create_dir_all(&hooks).expect("mkdir");
        std::fs::copy(script, hooks.join(hook)).expect("hook");
    }
    for (key, value) in [
        ("core.fsmonitor", s.as_str()),
        ("core.pager", s.as_str()),
        ("core.hooksPath", &hooks.display().to_string()),
        ("filter.evil.clean", s.as_str()),
        ("filter.evil.smudge", s.as_str()),
        ("filter.evil.process", s.as_str()),
        ("filter.evil.required", "true"),
        ("diff.evil.textconv", s.as_str()),
        ("diff.external", s.as_str()),
        ("core.sshCommand", s.as_str()),
    ] {
        git(fx.root(), &["config", key, value]);
    }
}

#[test]
fn git_starts_nothing_the_repository_configures() {
    let fx = committed_package();
    std::fs::write(
        fx.path("src/lib.rs"),
        format!("pub fn ok() -> u8 {{\n    1\n}}\n{FINDING}"),
    )
    .expect("write");
    git(fx.root(), &["add", "src/lib.rs"]);
    let marker = fx.path("RAN");
    let script = marker_script(&fx.path("bin"), "evil", &marker);
    hostile_git_config(&fx, &script);
    for args in [&["--diff", "HEAD"][..], &["--staged"][..]] {
        let out = fx.run_in("", args, &[]);
        assert!(
            !marker.exists(),
            "git started the tree's program for {args:?}"
        );
        assert_eq!(
            out.finding_lines(),
            ["TLS101 src/lib.rs:4:49"],
            "{args:?}:\n{}",
            out.stderr
        );
        assert_eq!(out.code, 1);
    }
}

#[test]
fn a_bare_repository_in_the_tree_is_never_used_and_hides_nothing() {
    let marker_dir = tempfile::tempdir().expect("temp dir");
    let marker = marker_dir.path().join("RAN");
    let script = marker_script(marker_dir.path(), "evil", &marker);
    let fx = Fixture::new()
        .file(
            "Cargo.toml",
            "[package]\nname = \"h\"\nversion = \"0.1.0\"\nedition = \"2021\"\nworkspace = \"sub\"\n",
        )
        .file("sub/Cargo.toml", "[workspace]\nmembers = [\"..\"]\n")
        .file("src/lib.rs", "pub fn ok() {}\n")
        .file("sub/HEAD", "ref: refs/heads/main\n")
        .file("sub/objects/info/.keep", "")
        .file("sub/refs/heads/.keep", "")
        .file(
            "sub/config",
            &format!(
                "[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = ..\n\tfsmonitor = {}\n",
                script.display()
            ),
        );
    git(fx.root(), &["init", "-q"]);
    git(fx.root(), &["add", "."]);
    git(fx.root(), &["commit", "-qm", "base"]);
    std::fs::write(
        fx.path("src/lib.rs"),
        format!("pub fn ok() {{}}\n{FINDING}"),
    )
    .expect("write");
    git(fx.root(), &["add", "src/lib.rs"]);
    for args in [
        &["--diff", "HEAD"][..],
        &["--diff", "HEAD", "--manifest-path", "Cargo.toml"][..],
        &["--staged"][..],
    ] {
        for dir in ["", "sub"] {
            let out = fx.run_in(dir, args, &[]);
            assert!(
                !marker.exists(),
                "the bare repository's fsmonitor ran ({args:?} in `{dir}`)"
            );
            assert!(
                out.finding_lines().iter().any(|f| f.starts_with("TLS101 ")),
                "the finding outside `sub/` is still reported ({args:?} in `{dir}`):\n{}",
                out.stderr
            );
            assert_eq!(out.code, 1, "{args:?} in `{dir}`: {}", out.stderr);
        }
    }
}

#[test]
fn a_revision_is_never_an_option() {
    let fx = committed_package();
    let written = fx.path("written");
    for rev in [
        format!("--output={}", written.display()),
        "--ext-diff".to_string(),
        "--textconv".to_string(),
    ] {
        let out = fx.run_in("", &[&format!("--diff={rev}")], &[]);
        assert_eq!(out.code, 2, "{rev}: {}", out.stderr);
        assert!(out.stderr.contains("git rev-parse"), "{}", out.stderr);
        assert!(!written.exists(), "git took `{rev}` as an option");
    }
}

/// A directory outside every fixture, holding a file with a finding and the canary on its line
/// (so that a snippet of the finding would show it).
fn outside_secret() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let secret = dir.path().join("secret.rs");
    std::fs::write(&secret, format!("{} // {CANARY}\n", FINDING.trim_end())).expect("write");
    (dir, secret)
}

#[test]
fn files_outside_the_tree_are_neither_read_nor_shown() {
    let (outside, secret) = outside_secret();
    let secret_s = secret.display().to_string();
    let rel_up = format!("../../../../../../../../../../..{}", secret.display());
    let manifest = format!(
        "[package]\nname = \"h\"\nversion = \"0.1.0\"\nedition = \"2021\"\nbuild = {secret_s:?}\n\n[[bin]]\nname = \"b\"\npath = {secret_s:?}\n\n[[test]]\nname = \"t\"\npath = {secret_s:?}\n\n[workspace]\n"
    );
    let fx = Fixture::new().file("Cargo.toml", &manifest).file(
        "src/lib.rs",
        &format!(
            "#[path = {secret_s:?}]\nmod a;\n#[path = {rel_up:?}]\nmod b;\n#[path = \"/proc/self/environ\"]\nmod e;\nmod link;\ninclude!({secret_s:?});\n{FINDING}"
        ),
    );
    std::os::unix::fs::symlink(&secret, fx.path("src/link.rs")).expect("symlink");
    let env = [("TLSLINT_TEST_SECRET", CANARY)];
    for args in [&[][..], &["--workspace", "--include-tests"][..]] {
        for out in assert_no_output_contains(&fx, "", args, &env, &[CANARY]) {
            assert!(out.code == 1, "{}\n{}", out.stdout, out.stderr);
        }
    }
    let out = fx.run_in("", &["--color", "never", "--include-tests"], &env);
    let tls001 = out
        .finding_lines()
        .into_iter()
        .filter(|f| f.starts_with("TLS001"))
        .count();
    assert!(
        tls001 >= 6,
        "each refused file is reported:\n{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("it lies outside the workspace; not read"),
        "{}",
        out.stderr
    );
    assert!(
        out.finding_lines()
            .contains(&"TLS101 src/lib.rs:9:49".to_string()),
        "{}",
        out.stderr
    );
    // Paths mode: a named symlink, and a walk over a tree holding one.
    assert_no_output_contains(&fx, "", &["src/link.rs"], &env, &[CANARY]);
    let walked = assert_no_output_contains(&fx, "", &["."], &env, &[CANARY]);
    assert_eq!(walked[0].code, 1);
    drop(outside);
}

#[test]
fn a_symlink_in_the_index_is_not_followed() {
    let (_outside, secret) = outside_secret();
    let fx = committed_package();
    std::os::unix::fs::symlink(&secret, fx.path("src/evil.rs")).expect("symlink");
    std::fs::write(fx.path("src/more.rs"), FINDING).expect("write");
    git(fx.root(), &["add", "src/evil.rs", "src/more.rs"]);
    let runs = assert_no_output_contains(&fx, "", &["--staged"], &[], &[CANARY]);
    assert_eq!(runs[0].code, 1);
    assert!(
        runs[0]
            .stderr
            .contains("cannot read `src/evil.rs`: it is a symbolic link, not a regular file"),
        "{}",
        runs[0].stderr
    );
}

#[test]
fn a_dependency_is_read_only_inside_its_own_package() {
    let (_outside, secret) = outside_secret();
    let lock = "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\"dep\"]\n\n[[package]]\nname = \"dep\"\nversion = \"1.0.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
    let fx = Fixture::new()
        .file(
            "ws/Cargo.toml",
            &package_manifest("app", "[dependencies]\ndep = \"1\"\n"),
        )
        .file("ws/Cargo.lock", lock)
        .file("ws/src/lib.rs", "pub fn ok() {}\n")
        .file(
            "vendor/dep-1.0.0/Cargo.toml",
            "[package]\nname = \"dep\"\nversion = \"1.0.0\"\nedition = \"2021\"\n",
        )
        .file(
            "vendor/dep-1.0.0/src/lib.rs",
            &format!(
                "#[path = {:?}]\nmod a;\ninclude!({:?});\n{FINDING}",
                secret.display().to_string(),
                secret.display().to_string()
            ),
        );
    let vendor = fx.path("vendor").display().to_string();
    let runs =
        assert_no_output_contains(&fx, "ws", &["-v", "--vendor-dir", &vendor], &[], &[CANARY]);
    assert!(
        runs[0].stderr.contains("dep 1.0.0"),
        "the dependency's own finding is reported:\n{}",
        runs[0].stderr
    );
}

#[test]
fn special_files_are_refused_without_being_opened() {
    let manifest = "[package]\nname = \"h\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[[bin]]\nname = \"z\"\npath = \"/dev/zero\"\n\n[[bin]]\nname = \"s\"\npath = \"/dev/stdin\"\n\n[workspace]\n";
    let fx = Fixture::new()
        .file("Cargo.toml", manifest)
        .file("src/lib.rs", &format!("mod fifo;\nmod big;\n{FINDING}"));
    let status = Command::new("mkfifo")
        .arg(fx.path("src/fifo.rs"))
        .status()
        .expect("mkfifo");
    assert!(status.success());
    std::fs::File::create(fx.path("src/big.rs"))
        .and_then(|f| f.set_len(1 << 30))
        .expect("sparse file");
    let out = fx.run_in("", &["--color", "never"], &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    for reason in [
        "module `fifo` points at `src/fifo.rs`: it is a FIFO, not a regular file; not read",
        "module `big` points at `src/big.rs`: the file is 1024.0 MiB, over the 64 MiB read limit; not read",
        "cannot read `/dev/zero`: it lies outside the workspace; not read",
        "cannot read `/dev/stdin`: it lies outside the workspace; not read",
    ] {
        assert!(
            out.stderr.contains(reason),
            "`{reason}` in:\n{}",
            out.stderr
        );
    }
    assert!(
        out.finding_lines()
            .contains(&"TLS101 src/lib.rs:3:49".to_string())
    );
    let named = fx.run_in(
        "",
        &[
            "--color",
            "never",
            "src/fifo.rs",
            "src/big.rs",
            "src/lib.rs",
        ],
        &[],
    );
    assert_eq!(named.code, 1, "{}", named.stderr);
    assert!(
        named
            .stderr
            .contains("cannot read `src/fifo.rs`: it is a FIFO"),
        "{}",
        named.stderr
    );
    let walked = fx.run_in("", &["--color", "never", "."], &[]);
    assert_eq!(walked.code, 1, "{}", walked.stderr);
}

/// A key body long enough that any leak of eight bytes of it is caught.
const BODY: &str = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7Zq9xXk3pLm2Tv";

fn body_pieces() -> Vec<String> {
    BODY.as_bytes()
        .windows(8)
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .collect()
}

#[test]
fn no_key_body_reaches_any_output() {
    let far = "// filler\n".repeat(2000);
    let lib = format!(
        "pub const K: &str = concat!(\"-----BEGIN PRIVATE KEY-----\\n\", // a \"quote\n    \";\", /* ; */ \"{}\\n\",\n{far}    \"{}\\n-----END PRIVATE KEY-----\");\n#[path = \"-----BEGIN PRIVATE KEY-----{BODY}\"]\nmod k;\n{FINDING}",
        &BODY[..30],
        &BODY[30..]
    );
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("h", ""))
        .file("src/lib.rs", &lib);
    let pieces = body_pieces();
    let forbidden: Vec<&str> = pieces.iter().map(String::as_str).collect();
    let runs = assert_no_output_contains(&fx, "", &[], &[], &forbidden);
    assert!(runs[0].stderr.contains("TLS704"), "{}", runs[0].stderr);
    // A policy error and cargo's own error, each quoting a line that holds a key.
    let policy = Fixture::new()
        .file(
            "Cargo.toml",
            &package_manifest(
                "h",
                &format!("[workspace.metadata.tlslint]\ninclude-tests = \"-----BEGIN PRIVATE KEY-----{BODY}\"\n"),
            ),
        )
        .file("src/lib.rs", FINDING);
    let runs = assert_no_output_contains(&policy, "", &[], &[], &forbidden);
    assert_eq!(runs[0].code, 2, "{}", runs[0].stderr);
    let broken = Fixture::new()
        .file(
            "Cargo.toml",
            &format!("[package]\nname = \"h\"\nversion = \"0.1.0\"\nkey = -----BEGIN PRIVATE KEY-----{BODY}\n"),
        )
        .file("src/lib.rs", FINDING);
    let runs = assert_no_output_contains(&broken, "", &[], &[], &forbidden);
    assert_eq!(runs[0].code, 2, "{}", runs[0].stderr);
    assert!(
        runs[0].stderr.contains("cargo metadata"),
        "{}",
        runs[0].stderr
    );
}

#[test]
fn nothing_in_the_tree_becomes_a_workflow_command() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("h", ""))
        .file(
            "src/lib.rs",
            &format!(
                "#[path = \"x\\n::add-mask::{CANARY}\\n::error::pwned\\r::warning::pwned\"]\nmod m;\npub fn c() {{ let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }} // ##[error]pwned \u{1b}[31m \u{202e}\u{0}\n"
            ),
        );
    fx.write("src/a\n::error::pwned.rs", FINDING.as_bytes());
    for args in [&[][..], &["src"][..]] {
        let mut all = vec!["--message-format", "github"];
        all.extend(args);
        let out = fx.run_in("", &all, &[]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        let (report, after) = support::github_sections(&out.stdout);
        assert!(report.iter().any(|l| l.contains("##[error]pwned")));
        for line in after.iter().filter(|l| !l.is_empty()) {
            assert!(
                line.starts_with("::error file=") || line.starts_with("::warning file="),
                "a line outside the quote is not one of our annotations: {line:?}"
            );
            assert!(
                !line.contains(['\u{1b}', '\0', '\u{202e}']),
                "raw control characters in an annotation: {line:?}"
            );
        }
        assert!(out.stderr.is_empty(), "{}", out.stderr);
    }
}

#[test]
fn a_failed_write_is_a_tool_error() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("h", ""))
        .file("src/lib.rs", FINDING);
    for format in ["sarif", "json", "github", "gitlab"] {
        let mut cmd = tlslint();
        cmd.current_dir(fx.root())
            .args(["tlslint", "--exit-zero", "--message-format", format])
            .stdout(Stdio::from(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .expect("/dev/full"),
            ))
            .stderr(Stdio::piped());
        let out = cmd.output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("error: cannot write the output"),
            "{format}"
        );
    }
}

#[test]
fn cargo_metadata_reads_no_shared_directory_configuration() {
    let fx = Fixture::new()
        .file("ws/Cargo.toml", &package_manifest("h", ""))
        .file("ws/src/lib.rs", FINDING)
        .file("tmp/toolchain/bin/.keep", "");
    let marker = fx.path("RAN");
    marker_script(&fx.path("tmp/toolchain/bin"), "cargo", &marker);
    marker_script(&fx.path("tmp/toolchain/bin"), "rustc", &marker);
    fx.write(
        "tmp/rust-toolchain.toml",
        format!(
            "[toolchain]\npath = {:?}\n",
            fx.path("tmp/toolchain").display().to_string()
        )
        .as_bytes(),
    );
    fx.write(
        "tmp/.cargo/config.toml",
        format!(
            "[build]\nrustc = {:?}\n",
            fx.path("tmp/toolchain/bin/rustc").display().to_string()
        )
        .as_bytes(),
    );
    let tmp = fx.path("tmp").display().to_string();
    let mut cmd = tlslint();
    cmd.current_dir(fx.path("ws"))
        .env("TMPDIR", &tmp)
        .env_remove("CARGO")
        .env_remove("RUSTUP_TOOLCHAIN")
        .args(["tlslint", "--color", "never"]);
    let out = run_bounded(cmd);
    assert!(
        !marker.exists(),
        "a toolchain or config from the temp directory applied"
    );
    assert_eq!(
        out.finding_lines(),
        ["TLS101 src/lib.rs:1:49"],
        "{}",
        out.stderr
    );
}

#[test]
fn lockfile_names_cannot_lead_out_of_the_cargo_home() {
    let lock = "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n\n[[package]]\nname = \"../../../x\"\nversion = \"1.0.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
    let fx = Fixture::new()
        .file("ws/Cargo.toml", &package_manifest("app", ""))
        .file("ws/Cargo.lock", lock)
        .file("ws/src/lib.rs", "pub fn ok() {}\n")
        .file("home/registry/src/index-1/.keep", "")
        .file(
            "home/x-1.0.0/Cargo.toml",
            "[package]\nname = \"x\"\nversion = \"1.0.0\"\n",
        )
        .file(
            "home/x-1.0.0/src/lib.rs",
            &format!("{} // {CANARY}\n", FINDING.trim_end()),
        );
    let home = fx.path("home").display().to_string();
    let runs = assert_no_output_contains(
        &fx,
        "ws",
        &["--dependencies", "-v"],
        &[("CARGO_HOME", home.as_str())],
        &[CANARY],
    );
    assert!(
        runs[0]
            .stderr
            .contains("`Cargo.lock` entries not audited: `../../../x` (not a package name)"),
        "{}",
        runs[0].stderr
    );
}

#[test]
fn names_that_are_not_utf8_stay_apart() {
    use std::os::unix::ffi::OsStrExt;
    let fx = Fixture::new();
    for byte in [0xff_u8, 0xfe] {
        let bytes = [b'a', byte, b'.', b'r', b's'];
        std::fs::write(fx.root().join(std::ffi::OsStr::from_bytes(&bytes)), FINDING)
            .expect("write");
    }
    let out = fx.run(&["--color", "never", "."]);
    assert_eq!(
        out.finding_lines(),
        ["TLS101 a\\xfe.rs:1:49", "TLS101 a\\xff.rs:1:49"],
        "{}",
        out.stderr
    );
}

#[test]
fn a_pinned_policy_replaces_the_tree_s_policy() {
    let quiet = "[package.metadata.tlslint]\nexclude = [\"src/**\"]\n\n[package.metadata.tlslint.lints]\ncert_verification_disabled = \"allow\"\n";
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("h", quiet))
        .file("src/lib.rs", FINDING);
    assert_eq!(
        fx.run(&[]).code,
        0,
        "the tree's own policy quiets the finding"
    );
    let policy = tempfile::tempdir().expect("temp dir");
    let file = policy.path().join("tlslint.toml");
    std::fs::write(&file, "min-tls-version = \"1.2\"\n").expect("write");
    let file = file.display().to_string();
    for args in [
        &["--config", &file][..],
        &["--config", &file, "src/lib.rs"][..],
    ] {
        let out = fx.run(&[&["--color", "never"][..], args].concat());
        assert_eq!(
            out.finding_lines(),
            ["TLS101 src/lib.rs:1:49"],
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(out.code, 1);
    }
    let (_outside, secret) = outside_secret();
    std::os::unix::fs::symlink(&secret, fx.path("policy.toml")).expect("symlink");
    let out = fx.run(&["--config", "policy.toml"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("it lies outside the workspace; not read"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains(CANARY));
    let cargo_override = fx.run(&["--config", &file, "--config", "build.jobs=2"]);
    assert_eq!(cargo_override.code, 1, "{}", cargo_override.stderr);
}

#[test]
fn suppressions_and_excludes_a_change_adds_are_listed() {
    let fx = committed_package();
    std::fs::write(fx.path("tlslint.toml"), "exclude = [\"src/gen.rs\"]\n").expect("write");
    std::fs::write(
        fx.path("src/lib.rs"),
        format!("pub fn ok() -> u8 {{\n    1\n}}\n// tlslint: allow(cert_verification_disabled, reason = \"trust me\")\n{FINDING}"),
    )
    .expect("write");
    let out = fx.run(&["--color", "never", "--diff", "HEAD"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("warning: the changes since `HEAD` add 1 suppression and 1 exclude:\n  src/lib.rs:4: a `TLS101` finding is suppressed\n  tlslint.toml: `exclude` adds `src/gen.rs`\n"),
        "{}",
        out.stderr
    );
    let sarif = fx.run(&["--diff", "HEAD", "--message-format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("sarif");
    let run = &log["runs"][0];
    assert_eq!(
        run["results"][0]["suppressions"][0]["status"],
        "underReview"
    );
    assert_eq!(
        run["invocations"][0]["toolConfigurationNotifications"][0]["message"]["text"],
        "the changes since `HEAD` add `exclude` `src/gen.rs` in `tlslint.toml`"
    );
}
