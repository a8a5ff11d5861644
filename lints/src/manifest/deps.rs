//! The dependency declarations of a `Cargo.toml`, with the byte ranges of their keys and feature
//! strings: every dependency table (`[dependencies]`, `[dev-dependencies]`,
//! `[build-dependencies]`, their `[target.'cfg(…)'.…]` forms and `[workspace.dependencies]`),
//! inline and `[dependencies.name]` table forms, renames (`package = "…"`), `workspace = true`
//! inheritance, and the `dep/feature` references of the `[features]` table.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Which table a dependency is declared in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DepKind {
    /// `[dependencies]` or `[target.*.dependencies]`.
    Normal,
    /// `[dev-dependencies]` or `[target.*.dev-dependencies]`: test code.
    Dev,
    /// `[build-dependencies]` or `[target.*.build-dependencies]`.
    Build,
    /// `[workspace.dependencies]`.
    Workspace,
}

/// A feature name written in the manifest, with the range of its string.
#[derive(Clone, Debug)]
pub(crate) struct Feature {
    /// The feature name.
    pub name: String,
    /// The range of the string literal.
    pub range: Range<usize>,
}

/// One dependency declaration.
#[derive(Clone, Debug)]
pub(crate) struct Dep {
    /// The key it is declared under (the name the code uses).
    pub key: String,
    /// The range of that key.
    pub key_range: Range<usize>,
    /// The package it names (`package = "…"`, else the key).
    pub package: String,
    /// Whether `package = "…"` was written here.
    pub renamed: bool,
    /// Its table.
    pub kind: DepKind,
    /// The features listed in this declaration.
    pub features: Vec<Feature>,
    /// `default-features`, when written.
    pub default_features: Option<bool>,
    /// `workspace = true`: the rest comes from `[workspace.dependencies]`.
    pub inherits: bool,
}

/// A `dep/feature` (or `dep?/feature`) string in the manifest's `[features]` table.
#[derive(Clone, Debug)]
pub(crate) struct FeatureRef {
    /// The dependency key.
    pub dep: String,
    /// The feature of that dependency.
    pub feature: Feature,
    /// The range of the `default` key when the feature that lists this string is enabled by
    /// default (directly or through other features); `None` when it is opt-in.
    pub by_default: Option<Range<usize>>,
}

/// What a manifest declares about its dependencies.
#[derive(Clone, Debug, Default)]
pub(crate) struct Declarations {
    /// Every dependency declaration, in file order.
    pub deps: Vec<Dep>,
    /// The `dep/feature` strings of `[features]`.
    pub feature_refs: Vec<FeatureRef>,
}

const TABLES: &[(&str, DepKind)] = &[
    ("dependencies", DepKind::Normal),
    ("dev-dependencies", DepKind::Dev),
    ("dev_dependencies", DepKind::Dev),
    ("build-dependencies", DepKind::Build),
    ("build_dependencies", DepKind::Build),
];

impl Declarations {
    /// Reads the declarations of a parsed manifest.
    pub fn read(root: &DeTable<'_>) -> Declarations {
        let mut out = Declarations::default();
        read_tables(root, &mut out.deps);
        if let Some(DeValue::Table(targets)) = root.get("target").map(Spanned::get_ref) {
            for (_, platform) in targets.iter() {
                if let DeValue::Table(platform) = platform.get_ref() {
                    read_tables(platform, &mut out.deps);
                }
            }
        }
        if let Some(DeValue::Table(ws)) = root.get("workspace").map(Spanned::get_ref)
            && let Some(DeValue::Table(deps)) = ws.get("dependencies").map(Spanned::get_ref)
        {
            read_deps(deps, DepKind::Workspace, &mut out.deps);
        }
        if let Some(DeValue::Table(features)) = root.get("features").map(Spanned::get_ref) {
            read_features(features, &mut out.feature_refs);
        }
        out.deps.sort_by_key(|d| d.key_range.start);
        out.feature_refs.sort_by_key(|r| r.feature.range.start);
        out
    }

    /// The `[workspace.dependencies]` entries by key.
    pub fn workspace_entries(&self) -> HashMap<&str, &Dep> {
        self.deps
            .iter()
            .filter(|d| d.kind == DepKind::Workspace)
            .map(|d| (d.key.as_str(), d))
            .collect()
    }
}

/// The `dep/feature` strings of the `[features]` table, each marked with whether its feature is
/// reachable from `default`.
fn read_features(features: &DeTable<'_>, out: &mut Vec<FeatureRef>) {
    let lists: HashMap<&str, Vec<Feature>> = features
        .iter()
        .map(|(k, v)| (k.get_ref().as_ref(), strings(v)))
        .collect();
    let default_key = features
        .iter()
        .find(|(k, _)| k.get_ref() == "default")
        .map(|(k, _)| k.span());
    let mut on: HashSet<&str> = HashSet::new();
    let mut stack = vec!["default"];
    while let Some(name) = stack.pop() {
        if on.insert(name) {
            stack.extend(
                lists
                    .get(name)
                    .into_iter()
                    .flatten()
                    .map(|f| f.name.as_str())
                    .filter(|n| !n.contains('/') && !n.starts_with("dep:")),
            );
        }
    }
    for (owner, list) in &lists {
        for feature in list {
            let Some((dep, name)) = feature.name.split_once('/') else {
                continue;
            };
            let dep = dep.trim_end_matches('?');
            if dep.starts_with("dep:") {
                continue;
            }
            out.push(FeatureRef {
                dep: dep.to_string(),
                feature: Feature {
                    name: name.to_string(),
                    range: feature.range.clone(),
                },
                by_default: on.contains(owner).then(|| default_key.clone()).flatten(),
            });
        }
    }
}

fn read_tables(table: &DeTable<'_>, out: &mut Vec<Dep>) {
    for (name, kind) in TABLES {
        if let Some(DeValue::Table(deps)) = table.get(*name).map(Spanned::get_ref) {
            read_deps(deps, *kind, out);
        }
    }
}

fn read_deps(deps: &DeTable<'_>, kind: DepKind, out: &mut Vec<Dep>) {
    for (key, value) in deps.iter() {
        let mut dep = Dep {
            key: key.get_ref().to_string(),
            key_range: key.span(),
            package: key.get_ref().to_string(),
            renamed: false,
            kind,
            features: Vec::new(),
            default_features: None,
            inherits: false,
        };
        if let DeValue::Table(t) = value.get_ref() {
            if let Some(package) = t.get("package").and_then(|p| p.get_ref().as_str()) {
                dep.package = package.to_string();
                dep.renamed = true;
            }
            if let Some(features) = t.get("features") {
                dep.features = strings(features);
            }
            dep.default_features = t
                .get("default-features")
                .or_else(|| t.get("default_features"))
                .and_then(|v| v.get_ref().as_bool());
            dep.inherits = t.get("workspace").and_then(|v| v.get_ref().as_bool()) == Some(true);
        }
        out.push(dep);
    }
}

/// The string elements of an array value.
fn strings(value: &Spanned<DeValue<'_>>) -> Vec<Feature> {
    let DeValue::Array(items) = value.get_ref() else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|i| {
            Some(Feature {
                name: i.get_ref().as_str()?.to_string(),
                range: i.span(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Declarations {
        let doc = DeTable::parse(text).expect("valid TOML");
        Declarations::read(doc.get_ref())
    }

    #[test]
    fn reads_every_table_form() {
        let d = read(
            r#"
[dependencies]
a = "1"
tls = { version = "0.21", package = "rustls", features = ["x"] }
[dependencies.b]
version = "1"
default-features = false
[target.'cfg(unix)'.dev-dependencies]
c = { workspace = true, features = ["y"] }
[build-dependencies]
d = "1"
[workspace.dependencies]
e = { version = "1", features = ["z"] }
[features]
default = ["f"]
f = ["tls/x", "b?/w", "dep:a", "other"]
other = ["d/v"]
opt = ["a/u"]
"#,
        );
        let summary: Vec<(&str, &str, DepKind, usize)> = d
            .deps
            .iter()
            .map(|d| (d.key.as_str(), d.package.as_str(), d.kind, d.features.len()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("a", "a", DepKind::Normal, 0),
                ("tls", "rustls", DepKind::Normal, 1),
                ("b", "b", DepKind::Normal, 0),
                ("c", "c", DepKind::Dev, 1),
                ("d", "d", DepKind::Build, 0),
                ("e", "e", DepKind::Workspace, 1),
            ]
        );
        assert_eq!(d.deps[2].default_features, Some(false));
        assert!(d.deps[3].inherits);
        let refs: Vec<(&str, &str, bool)> = d
            .feature_refs
            .iter()
            .map(|r| {
                (
                    r.dep.as_str(),
                    r.feature.name.as_str(),
                    r.by_default.is_some(),
                )
            })
            .collect();
        assert_eq!(
            refs,
            vec![
                ("tls", "x", true),
                ("b", "w", true),
                ("d", "v", true),
                ("a", "u", false)
            ]
        );
    }
}
