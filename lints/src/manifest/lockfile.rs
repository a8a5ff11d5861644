//! A `Cargo.lock`'s packages, as the lockfile rules ask about them.

use std::ops::Range;

use semver::Version;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One `[[package]]` of the lockfile.
pub(crate) struct Locked<'a> {
    /// The package name.
    pub name: &'a str,
    /// Its version.
    pub version: Version,
    /// `source`: `registry+…`, `sparse+…`, `git+…`; `None` for path packages.
    pub source: Option<&'a str>,
    /// Where its version is written.
    pub version_range: Range<usize>,
    /// The names of the packages it depends on.
    pub dependencies: Vec<&'a str>,
    /// `checksum`: the registry's SHA-256 of the package, when it comes from a registry.
    pub checksum: Option<&'a str>,
}

/// The `[[package]]` entries with a name and a valid version, in file order.
pub(crate) fn packages<'a>(root: &'a DeTable<'_>) -> Vec<Locked<'a>> {
    let Some(DeValue::Array(items)) = root.get("package").map(Spanned::get_ref) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let DeValue::Table(t) = item.get_ref() else {
                return None;
            };
            let name = t.get("name")?.get_ref().as_str()?;
            let version_value = t.get("version")?;
            let version = Version::parse(version_value.get_ref().as_str()?).ok()?;
            let dependencies = match t.get("dependencies").map(Spanned::get_ref) {
                Some(DeValue::Array(deps)) => deps
                    .iter()
                    .filter_map(|d| d.get_ref().as_str()?.split_whitespace().next())
                    .collect(),
                _ => Vec::new(),
            };
            Some(Locked {
                name,
                version,
                source: t.get("source").and_then(|s| s.get_ref().as_str()),
                version_range: version_value.span(),
                dependencies,
                checksum: t.get("checksum").and_then(|s| s.get_ref().as_str()),
            })
        })
        .collect()
}
