//! `--install-hook`: writes a git `pre-commit` hook that runs `cargo-tlslint --staged`, refusing
//! to replace a hook that is already there.

use std::path::{Path, PathBuf};

use crate::integrations::git;

/// The hook script.
pub const SCRIPT: &str = "#!/bin/sh\n# Installed by `cargo tlslint --install-hook`: lint the staged Rust files.\nexec cargo-tlslint --staged\n";

/// Where git looks for the pre-commit hook of the repository around `dir` (honours
/// `core.hooksPath` and worktrees).
fn hook_path(dir: &Path) -> Result<PathBuf, String> {
    let repo = git::Repo::around(dir).map_err(|e| e.to_string())?;
    repo.git_path("hooks/pre-commit").map_err(|e| e.to_string())
}

/// Installs the hook for the repository around `dir`; returns its path.
pub fn install(dir: &Path) -> Result<PathBuf, String> {
    let path = hook_path(dir)?;
    if path.symlink_metadata().is_ok() {
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
