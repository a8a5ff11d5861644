//! Paths as CI systems want them: relative to the checkout (`GITHUB_WORKSPACE`,
//! `CI_PROJECT_DIR`) when that variable is set and the file lies under it, else the display path
//! (relative to the workspace root).

use std::path::{Path, PathBuf};

/// `display` (relative to `root`) made relative to the directory in the environment variable
/// `var`, with `/` separators.
pub fn relative_to_env(root: &Path, display: &str, var: &str) -> String {
    match std::env::var_os(var).filter(|v| !v.is_empty()) {
        Some(base) => relative_to(root, display, Path::new(&base)),
        None => display.to_string(),
    }
}

/// `display` (relative to `root`) made relative to `base`, or `display` if it lies outside.
pub fn relative_to(root: &Path, display: &str, base: &Path) -> String {
    let abs = root.join(display);
    let candidates = [
        (abs.clone(), base.to_path_buf()),
        (canonical(&abs), canonical(base)),
    ];
    for (abs, base) in candidates {
        if let Ok(rel) = abs.strip_prefix(&base) {
            return crate::plan::display_path(Path::new(""), rel);
        }
    }
    display.to_string()
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relativises_under_base_and_keeps_others() {
        let root = Path::new("/ws/repo/sub");
        assert_eq!(
            relative_to(root, "src/main.rs", Path::new("/ws/repo")),
            "sub/src/main.rs"
        );
        assert_eq!(
            relative_to(root, "src/main.rs", Path::new("/elsewhere")),
            "src/main.rs"
        );
    }
}
