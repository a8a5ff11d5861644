//! `--install-hook`: writes a git `pre-commit` hook that runs `cargo-tlslint --staged`, refusing
//! to replace a hook that is already there.

use std::path::{Path, PathBuf};

use crate::integrations::git;

/// The hook script.
pub const SCRIPT: &str = "#!/bin/sh\n# Installed by `cargo tlslint --install-hook`: lint the staged Rust files.\nexec cargo-tlslint --staged\n";

/// Where git looks for the pre-commit hook of the repository around `dir` (honours
/// `core.hooksPath` and worktrees).
fn hook_path(dir: &Path) -> Result<PathBuf, HookError> {
    let repo = git::Repo::around(dir)?;
    Ok(repo.git_path("hooks/pre-commit")?)
}

/// Installs the hook for the repository around `dir`; returns its path.
pub fn install(dir: &Path) -> Result<PathBuf, HookError> {
    let path = hook_path(dir)?;
    if path.symlink_metadata().is_ok() {
        return Err(HookError::Exists(path));
    }
    let io = |what: &'static str, path: &Path| {
        let path = path.to_path_buf();
        move |source| HookError::Io { what, path, source }
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io("create", parent))?;
    }
    std::fs::write(&path, SCRIPT).map_err(io("write", &path))?;
    make_executable(&path).map_err(io("make executable", &path))?;
    Ok(path)
}

/// Why the hook could not be installed.
#[derive(Debug, thiserror::Error)]
pub enum HookError {
    /// No repository, or git failed.
    #[error(transparent)]
    Git(#[from] git::GitError),
    /// A hook is there already.
    #[error(
        "`{}` already exists; not replacing it. Add `cargo-tlslint --staged` to it by hand, or remove it and run `cargo tlslint --install-hook` again",
        .0.display()
    )]
    Exists(PathBuf),
    /// Creating, writing or making the hook executable failed.
    #[error("cannot {what} `{}`: {source}", path.display())]
    Io {
        /// What was being done.
        what: &'static str,
        /// To which path.
        path: PathBuf,
        /// Why it failed.
        source: std::io::Error,
    },
}

#[cfg(unix)]
fn make_executable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn make_executable(_: &Path) -> std::io::Result<()> {
    Ok(())
}
