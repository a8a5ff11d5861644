//! The features a manifest itself declares for its dependencies, as the feature rules ask about
//! them: a feature that weakens TLS ([`signals`], with the rule's table of [`Signal`]s), and a
//! package built without a TLS backend ([`missing_backends`], with the rule's [`Backend`]s).

use std::collections::HashMap;

use super::Manifest;
use crate::diagnostic::{Diagnostic, Label};
use crate::manifest::deps::{Declarations, Dep, DepKind, Feature};
use crate::rule::Rule;

/// A feature of a package that weakens TLS (catalog section H).
pub(crate) struct Signal {
    /// The package.
    pub package: &'static str,
    /// The feature.
    pub feature: &'static str,
    /// The rule it is reported under.
    pub rule: &'static Rule,
    /// The primary label.
    pub label: &'static str,
    /// Why it matters.
    pub note: &'static str,
    /// The fix.
    pub help: &'static str,
}

/// The workspace a member manifest inherits from: its display path and declarations.
pub(crate) struct Inherited<'a> {
    /// The display path of the workspace manifest, or `None` when it is the linted file itself.
    pub path: Option<&'a str>,
    /// Its `[workspace.dependencies]` entries by key.
    pub entries: HashMap<&'a str, &'a Dep>,
}

impl Inherited<'_> {
    fn entry(&self, dep: &Dep) -> Option<&Dep> {
        dep.inherits
            .then(|| self.entries.get(dep.key.as_str()).copied())
            .flatten()
    }

    /// The package a declaration names, following `workspace = true`.
    fn package<'d>(&'d self, dep: &'d Dep) -> &'d str {
        self.entry(dep)
            .map_or(dep.package.as_str(), |e| e.package.as_str())
    }
}

/// Reports each feature of `table` that the manifest enables, directly on a dependency or by
/// default from its `[features]`.
pub(crate) fn signals(m: &Manifest<'_>, table: &[Signal], out: &mut Vec<Diagnostic>) {
    let (decl, ws) = (m.decl, m.ws);
    for dep in &decl.deps {
        let package = ws.package(dep);
        for feature in &dep.features {
            if let Some(d) = signal(table, package, feature, dep, dep.kind == DepKind::Dev) {
                out.push(d);
            }
        }
    }
    for r in &decl.feature_refs {
        let Some(default_key) = &r.by_default else {
            continue;
        };
        let declared = || {
            decl.deps
                .iter()
                .filter(|d| d.key == r.dep && d.kind != DepKind::Workspace)
        };
        let Some(dep) = declared().next() else {
            continue;
        };
        let only_dev = declared().all(|d| d.kind == DepKind::Dev);
        if let Some(d) = signal(table, ws.package(dep), &r.feature, dep, only_dev) {
            out.push(d.secondary(default_key.clone(), "enabled by default from here"));
        }
    }
}

/// Reports, under `rule`, each dependency of `backends` built without a TLS backend.
pub(crate) fn missing_backends(
    m: &Manifest<'_>,
    rule: &'static Rule,
    backends: &[Backend],
    out: &mut Vec<Diagnostic>,
) {
    for dep in m.decl.deps.iter().filter(|d| d.kind != DepKind::Workspace) {
        if let Some(d) = missing_backend(m.decl, m.ws, dep, rule, backends) {
            out.push(d);
        }
    }
}

fn signal(
    table: &[Signal],
    package: &str,
    feature: &Feature,
    dep: &Dep,
    in_test_code: bool,
) -> Option<Diagnostic> {
    let s = table
        .iter()
        .find(|s| s.package == package && s.feature == feature.name)?;
    let mut d = Diagnostic::new(
        s.rule,
        format!("`{package}` is built with `{}`", s.feature),
        feature.range.clone(),
    )
    .label(s.label)
    .note(s.note)
    .help(s.help);
    if dep.key != package {
        d = d.secondary(
            dep.key_range.clone(),
            format!("`{}` is the `{package}` package", dep.key),
        );
    }
    d.in_test_code = in_test_code;
    Some(d)
}

/// The TLS backends a package can be built with, and when its absence matters.
pub(crate) struct Backend {
    /// The package.
    pub package: &'static str,
    /// Whether the default features include a TLS backend.
    pub tls_by_default: bool,
    /// Whether a feature selects a TLS backend.
    pub is_tls: fn(&str) -> bool,
    /// Whether the features enable a network transport that TLS would protect.
    pub needs_tls: fn(&[&str]) -> bool,
    /// Why its absence matters.
    pub note: &'static str,
    /// The fix.
    pub help: &'static str,
}

/// A missing backend for one declaration, with the features every declaration of the same package
/// in this manifest contributes (Cargo unifies them) and those inherited from the workspace.
fn missing_backend(
    decl: &Declarations,
    ws: &Inherited<'_>,
    dep: &Dep,
    rule: &'static Rule,
    backends: &[Backend],
) -> Option<Diagnostic> {
    let package = ws.package(dep);
    let backend = backends.iter().find(|b| b.package == package)?;
    let unified = |d: &&Dep| {
        ws.package(d) == package
            && d.kind != DepKind::Workspace
            && (d.kind == dep.kind || (dep.kind == DepKind::Dev && d.kind == DepKind::Normal))
    };
    let same: Vec<&Dep> = decl.deps.iter().filter(unified).collect();
    let mut features: Vec<&str> = Vec::new();
    let mut default_features = false;
    for d in &same {
        features.extend(d.features.iter().map(|f| f.name.as_str()));
        let inherited = ws.entry(d);
        if let Some(e) = inherited {
            features.extend(e.features.iter().map(|f| f.name.as_str()));
        }
        default_features |= match inherited {
            Some(e) => e.default_features.unwrap_or(true) || d.default_features == Some(true),
            None => d.default_features.unwrap_or(true),
        };
    }
    let keys: Vec<&str> = same.iter().map(|d| d.key.as_str()).collect();
    features.extend(
        decl.feature_refs
            .iter()
            .filter(|r| keys.contains(&r.dep.as_str()))
            .map(|r| r.feature.name.as_str()),
    );
    if (backend.tls_by_default && default_features)
        || features.iter().any(|f| (backend.is_tls)(f))
        || !(backend.needs_tls)(&features)
    {
        return None;
    }
    let mut d = Diagnostic::new(
        rule,
        format!("`{package}` is built without a TLS backend"),
        dep.key_range.clone(),
    )
    .label("no TLS feature is enabled")
    .note(backend.note)
    .help(backend.help);
    if let Some(none) = dep.features.iter().find(|f| f.name == "tls-none") {
        d = d.secondary(none.range.clone(), "selects no TLS backend");
    }
    if let (Some(entry), Some(path)) = (ws.entry(dep), ws.path) {
        d.secondary.push(Label {
            file: Some(path.to_string()),
            range: entry.key_range.clone(),
            text: "inherited from here".to_string(),
        });
    }
    d.in_test_code = dep.kind == DepKind::Dev;
    Some(d)
}
