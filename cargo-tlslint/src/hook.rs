//! `--install-hook`: writes a git `pre-commit` hook that runs `cargo-tlslint --staged`, refusing
//! to replace a hook that is already there.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The hook script.
pub const SCRIPT: &str = "#!/bin/sh\n# Installed by `cargo tlslint --install-hook`: lint the staged Rust files.\nexec cargo-tlslint --staged\n";

/// Where git looks for the pre-commit hook of the repository around `dir` (honours
/// `core.hooksPath` and worktrees).
fn hook_path(dir: &Path) -> Result<PathBuf, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "rev-parse",
            "--path-format=absolute",
            "--git-path",
            "hooks/pre-commit",
        ])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "not inside a git repository: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(PathBuf::from(
        String::from_utf8_lossy(&out.stdout).trim_end_matches(['\n', '\r']),
    ))
}

/// Installs the hook for the repository around `dir`; returns its path.
pub fn install(dir: &Path) -> Result<PathBuf, String> {
    let path = hook_path(dir)?;
    if path.exists() || path.symlink_metadata().is_ok() {
        return Err(format!(
            "`{}` already exists; not replacing it. Add `cargo-tlslint --staged` to it by hand, or remove it and run `cargo tlslint --install-hook` again",
            path.display()
        ));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
    }
    std::fs::write(&path, SCRIPT).map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    make_executable(&path)?;
    Ok(path)
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("cannot make `{}` executable: {e}", path.display()))
}

#[cfg(not(unix))]
fn make_executable(_: &Path) -> Result<(), String> {
    Ok(())
}
