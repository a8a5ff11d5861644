//! `cargo tlslint server` against real clients: pytest-lsp (pygls's LSP client, from PyPI) with
//! the recorded capabilities of VS Code and Neovim 0.7 (`tests/lsp/`), and Neovim itself
//! (Debian's package, 0.7) running headless with the set-up `docs/editors.md` documents
//! (`tests/editors/neovim_quick_fix.lua`). They need `python3 -m pytest` with `pytest-lsp`
//! and `nvim` on PATH, so they are `#[ignore]`d in a plain `cargo test`; the README's test
//! command (`-- --include-ignored`) and `.ci/run`, which installs both, include them.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{Fixture, package_manifest};

const BIN: &str = env!("CARGO_BIN_EXE_cargo-tlslint");

/// Runs `cmd` to its end or for at most `limit`; panics with its output when it fails.
fn run(mut cmd: Command, limit: Duration) -> String {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the client");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}) after {:?}:\n{stdout}\n{stderr}",
        out.status,
        started.elapsed()
    );
    stdout
}

#[test]
#[ignore = "needs `pytest-lsp` (pip) for python3; run with --include-ignored"]
fn an_lsp_client_library_drives_the_server() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = Command::new("python3");
    cmd.args(["-m", "pytest", "-q", "-s", "-p", "no:cacheprovider"])
        .arg(root.join("tests/lsp"))
        .current_dir(root.join("tests/lsp"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("TLSLINT_BIN", BIN);
    print!("{}", run(cmd, Duration::from_secs(120)));
}

#[test]
#[ignore = "needs `nvim` (Debian's neovim package); run with --include-ignored"]
fn neovim_shows_the_finding_and_applies_its_quick_fix() {
    let fx = Fixture::new()
        .file("Cargo.toml", &package_manifest("app", ""))
        .file(
            "src/lib.rs",
            "use reqwest::tls::Version;\n\npub fn client() -> reqwest::Result<reqwest::Client> {\n    reqwest::Client::builder().min_tls_version(Version::TLS_1_0).build()\n}\n",
        );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/editors/neovim_quick_fix.lua");
    let mut cmd = Command::new("nvim");
    cmd.args(["--headless", "--clean", "-u", "NONE", "-c"])
        .arg(format!("luafile {}", script.display()))
        .current_dir(fx.root())
        .env("TLSLINT_BIN", BIN)
        .env("TLSLINT_WS", fx.root());
    run(cmd, Duration::from_secs(60));
}
