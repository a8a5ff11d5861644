//! TLS801 `dangerous_tls_feature`, TLS802 `secret_extraction_feature` and TLS804
//! `no_tls_backend`: the features a manifest itself declares for its dependencies.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Label};
use crate::manifest::deps::{Declarations, Dep, DepKind, Feature};
use crate::rule::Rule;
use crate::rules::{DANGEROUS_TLS_FEATURE, NO_TLS_BACKEND, SECRET_EXTRACTION_FEATURE};

/// A feature of a package that weakens TLS (catalog section H).
struct Signal {
    package: &'static str,
    feature: &'static str,
    rule: &'static Rule,
    label: &'static str,
    note: &'static str,
    help: &'static str,
}

const RUSTLS_DANGER_NOTE: &str = "the feature exists to let code replace certificate verification (`ClientConfig::dangerous()`, `set_certificate_verifier`)";
const RUSTLS_DANGER_HELP: &str =
    "remove the feature; to trust a private CA, add it to the `RootCertStore` instead";
const SECRETS_NOTE: &str = "`dangerous_extract_secrets()` hands out the session's traffic keys, and whoever holds them can decrypt the connection";
const SECRETS_HELP: &str = "remove the feature unless kernel TLS offload needs the keys";

static SIGNALS: &[Signal] = &[
    Signal {
        package: "rustls",
        feature: "dangerous_configuration",
        rule: &DANGEROUS_TLS_FEATURE,
        label: "unlocks custom certificate verifiers",
        note: RUSTLS_DANGER_NOTE,
        help: RUSTLS_DANGER_HELP,
    },
    Signal {
        package: "tokio-rustls",
        feature: "dangerous_configuration",
        rule: &DANGEROUS_TLS_FEATURE,
        label: "turns on `rustls/dangerous_configuration`, which unlocks custom certificate verifiers",
        note: RUSTLS_DANGER_NOTE,
        help: RUSTLS_DANGER_HELP,
    },
    Signal {
        package: "isahc",
        feature: "tls-insecure",
        rule: &DANGEROUS_TLS_FEATURE,
        label: "unlocks `danger_accept_invalid_certs`, `danger_accept_invalid_hosts` and `danger_accept_revoked_certs`",
        note: "the feature exists only to switch off certificate, hostname and revocation checks",
        help: "remove the feature; to trust a private CA, add it to the trust store of `TlsConfig::builder()`",
    },
    Signal {
        package: "redis",
        feature: "tls-rustls-insecure",
        rule: &DANGEROUS_TLS_FEATURE,
        label: "lets `rediss://…#insecure` URLs skip certificate verification",
        note: "with this feature, `#insecure` URLs and `TlsMode::Insecure` accept any certificate over rustls",
        help: "use the `tls-rustls` feature and URLs without `#insecure`; give a private CA with `TlsCertificates`",
    },
    Signal {
        package: "awc",
        feature: "dangerous-h2c",
        rule: &DANGEROUS_TLS_FEATURE,
        label: "sends HTTP/2 in cleartext (h2c), `https` URLs included",
        note: "the feature installs a connector that performs no TLS handshake",
        help: "remove the feature; enable a TLS feature such as `rustls-0_23` or `openssl`",
    },
    Signal {
        package: "rustls",
        feature: "secret_extraction",
        rule: &SECRET_EXTRACTION_FEATURE,
        label: "unlocks `dangerous_extract_secrets()`",
        note: SECRETS_NOTE,
        help: SECRETS_HELP,
    },
    Signal {
        package: "tokio-rustls",
        feature: "secret_extraction",
        rule: &SECRET_EXTRACTION_FEATURE,
        label: "turns on `rustls/secret_extraction`, which unlocks `dangerous_extract_secrets()`",
        note: SECRETS_NOTE,
        help: SECRETS_HELP,
    },
];

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

/// Reports TLS801, TLS802 and TLS804 for one manifest.
pub(crate) fn check(decl: &Declarations, ws: &Inherited<'_>, out: &mut Vec<Diagnostic>) {
    for dep in &decl.deps {
        let package = ws.package(dep);
        for feature in &dep.features {
            if let Some(d) = signal(package, feature, dep, dep.kind == DepKind::Dev) {
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
        if let Some(d) = signal(ws.package(dep), &r.feature, dep, only_dev) {
            out.push(d.secondary(default_key.clone(), "enabled by default from here"));
        }
    }
    for dep in decl.deps.iter().filter(|d| d.kind != DepKind::Workspace) {
        if let Some(d) = missing_backend(decl, ws, dep) {
            out.push(d);
        }
    }
}

fn signal(package: &str, feature: &Feature, dep: &Dep, in_test_code: bool) -> Option<Diagnostic> {
    let s = SIGNALS
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
struct Backend {
    package: &'static str,
    /// Whether the default features include a TLS backend.
    tls_by_default: bool,
    /// Whether a feature selects a TLS backend.
    is_tls: fn(&str) -> bool,
    /// Whether the features enable a network transport that TLS would protect.
    needs_tls: fn(&[&str]) -> bool,
    note: &'static str,
    help: &'static str,
}

static BACKENDS: &[Backend] = &[
    Backend {
        package: "sqlx",
        tls_by_default: false,
        is_tls: |f| {
            (f.starts_with("tls-") && f != "tls-none")
                || (f.starts_with("runtime-")
                    && (f.ends_with("-native-tls") || f.ends_with("-rustls")))
        },
        needs_tls: |fs| {
            fs.iter()
                .any(|f| matches!(*f, "postgres" | "mysql" | "mssql" | "all-databases" | "all"))
        },
        note: "without a TLS backend `PgSslMode::Prefer` and `MySqlSslMode::Preferred` (the defaults) silently connect in plaintext, and `Require` fails",
        help: "enable a TLS feature: `tls-rustls` or `tls-native-tls` (before sqlx 0.7, `runtime-tokio-rustls` or `runtime-tokio-native-tls`)",
    },
    Backend {
        package: "tiberius",
        tls_by_default: true,
        is_tls: |f| matches!(f, "native-tls" | "rustls" | "vendored-openssl"),
        needs_tls: |_| true,
        note: "without `native-tls`, `rustls` or `vendored-openssl` tiberius negotiates no encryption: queries and the login travel in plaintext",
        help: "enable the `rustls` or `native-tls` feature, or keep the default features",
    },
    Backend {
        package: "lettre",
        tls_by_default: true,
        is_tls: |f| f.contains("native-tls") || f.contains("rustls") || f.contains("boring-tls"),
        needs_tls: |fs| fs.contains(&"smtp-transport"),
        note: "without a TLS feature only `builder_dangerous` and `Tls::None` exist: mail and SMTP credentials are sent in cleartext",
        help: "enable `rustls-tls` or `native-tls`, or keep the default features",
    },
];

/// TLS804 for one declaration, with the features every declaration of the same package in this
/// manifest contributes (Cargo unifies them) and those inherited from the workspace.
fn missing_backend(decl: &Declarations, ws: &Inherited<'_>, dep: &Dep) -> Option<Diagnostic> {
    let package = ws.package(dep);
    let backend = BACKENDS.iter().find(|b| b.package == package)?;
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
        &NO_TLS_BACKEND,
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
