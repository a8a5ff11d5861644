//! The tests that drive external tools the way users and GitHub do: `pre-commit try-repo` on this
//! repository's hook, and Microsoft's SARIF validator on the SARIF golden. They need
//! `pre-commit` (`pip install pre-commit`) and `npm` on PATH, so they are `#[ignore]`d in a plain
//! `cargo test`; the README's test command (`-- --include-ignored`) and `.ci/run` include them.

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
