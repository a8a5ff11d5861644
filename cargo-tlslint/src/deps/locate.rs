//! Where a locked package's source is: `$CARGO_HOME/registry/src/<index>/<name>-<version>/`,
//! a `cargo vendor` directory (`<name>-<version>/`, or `<name>/` holding that version), a git
//! checkout under `$CARGO_HOME/git/checkouts/*/<short rev>/`, or a path dependency's directory.
//! Only the directories of locked packages are looked at; nothing is fetched.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tlslint_lints::LockedPackage;

use crate::plan::confine::Tree;

/// Where the sources of the locked packages are looked for.
#[derive(Debug, Default)]
pub struct Locator {
    /// `$CARGO_HOME`.
    pub cargo_home: PathBuf,
    registry_dirs: Vec<PathBuf>,
    vendor: Option<PathBuf>,
    /// Path dependencies by package name (from the manifests' `path = "…"` entries).
    pub path_deps: HashMap<String, PathBuf>,
}

/// Where one package's source is.
#[derive(Debug)]
pub enum Location {
    /// Its directory.
    Found(PathBuf),
    /// Not on disk: `cargo fetch` (or `cargo vendor`) would bring it.
    NotDownloaded,
    /// Not looked for: its name is not a package name, so joining it to a directory could lead
    /// anywhere (`../../etc`). Says which entry.
    Refused(String),
}

/// Whether `name` is a package name cargo accepts: ASCII letters, digits, `-` and `_`, so it
/// names one directory entry and nothing else.
pub fn is_package_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Locator {
    /// A locator over `cargo_home` (its registry index directories are listed once) and the
    /// vendor directory, if any.
    pub fn new(cargo_home: PathBuf, vendor: Option<PathBuf>) -> Locator {
        let mut registry_dirs: Vec<PathBuf> =
            std::fs::read_dir(cargo_home.join("registry").join("src"))
                .map(|rd| {
                    rd.flatten()
                        .map(|e| e.path())
                        .filter(|p| p.is_dir())
                        .collect()
                })
                .unwrap_or_default();
        registry_dirs.sort();
        Locator {
            cargo_home,
            registry_dirs,
            vendor,
            path_deps: HashMap::new(),
        }
    }

    /// `$CARGO_HOME`, else `~/.cargo`.
    pub fn default_cargo_home() -> PathBuf {
        if let Some(home) = std::env::var_os("CARGO_HOME").filter(|h| !h.is_empty()) {
            return PathBuf::from(home);
        }
        std::env::home_dir().unwrap_or_default().join(".cargo")
    }

    /// Finds `pkg`'s source directory.
    pub fn locate(&self, pkg: &LockedPackage) -> Location {
        if !is_package_name(&pkg.name) {
            return Location::Refused(format!(
                "`{}` (not a package name)",
                crate::plan::shown(&pkg.name)
            ));
        }
        let versioned = format!("{}-{}", pkg.name, pkg.version);
        let Some(source) = pkg.source.as_deref() else {
            return self
                .path_deps
                .get(&pkg.name)
                .filter(|d| d.join("Cargo.toml").is_file())
                .map_or(Location::NotDownloaded, |d| Location::Found(d.clone()));
        };
        if let Some(vendor) = &self.vendor {
            let exact = vendor.join(&versioned);
            if exact.join("Cargo.toml").is_file() {
                return Location::Found(exact);
            }
            let plain = vendor.join(&pkg.name);
            if manifest_version(&plain).as_deref() == Some(pkg.version.to_string().as_str()) {
                return Location::Found(plain);
            }
            return Location::NotDownloaded;
        }
        if source.starts_with("registry+") || source.starts_with("sparse+") {
            return self
                .registry_dirs
                .iter()
                .map(|d| d.join(&versioned))
                .find(|d| d.join("Cargo.toml").is_file())
                .map_or(Location::NotDownloaded, Location::Found);
        }
        if source.starts_with("git+") {
            return self
                .git_checkout(pkg, source)
                .map_or(Location::NotDownloaded, Location::Found);
        }
        Location::NotDownloaded
    }

    /// `$CARGO_HOME/git/checkouts/<repo>-<hash>/<rev[..7]>/…` holding a `Cargo.toml` for the
    /// package (at the checkout's root or up to three directories below it).
    fn git_checkout(&self, pkg: &LockedPackage, source: &str) -> Option<PathBuf> {
        let rev = source.rsplit_once('#')?.1;
        let short = rev.get(..7)?;
        let checkouts = std::fs::read_dir(self.cargo_home.join("git").join("checkouts")).ok()?;
        let mut roots: Vec<PathBuf> = checkouts
            .flatten()
            .map(|e| e.path().join(short))
            .filter(|p| p.is_dir())
            .collect();
        roots.sort();
        roots.into_iter().find_map(|root| {
            ignore::WalkBuilder::new(&root)
                .max_depth(Some(4))
                .follow_links(false)
                .standard_filters(false)
                .build()
                .flatten()
                .filter(|e| e.file_name() == "Cargo.toml")
                .find_map(|e| {
                    let dir = e.path().parent()?.to_path_buf();
                    (manifest_name(&dir).as_deref() == Some(pkg.name.as_str())).then_some(dir)
                })
        })
    }
}

/// The `Cargo.toml` of `dir` as a table, read only from inside `dir` (a manifest that is a
/// symlink out of it, or a FIFO, is not read).
fn manifest_table(dir: &Path) -> Option<toml::Table> {
    let text = Tree::new([dir.to_path_buf()])
        .read_to_string(&dir.join("Cargo.toml"))
        .ok()?;
    toml::from_str(&text).ok()
}

fn manifest_version(dir: &Path) -> Option<String> {
    manifest_table(dir)?
        .get("package")?
        .get("version")?
        .as_str()
        .map(str::to_string)
}

fn manifest_name(dir: &Path) -> Option<String> {
    manifest_table(dir)?
        .get("package")?
        .get("name")?
        .as_str()
        .map(str::to_string)
}
