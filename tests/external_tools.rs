//! The tests that drive external tools the way users and GitHub do: `pre-commit try-repo` on this
//! repository's hooks, Microsoft's SARIF validator on the SARIF golden, and ShellCheck on the
//! shell scripts (the Action's above all). They need `pre-commit` (`pip install pre-commit`),
//! `npm` and `shellcheck` (`apt-get install shellcheck`) on PATH, so they are `#[ignore]`d in a
//! plain `cargo test`; the README's test command (`-- --include-ignored`) and `.ci/run` include
//! them.

use std::path::Path;
use std::process::Command;

fn run_script(script: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("bash")
        .arg(root.join(script))
        .current_dir(root)
        .env("TLSLINT_TEST_BIN", env!("CARGO_BIN_EXE_cargo-tlslint"))
        .output()
        .expect("run bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{script} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    print!("{stdout}");
}

#[test]
#[ignore = "needs `pre-commit` on PATH and builds the hook (minutes); run with --include-ignored"]
fn pre_commit_try_repo_blocks_findings_and_passes_clean_files() {
    run_script("scripts/test-pre-commit.sh");
}

#[test]
#[ignore = "needs `npm` to install @microsoft/sarif-multitool; run with --include-ignored"]
fn sarif_golden_passes_the_official_validator() {
    run_script("scripts/validate-sarif.sh");
}

#[test]
#[ignore = "needs `shellcheck` (Debian package) on PATH; run with --include-ignored"]
fn shell_scripts_pass_shellcheck() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scripts = vec![root.join(".ci/run")];
    for dir in ["action", "scripts", "bench"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "sh") {
                scripts.push(path);
            }
        }
    }
    // Warnings and errors; `-x` follows the action scripts' `. common.sh`.
    let out = Command::new("shellcheck")
        .args(["-x", "-S", "warning"])
        .args(&scripts)
        .current_dir(root)
        .output()
        .expect("run shellcheck (apt-get install shellcheck)");
    assert!(
        out.status.success(),
        "shellcheck:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
