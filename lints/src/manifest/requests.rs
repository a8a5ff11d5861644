//! What a manifest asks of its dependencies, for the dependency audit's feature resolution:
//! each non-dev dependency with the package it names, its features, `default-features`,
//! `optional` and `path` (`workspace = true` entries completed from the workspace root), and the
//! `[features]` table.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::deps::{Declarations, DepKind};

/// One dependency declaration, as feature resolution needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DependencyRequest {
    /// The key it is declared under (what `dep/feature` strings name).
    pub key: String,
    /// The package it names.
    pub package: String,
    /// The features it enables.
    pub features: Vec<String>,
    /// Whether it leaves the default features on.
    pub default_features: bool,
    /// `optional = true`.
    pub optional: bool,
    /// `path = "…"`: relative to the manifest's directory, or to the workspace root's when
    /// `path_from_workspace` is set.
    pub path: Option<String>,
    /// Whether `path` comes from `[workspace.dependencies]`.
    pub path_from_workspace: bool,
}

/// What one manifest asks of its dependencies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManifestRequests {
    /// `[package] name`.
    pub name: Option<String>,
    /// `[lib] path`, when written.
    pub lib_path: Option<String>,
    /// The `[dependencies]` and `[build-dependencies]` entries (also per target); dev
    /// dependencies are not built for dependents and are left out.
    pub deps: Vec<DependencyRequest>,
    /// The `[features]` table: each feature and what it enables, in file order.
    pub features: Vec<(String, Vec<String>)>,
}

/// Reads what the manifest `text` asks of its dependencies; `workspace` is the workspace root
/// manifest's text, for `workspace = true` entries. `None` when `text` is not valid TOML.
pub fn manifest_requests(text: &str, workspace: Option<&str>) -> Option<ManifestRequests> {
    let doc = DeTable::parse(text).ok()?;
    let root = doc.get_ref();
    let decl = Declarations::read(root);
    let ws_doc = workspace.and_then(|w| DeTable::parse(w).ok());
    let ws_decl = ws_doc.as_ref().map(|d| Declarations::read(d.get_ref()));
    let ws_entries = ws_decl.as_ref().unwrap_or(&decl).workspace_entries();
    let deps = decl
        .deps
        .iter()
        .filter(|d| matches!(d.kind, DepKind::Normal | DepKind::Build))
        .map(|d| {
            let base = d.inherits.then(|| ws_entries.get(d.key.as_str())).flatten();
            let mut features: Vec<String> = base
                .into_iter()
                .flat_map(|b| &b.features)
                .chain(&d.features)
                .map(|f| f.name.clone())
                .collect();
            features.dedup();
            DependencyRequest {
                key: d.key.clone(),
                package: base.map_or(&d.package, |b| &b.package).clone(),
                features,
                default_features: base
                    .and_then(|b| b.default_features)
                    .or(d.default_features)
                    .unwrap_or(true),
                optional: d.optional,
                path: base.map_or(&d.path, |b| &b.path).clone(),
                path_from_workspace: base.is_some_and(|b| b.path.is_some()),
            }
        })
        .collect();
    let string_at = |table: &str, key: &str| match root.get(table).map(Spanned::get_ref) {
        Some(DeValue::Table(t)) => t
            .get(key)
            .and_then(|v| v.get_ref().as_str())
            .map(str::to_string),
        _ => None,
    };
    let features = match root.get("features").map(Spanned::get_ref) {
        Some(DeValue::Table(t)) => t
            .iter()
            .map(|(k, v)| {
                let list = match v.get_ref() {
                    DeValue::Array(items) => items
                        .iter()
                        .filter_map(|i| i.get_ref().as_str().map(str::to_string))
                        .collect(),
                    _ => Vec::new(),
                };
                (k.get_ref().to_string(), list)
            })
            .collect(),
        _ => Vec::new(),
    };
    Some(ManifestRequests {
        name: string_at("package", "name"),
        lib_path: string_at("lib", "path"),
        deps,
        features,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_requests_and_inherits_from_the_workspace() {
        let ws = "[workspace.dependencies]\nreq = { version = \"0.12\", default-features = false, features = [\"rustls-tls\"] }\n";
        let text = r#"
[package]
name = "app"
[lib]
path = "lib.rs"
[dependencies]
req = { workspace = true, features = ["json"] }
tls = { package = "native-tls", version = "0.2", optional = true }
local = { path = "../local" }
[dev-dependencies]
devonly = "1"
[features]
default = ["tls/vendored"]
"#;
        let r = manifest_requests(text, Some(ws)).expect("valid");
        assert_eq!(r.name.as_deref(), Some("app"));
        assert_eq!(r.lib_path.as_deref(), Some("lib.rs"));
        let deps: Vec<(&str, &str, bool, bool)> = r
            .deps
            .iter()
            .map(|d| {
                (
                    d.key.as_str(),
                    d.package.as_str(),
                    d.default_features,
                    d.optional,
                )
            })
            .collect();
        assert_eq!(
            deps,
            vec![
                ("req", "req", false, false),
                ("tls", "native-tls", true, true),
                ("local", "local", true, false)
            ]
        );
        assert_eq!(r.deps[0].features, vec!["rustls-tls", "json"]);
        assert_eq!(r.deps[2].path.as_deref(), Some("../local"));
        assert_eq!(
            r.features,
            vec![("default".to_string(), vec!["tls/vendored".to_string()])]
        );
    }
}
