//! The policy: `[workspace.metadata.tlslint]`, the `tlslint.toml` nearest to a package (its
//! own, one above it, else the workspace root's) and `[package.metadata.tlslint]` (package keys
//! override workspace keys; a package inherits the workspace policy without opting in). Read with the `toml` crate keeping spans, so an unknown
//! key, rule or bad value is reported at its file, line and key.

use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use tlslint_lints::{
    AllowedHosts, DeclaredSink, DeclaredSinks, DeclaredValue, ExternalVerifier, Level, LevelSource,
    Policy, Rule, RuleKind, SinkSource, TlsVersion, declared_ranges, declared_verifier, find_rule,
};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::plan::confine::{Refusal, Tree};

/// A problem in a manifest or config file, with its place.
#[derive(Debug)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// The byte range of the offending key or value.
    pub range: Range<usize>,
    /// The headline.
    pub message: String,
    /// The label under the range.
    pub label: String,
    /// Whether the file is not valid TOML (rather than a valid file with a bad policy).
    pub is_syntax: bool,
}

/// One table of settings (workspace, `tlslint.toml` or package).
#[derive(Clone, Debug, Default)]
pub struct Layer {
    levels: Vec<(&'static str, LevelSource)>,
    include_tests: Option<bool>,
    min_tls_version: Option<TlsVersion>,
    hsts_min_max_age: Option<u64>,
    max_parse_size: Option<usize>,
    allowed_cleartext_hosts: Option<AllowedHosts>,
    exclude: Vec<ExcludeEntry>,
    dependencies: Option<DependencyPolicy>,
    /// The `[[sink]]` entries: settings of the user's own code declared dangerous.
    sinks: Vec<DeclaredSink>,
    /// The `[[sink]]` entries under a verifier rule: verifier types declared not to verify.
    verifiers: Vec<ExternalVerifier>,
    /// Whether the layer is a `tlslint.toml` file (rather than a `Cargo.toml` table): a
    /// member's own file takes the place of the workspace root's.
    is_policy_file: bool,
}

/// One `exclude` glob, the file that sets it, and the directory it is relative to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExcludeEntry {
    /// The policy file (`Cargo.toml`, `tlslint.toml`, or the `--config` file).
    pub file: PathBuf,
    /// What the glob is relative to.
    pub base: PathBuf,
    /// The glob.
    pub glob: String,
}

/// The `dependencies` key: whether every run audits the dependency tree, and the allow-list.
/// Written as `dependencies = true` or as a table `{ audit = true, allow = [...] }`.
#[derive(Clone, Debug, Default)]
pub struct DependencyPolicy {
    /// Audit the dependencies on every run, as `--dependencies` does.
    pub audit: bool,
    /// Crates whose findings are accepted.
    pub allow: Vec<AllowedCrate>,
}

/// One entry of `dependencies.allow`: `{ crate = "…", version = "…", reason = "…" }`.
#[derive(Clone, Debug)]
pub struct AllowedCrate {
    /// The crate name.
    pub name: String,
    /// The versions it covers (a cargo version requirement; `*` when not written).
    pub version: semver::VersionReq,
    /// Why its findings are accepted.
    pub reason: String,
}

impl DependencyPolicy {
    /// The allow-list entry covering `name` at `version`, if any.
    pub fn allowed(&self, name: &str, version: &semver::Version) -> Option<&AllowedCrate> {
        self.allow
            .iter()
            .find(|a| a.name == name && a.version.matches(version))
    }
}

/// Glob patterns of files not to lint, each relative to the directory of the file that set it.
#[derive(Clone, Debug, Default)]
pub struct Excludes {
    sets: Vec<(PathBuf, GlobSet)>,
    /// The globs, as written.
    pub entries: Vec<ExcludeEntry>,
}

impl Excludes {
    /// Whether `path` (absolute) is excluded.
    pub fn is_excluded(&self, path: &Path) -> bool {
        self.sets
            .iter()
            .any(|(base, set)| path.strip_prefix(base).is_ok_and(|rel| set.is_match(rel)))
    }
}

/// One key of a policy table (`tlslint.toml`, `[workspace.metadata.tlslint]`,
/// `[package.metadata.tlslint]`).
#[derive(Debug)]
pub struct Key {
    /// The key.
    pub name: &'static str,
    /// What it does, in one line (the schema's `description`, the comment `init` writes).
    pub doc: &'static str,
    /// Its default, as a TOML value (`init` writes it commented out; the schema's `default`).
    pub default: &'static str,
    /// The JSON Schema of its value (`schema/tlslint.schema.json` is rendered from it).
    pub schema: &'static str,
}

/// The keys of a policy table: [`read_layer`] refuses every other key, `cargo tlslint init`
/// writes each, and the JSON schema describes each.
pub const KEYS: &[Key] = &[
    Key {
        name: "lints",
        doc: "rule levels by code or name: \"allow\", \"warn\", \"deny\" or \"forbid\"",
        default: "{}",
        schema: r##"{ "$ref": "#/definitions/lints" }"##,
    },
    Key {
        name: "include-tests",
        doc: "also lint test and bench targets, #[cfg(test)] items and #[test] functions",
        default: "false",
        schema: r##"{ "type": "boolean" }"##,
    },
    Key {
        name: "exclude",
        doc: "globs of files not to lint, relative to the file that sets them",
        default: "[]",
        schema: r##"{ "type": "array", "items": { "type": "string" } }"##,
    },
    Key {
        name: "min-tls-version",
        doc: "the lowest TLS version a minimum may be set to (TLS301)",
        default: "\"1.2\"",
        schema: r##"{ "type": "string", "enum": ["1.2", "1.3"] }"##,
    },
    Key {
        name: "hsts-min-max-age",
        doc: "the shortest acceptable HSTS max-age, in seconds (TLS602)",
        default: "31536000",
        schema: r##"{ "type": "integer", "minimum": 0 }"##,
    },
    Key {
        name: "max-parse-size",
        doc: "the most bytes of code parsed in one file (the items that may hold a finding); more is TLS001, the file is still scanned",
        default: "8388608",
        schema: r##"{ "type": "integer", "minimum": 1 }"##,
    },
    Key {
        name: "allowed-cleartext-hosts",
        doc: "hosts (globs, CIDRs) that the cleartext rules accept besides loopback",
        default: "[]",
        schema: r##"{ "type": "array", "items": { "type": "string" } }"##,
    },
    Key {
        name: "dependencies",
        doc: "audit the dependencies on every run (true), or { audit = true, allow = [{ crate, version, reason }] }",
        default: "false",
        schema: r##"{ "$ref": "#/definitions/dependencies" }"##,
    },
    Key {
        name: "sink",
        doc: "settings of your own code that weaken TLS, as [[sink]] tables: path = \"crate::Type::method\", arg = 0, dangerous = true, rule = \"TLS101\" (or a range: dangerous = \"1.1\" under TLS301, \"all-interfaces\" under TLS603, \"remote-host\" under TLS501)",
        default: "[]",
        schema: r##"{ "type": "array", "items": { "$ref": "#/definitions/sink" } }"##,
    },
];

/// The keys of a `[[sink]]` entry.
pub const SINK_KEYS: &[&str] = &["path", "arg", "dangerous", "rule"];

/// The pattern a sink's `path` matches: Rust identifiers (ASCII) joined by `::`.
pub const SINK_PATH_PATTERN: &str =
    "^(?:[A-Za-z][A-Za-z0-9_]*|_[A-Za-z0-9_]+)(?:::(?:[A-Za-z][A-Za-z0-9_]*|_[A-Za-z0-9_]+))*$";

/// A verifier type's `path`: the same identifiers, at least two of them (the crate and the type).
pub const VERIFIER_PATH_PATTERN: &str =
    "^(?:[A-Za-z][A-Za-z0-9_]*|_[A-Za-z0-9_]+)(?:::(?:[A-Za-z][A-Za-z0-9_]*|_[A-Za-z0-9_]+))+$";

/// The keys of the `dependencies` table.
pub const DEPENDENCY_KEYS: &[&str] = &["audit", "allow"];

/// The keys of an entry of `dependencies.allow`.
pub const ALLOW_ENTRY_KEYS: &[&str] = &["crate", "version", "reason"];

/// Reads the settings table at `table_path` (e.g. `["workspace", "metadata", "tlslint"]`, or
/// `[]` for a `tlslint.toml`) from the TOML file `path`.
pub fn read_layer(
    path: &Path,
    text: &str,
    table_path: &[&str],
) -> Result<Option<Layer>, ConfigError> {
    let err = |range: Range<usize>, message: String, label: &str| ConfigError {
        path: path.to_path_buf(),
        text: text.to_string(),
        range,
        message,
        label: label.to_string(),
        is_syntax: false,
    };
    let doc = DeTable::parse(text).map_err(|e| ConfigError {
        is_syntax: true,
        ..err(
            e.span().unwrap_or(0..0),
            format!("cannot parse `{}`: {}", path.display(), e.message().trim()),
            "here",
        )
    })?;
    let mut table = doc.get_ref();
    for key in table_path {
        match table.get(*key).map(|v| v.get_ref()) {
            Some(DeValue::Table(t)) => table = t,
            Some(_) => {
                let span = table.get(*key).map_or(0..0, |v| v.span());
                return Err(err(
                    span,
                    format!("`{}` must be a table", table_path.join(".")),
                    "expected a table",
                ));
            }
            None => return Ok(None),
        }
    }
    let origin = if table_path.is_empty() {
        format!("`{}`", path.display())
    } else {
        format!("`{}` `[{}.lints]`", path.display(), table_path.join("."))
    };
    let base = path.parent().unwrap_or(Path::new("."));
    let mut layer = Layer {
        is_policy_file: table_path.is_empty(),
        ..Layer::default()
    };
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        if !KEYS.iter().any(|k| k.name == name) {
            let names: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
            return Err(err(
                key.span(),
                format!("unknown key `{name}` in the tlslint policy"),
                &format!("expected one of `{}`", names.join("`, `")),
            ));
        }
        read_key(&mut layer, name, value, path, text, &origin, base)
            .map_err(|(r, m, l)| err(r, m, l))?;
    }
    Ok(Some(layer))
}

type Problem = (Range<usize>, String, &'static str);

/// Reads one known key of a policy table into `layer`.
fn read_key(
    layer: &mut Layer,
    name: &str,
    value: &Spanned<DeValue<'_>>,
    path: &Path,
    text: &str,
    origin: &str,
    base: &Path,
) -> Result<(), Problem> {
    let vspan = value.span();
    match name {
        "lints" => layer.levels = read_levels(value, origin)?,
        "include-tests" => {
            layer.include_tests = Some(value.get_ref().as_bool().ok_or_else(|| {
                (
                    vspan.clone(),
                    "`include-tests` must be `true` or `false`".into(),
                    "expected a boolean",
                )
            })?)
        }
        "min-tls-version" => {
            layer.min_tls_version = Some(match value.get_ref().as_str() {
                Some("1.2") => TlsVersion::Tls12,
                Some("1.3") => TlsVersion::Tls13,
                _ => {
                    return Err((
                        vspan,
                        "`min-tls-version` must be \"1.2\" or \"1.3\"".into(),
                        "unsupported value",
                    ));
                }
            })
        }
        "hsts-min-max-age" => {
            let n = value
                .get_ref()
                .as_integer()
                .and_then(|i| u64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok());
            layer.hsts_min_max_age = Some(n.ok_or_else(|| {
                (
                    vspan,
                    "`hsts-min-max-age` must be a non-negative integer (seconds)".into(),
                    "expected seconds",
                )
            })?);
        }
        "max-parse-size" => {
            let n = value
                .get_ref()
                .as_integer()
                .and_then(|i| usize::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok())
                .filter(|n| *n > 0);
            layer.max_parse_size = Some(n.ok_or_else(|| {
                (
                    vspan,
                    "`max-parse-size` must be a positive integer (bytes)".into(),
                    "expected bytes",
                )
            })?);
        }
        "allowed-cleartext-hosts" => {
            let entries = strings(value).ok_or_else(|| {
                (
                    vspan.clone(),
                    "`allowed-cleartext-hosts` must be an array of strings".into(),
                    "expected an array of strings",
                )
            })?;
            let hosts = AllowedHosts::new(entries).map_err(|(i, reason)| {
                let at = match value.get_ref() {
                    DeValue::Array(items) => items.get(i).map_or(vspan.clone(), |v| v.span()),
                    _ => vspan.clone(),
                };
                (
                    at,
                    format!("`allowed-cleartext-hosts` entry is neither an address, a CIDR nor a host glob: {reason}"),
                    "not a host glob, address or CIDR",
                )
            })?;
            layer.allowed_cleartext_hosts = Some(hosts);
        }
        "exclude" => {
            let globs = strings(value).ok_or_else(|| {
                (
                    vspan.clone(),
                    "`exclude` must be an array of glob strings".into(),
                    "expected an array of strings",
                )
            })?;
            for g in &globs {
                Glob::new(g).map_err(|e| {
                    (
                        vspan.clone(),
                        format!("invalid glob `{g}` in `exclude`: {e}"),
                        "invalid glob",
                    )
                })?;
            }
            layer.exclude = globs
                .into_iter()
                .map(|glob| ExcludeEntry {
                    file: path.to_path_buf(),
                    base: base.to_path_buf(),
                    glob,
                })
                .collect();
        }
        "sink" => {
            let DeValue::Array(items) = value.get_ref() else {
                return Err((
                    vspan,
                    "`sink` must be an array of tables (`[[sink]]`)".into(),
                    "expected an array of tables",
                ));
            };
            for item in items {
                match read_sink(item, path, text)? {
                    SinkEntry::Setting(sink) => layer.sinks.push(sink),
                    SinkEntry::Verifier(verifier) => layer.verifiers.push(verifier),
                }
            }
        }
        _ => layer.dependencies = Some(read_dependencies(value)?),
    }
    Ok(())
}

fn read_levels(
    value: &Spanned<DeValue<'_>>,
    origin: &str,
) -> Result<Vec<(&'static str, LevelSource)>, Problem> {
    let DeValue::Table(t) = value.get_ref() else {
        return Err((
            value.span(),
            "`lints` must be a table of `rule = \"level\"`".into(),
            "expected a table",
        ));
    };
    let mut out = Vec::new();
    for (key, level) in t.iter() {
        let name = key.get_ref().as_ref();
        let rule = find_rule(name).ok_or_else(|| {
            (
                key.span(),
                format!("unknown rule `{name}`"),
                "not a tlslint rule; see `cargo tlslint --list`",
            )
        })?;
        let text = match level.get_ref() {
            DeValue::String(s) => Some(s.as_ref().to_string()),
            DeValue::Table(lt) => lt
                .get("level")
                .and_then(|l| l.get_ref().as_str())
                .map(str::to_string),
            _ => None,
        };
        let level = text.as_deref().and_then(Level::parse).ok_or_else(|| {
            (
                level.span(),
                format!("invalid level for `{name}`"),
                "expected \"allow\", \"warn\", \"deny\" or \"forbid\"",
            )
        })?;
        out.push((
            rule.code,
            LevelSource {
                level,
                origin: origin.to_string(),
            },
        ));
    }
    Ok(out)
}

fn read_dependencies(value: &Spanned<DeValue<'_>>) -> Result<DependencyPolicy, Problem> {
    let table =
        match value.get_ref() {
            DeValue::Boolean(audit) => {
                return Ok(DependencyPolicy {
                    audit: *audit,
                    allow: Vec::new(),
                });
            }
            DeValue::Table(t) => t,
            _ => return Err((
                value.span(),
                "`dependencies` must be `true`, `false` or a table `{ audit = …, allow = [...] }`"
                    .into(),
                "expected a boolean or a table",
            )),
        };
    let mut policy = DependencyPolicy::default();
    for (key, v) in table.iter() {
        let name = key.get_ref().as_ref();
        if !DEPENDENCY_KEYS.contains(&name) {
            return Err((
                key.span(),
                format!("unknown key `{name}` in `dependencies`"),
                "expected `audit` or `allow`",
            ));
        }
        match name {
            "audit" => {
                policy.audit = v.get_ref().as_bool().ok_or_else(|| {
                    (
                        v.span(),
                        "`dependencies.audit` must be `true` or `false`".into(),
                        "expected a boolean",
                    )
                })?
            }
            _ => {
                let DeValue::Array(items) = v.get_ref() else {
                    return Err((v.span(), "`dependencies.allow` must be an array of `{ crate = \"…\", version = \"…\", reason = \"…\" }`".into(), "expected an array"));
                };
                policy.allow = items.iter().map(read_allowed).collect::<Result<_, _>>()?;
            }
        }
    }
    Ok(policy)
}

fn read_allowed(item: &Spanned<DeValue<'_>>) -> Result<AllowedCrate, Problem> {
    let DeValue::Table(t) = item.get_ref() else {
        return Err((item.span(), "an allow-list entry must be a table `{ crate = \"…\", version = \"…\", reason = \"…\" }`".into(), "expected a table"));
    };
    for (key, _) in t.iter() {
        if !ALLOW_ENTRY_KEYS.contains(&key.get_ref().as_ref()) {
            return Err((
                key.span(),
                format!("unknown key `{}` in an allow-list entry", key.get_ref()),
                "expected `crate`, `version` or `reason`",
            ));
        }
    }
    let text = |k: &str| t.get(k).map(|v| (v.get_ref().as_str(), v.span()));
    let name = match text("crate") {
        Some((Some(n), _)) if !n.is_empty() => n.to_string(),
        Some((_, span)) => {
            return Err((
                span,
                "`crate` must be a crate name".into(),
                "expected a string",
            ));
        }
        None => {
            return Err((
                item.span(),
                "an allow-list entry needs `crate`".into(),
                "`crate` is missing",
            ));
        }
    };
    let version = match text("version") {
        Some((Some(v), span)) => semver::VersionReq::parse(v).map_err(|e| {
            (
                span,
                format!("invalid version requirement `{v}`: {e}"),
                "not a version requirement",
            )
        })?,
        Some((None, span)) => {
            return Err((
                span,
                "`version` must be a version requirement string".into(),
                "expected a string",
            ));
        }
        None => semver::VersionReq::STAR,
    };
    let reason = match text("reason") {
        Some((Some(r), _)) if !r.trim().is_empty() => r.to_string(),
        Some((_, span)) => {
            return Err((
                span,
                "`reason` must be a non-empty string".into(),
                "expected a reason",
            ));
        }
        None => {
            return Err((
                item.span(),
                format!("the allow-list entry for `{name}` needs a `reason`"),
                "`reason` is missing",
            ));
        }
    };
    Ok(AllowedCrate {
        name,
        version,
        reason,
    })
}

/// What a `[[sink]]` entry declares.
enum SinkEntry {
    /// A setting: a method whose argument weakens TLS.
    Setting(DeclaredSink),
    /// A verifier type that does not verify (the entry's rule is one the verifier analysis
    /// reports an install under; it has no `arg` or `dangerous`).
    Verifier(ExternalVerifier),
}

/// One `[[sink]]` entry: `path`, `arg` (0 when absent), `dangerous` and `rule`, each checked; or,
/// under a verifier rule, `path` (the type) and `rule` alone.
fn read_sink(item: &Spanned<DeValue<'_>>, file: &Path, text: &str) -> Result<SinkEntry, Problem> {
    let DeValue::Table(t) = item.get_ref() else {
        return Err((
            item.span(),
            "a `[[sink]]` entry must be a table `{ path = \"…\", arg = 0, dangerous = true, rule = \"…\" }`".into(),
            "expected a table",
        ));
    };
    for (key, _) in t.iter() {
        if !SINK_KEYS.contains(&key.get_ref().as_ref()) {
            return Err((
                key.span(),
                format!("unknown key `{}` in a `[[sink]]` entry", key.get_ref()),
                "expected `path`, `arg`, `dangerous` or `rule`",
            ));
        }
    }
    let missing = |key: &str| {
        (
            item.span(),
            format!("a `[[sink]]` entry needs `{key}`"),
            "`[[sink]]` entry without it",
        )
    };
    let path_value = t.get("path").ok_or_else(|| missing("path"))?;
    let segments: Vec<String> = match path_value.get_ref().as_str() {
        Some(p) if is_sink_path(p) => p.split("::").map(str::to_string).collect(),
        _ => {
            return Err((
                path_value.span(),
                "`path` must be a method's path: Rust identifiers joined by `::`, e.g. \"acme_http::Builder::insecure\"".into(),
                "not a path of identifiers",
            ));
        }
    };
    let rule_value = t.get("rule").ok_or_else(|| missing("rule"))?;
    let rule = rule_value
        .get_ref()
        .as_str()
        .and_then(find_rule)
        .filter(|r| RuleKind::of(r) == RuleKind::Source)
        .ok_or_else(|| {
            (
                rule_value.span(),
                format!(
                    "`rule` must name a rule of Rust sources by code or name, not {}",
                    match rule_value.get_ref().as_str() {
                        Some(name) => format!("`{name}`"),
                        None => "this value".to_string(),
                    }
                ),
                "not a source rule; see `cargo tlslint --list`",
            )
        })?;
    let line = text
        .get(..item.span().start)
        .map_or(0, |before| before.matches('\n').count())
        + 1;
    let declared_in = format!("`{}`, line {line}", file.display());
    if let Some((side, verdict)) = declared_verifier(rule) {
        if let Some((key, value)) = ["arg", "dangerous"]
            .iter()
            .find_map(|k| t.get(*k).map(|v| (k, v)))
        {
            return Err((
                value.span(),
                format!(
                    "a `[[sink]]` entry under {} names a verifier type: it takes no `{key}`",
                    rule.code
                ),
                "remove this key",
            ));
        }
        let (Some(krate), Some(name)) = (segments.first(), segments.last()) else {
            return Err(missing("path"));
        };
        if segments.len() < 2 {
            return Err((
                path_value.span(),
                "a verifier type's `path` needs its crate and its name, e.g. \"acme_tls::TrustAll\"".into(),
                "a path of at least two segments",
            ));
        }
        return Ok(SinkEntry::Verifier(ExternalVerifier {
            krate: krate.clone(),
            name: name.clone(),
            side,
            verdict,
            package: "the policy".to_string(),
            at: declared_in.clone(),
            declared_in: Some(declared_in),
        }));
    }
    let arg = match t.get("arg") {
        None => 0,
        Some(v) => v
            .get_ref()
            .as_integer()
            .and_then(|i| u64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok())
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| {
                (
                    v.span(),
                    "`arg` must be a non-negative integer (the argument's index, not counting the receiver)".into(),
                    "expected a non-negative integer",
                )
            })?,
    };
    let dangerous_value = t.get("dangerous").ok_or_else(|| missing("dangerous"))?;
    let dangerous = match dangerous_value.get_ref() {
        DeValue::Boolean(b) => Some(DeclaredValue::Bool(*b)),
        DeValue::Integer(i) => i128::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .ok()
            .map(DeclaredValue::Int),
        DeValue::String(s) => Some(
            declared_string(s, rule)
                .map_err(|(message, label)| (dangerous_value.span(), message, label))?,
        ),
        _ => None,
    }
    .ok_or_else(|| {
        (
            dangerous_value.span(),
            "`dangerous` must be a boolean, an integer or a string".into(),
            "expected a boolean, an integer or a string",
        )
    })?;
    // A path whose segment before the name is a crate or module (`acme_net::serve`) names a
    // free function called by path; one whose segment before it is a type, or a bare name, a
    // method.
    let receiver = segments
        .len()
        .checked_sub(2)
        .and_then(|i| segments.get(i))
        .is_none_or(|before| !before.starts_with(|c: char| c.is_ascii_lowercase()));
    Ok(SinkEntry::Setting(DeclaredSink {
        path: segments,
        arg,
        dangerous,
        rule,
        receiver,
        field: false,
        source: SinkSource::Policy(declared_in),
    }))
}

/// The value a string `dangerous` declares under `rule`: a range the rule takes (`"1.1"`, TLS
/// 1.1 and older, under the rule of legacy versions; `"all-interfaces"`; `"remote-host"`), else
/// the string itself. Under a rule that takes versions a string must be one of them, and an
/// address kind is refused under any rule but its own.
fn declared_string(s: &str, rule: &Rule) -> Result<DeclaredValue, (String, &'static str)> {
    let ranges = declared_ranges(rule);
    let range = DeclaredValue::range(s);
    if let Some(range) = range.clone().filter(|r| ranges.contains(r)) {
        return Ok(range);
    }
    let versions: Vec<String> = DeclaredValue::version_spellings()
        .map(|v| format!("\"{v}\""))
        .collect();
    if ranges
        .iter()
        .any(|r| matches!(r, DeclaredValue::VersionAtMost(_)))
    {
        return Err((
            format!(
                "under {} a string `dangerous` is a TLS version, dangerous with every older one: {}",
                rule.code,
                versions.join(", ")
            ),
            "not a TLS version",
        ));
    }
    if let Some(kind) = range.filter(|r| !matches!(r, DeclaredValue::VersionAtMost(_))) {
        let owners: Vec<&str> = tlslint_lints::RULES
            .iter()
            .filter(|l| declared_ranges(l.rule).contains(&kind))
            .map(|l| l.rule.code)
            .collect();
        return Err((
            format!(
                "`dangerous = \"{s}\"` is a range of values of {} only, not of {}",
                owners.join(", "),
                rule.code
            ),
            "not a value of this rule",
        ));
    }
    Ok(DeclaredValue::Str(s.to_string()))
}

/// Whether `path` is Rust identifiers joined by `::` (as [`SINK_PATH_PATTERN`] says).
fn is_sink_path(path: &str) -> bool {
    path.split("::").all(|seg| {
        let mut bytes = seg.bytes();
        match bytes.next() {
            Some(b'_') => seg.len() > 1 && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_'),
            Some(b) if b.is_ascii_alphabetic() => {
                bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
            }
            _ => false,
        }
    })
}

fn strings(value: &Spanned<DeValue<'_>>) -> Option<Vec<String>> {
    let DeValue::Array(items) = value.get_ref() else {
        return None;
    };
    items
        .iter()
        .map(|v| v.get_ref().as_str().map(str::to_string))
        .collect()
}

/// Merges layers in order (later overrides earlier) into a policy and its excludes.
pub fn merge(
    layers: &[&Layer],
    include_tests_flag: bool,
) -> Result<(Policy, Excludes), globset::Error> {
    let mut policy = Policy::default();
    let mut excludes = Vec::new();
    let mut sinks = Vec::new();
    for layer in layers {
        for (code, src) in &layer.levels {
            policy.levels.insert(code, src.clone());
        }
        if let Some(v) = layer.include_tests {
            policy.include_tests = v;
        }
        if let Some(v) = layer.min_tls_version {
            policy.min_tls_version = v;
        }
        if let Some(v) = layer.hsts_min_max_age {
            policy.hsts_min_max_age = v;
        }
        if let Some(v) = layer.max_parse_size {
            policy.max_parse_size = v;
        }
        if let Some(v) = &layer.allowed_cleartext_hosts {
            policy.allowed_cleartext_hosts = v.clone();
        }
        excludes.extend(layer.exclude.iter().cloned());
        sinks.extend(layer.sinks.iter().cloned());
        policy.verifiers.extend(layer.verifiers.iter().cloned());
    }
    policy.sinks = DeclaredSinks::new(sinks);
    policy.include_tests |= include_tests_flag;
    let mut by_base: Vec<(PathBuf, GlobSetBuilder)> = Vec::new();
    for ExcludeEntry { base, glob, .. } in &excludes {
        let glob = Glob::new(glob)?;
        match by_base.iter_mut().find(|(b, _)| b == base) {
            Some((_, builder)) => {
                builder.add(glob);
            }
            None => {
                let mut builder = GlobSetBuilder::new();
                builder.add(glob);
                by_base.push((base.clone(), builder));
            }
        }
    }
    let sets = by_base
        .into_iter()
        .map(|(b, builder)| builder.build().map(|s| (b, s)))
        .collect::<Result<_, _>>()?;
    Ok((
        policy,
        Excludes {
            sets,
            entries: excludes,
        },
    ))
}

/// The workspace-level layers of a workspace root: `[workspace.metadata.tlslint]` of its
/// manifest, then its `tlslint.toml` (each read only from `tree`; a `tlslint.toml` that leads out
/// of it, or is not a regular file, is an error).
pub fn workspace_layers(root: &Path, tree: &Tree) -> Result<Vec<Layer>, ConfigError> {
    let mut layers = Vec::new();
    let manifest = root.join("Cargo.toml");
    if let Ok(text) = tree.read_to_string(&manifest) {
        layers.extend(read_layer(
            &manifest,
            &text,
            &["workspace", "metadata", "tlslint"],
        )?);
    }
    let file = root.join(POLICY_FILE);
    match tree.read_to_string(&file) {
        Ok(text) => layers.extend(read_layer(&file, &text, &[])?),
        Err(Refusal::Missing) => {}
        Err(refusal) => return Err(unreadable(&file, &refusal)),
    }
    Ok(layers)
}

/// The name of a policy file.
pub const POLICY_FILE: &str = "tlslint.toml";

/// The layers a package in `dir` is linted under, before its own `[package.metadata.tlslint]`:
/// the workspace's `ws_layers`, where the nearest `tlslint.toml` between `dir` and the
/// workspace root `root` (the package's own, or one in a directory above it) takes the place of
/// the root's file (nearest wins, as ruff and clippy find their files; `[workspace.metadata
/// .tlslint]` still applies). Each file is read from `tree` only.
pub fn member_layers(
    ws_layers: &[Layer],
    dir: &Path,
    root: Option<&Path>,
    tree: &Tree,
) -> Result<Vec<Layer>, ConfigError> {
    let own = match nearest_policy_file(dir, root, tree)? {
        Some(file) => Some(read_policy_file(&file, tree)?),
        None => None,
    };
    let mut layers: Vec<Layer> = ws_layers
        .iter()
        .filter(|l| own.is_none() || !l.is_policy_file)
        .cloned()
        .collect();
    layers.extend(own.flatten());
    Ok(layers)
}

/// The `tlslint.toml` nearest to `dir` in `dir` or a directory above it below the workspace
/// root `root` (the root's own file is a workspace layer); without a root, only `dir`'s.
fn nearest_policy_file(
    dir: &Path,
    root: Option<&Path>,
    tree: &Tree,
) -> Result<Option<PathBuf>, ConfigError> {
    let below_root = |d: &Path| match root {
        Some(root) => d != root && d.starts_with(root),
        None => d == dir,
    };
    for d in dir.ancestors().take_while(|d| below_root(d)) {
        let file = d.join(POLICY_FILE);
        match tree.check(&file) {
            Ok(_) => return Ok(Some(file)),
            Err(Refusal::Missing) => {}
            Err(refusal) => return Err(unreadable(&file, &refusal)),
        }
    }
    Ok(None)
}

/// The layer of the `tlslint.toml` at `file`, read from `tree`.
fn read_policy_file(file: &Path, tree: &Tree) -> Result<Option<Layer>, ConfigError> {
    let text = tree
        .read_to_string(file)
        .map_err(|e| unreadable(file, &e))?;
    read_layer(file, &text, &[])
}

fn unreadable(path: &Path, refusal: &Refusal) -> ConfigError {
    ConfigError {
        path: path.to_path_buf(),
        text: String::new(),
        range: 0..0,
        message: format!("cannot read `{}`: {refusal}", path.display()),
        label: String::new(),
        is_syntax: false,
    }
}

/// The layer of a `--config` policy file (read with [`Tree::read_named`]), its `exclude` globs
/// relative to `root` (the workspace it is applied to) rather than to its own directory.
pub fn pinned_layer(path: &Path, tree: &Tree, root: &Path) -> Result<Layer, ConfigError> {
    let text = tree.read_named(path).map_err(|e| unreadable(path, &e))?;
    let mut layer = read_layer(path, &text, &[])?.unwrap_or_default();
    for entry in &mut layer.exclude {
        entry.base = root.to_path_buf();
    }
    Ok(layer)
}

/// The `exclude` globs that a policy file's text sets (in any of its tables), for comparing two
/// versions of the file; a text that does not parse sets none.
pub fn exclude_globs(path: &Path, text: &str) -> Vec<String> {
    let tables: &[&[&str]] = if path.file_name().is_some_and(|n| n == "Cargo.toml") {
        &[
            &["workspace", "metadata", "tlslint"],
            &["package", "metadata", "tlslint"],
        ]
    } else {
        &[&[]]
    };
    tables
        .iter()
        .filter_map(|t| read_layer(path, text, t).ok().flatten())
        .flat_map(|l| l.exclude.into_iter().map(|e| e.glob))
        .collect()
}

/// The `[package.metadata.tlslint]` layer of a package manifest, read from `tree`.
pub fn package_layer(manifest: &Path, tree: &Tree) -> Result<Option<Layer>, ConfigError> {
    let text = tree
        .read_to_string(manifest)
        .map_err(|e| unreadable(manifest, &e))?;
    read_layer(manifest, &text, &["package", "metadata", "tlslint"])
}

/// The dependency policy of a list of layers: the last layer that sets one.
pub fn dependency_policy(layers: &[Layer]) -> DependencyPolicy {
    layers
        .iter()
        .rev()
        .find_map(|l| l.dependencies.clone())
        .unwrap_or_default()
}

/// Applies the `-A/-W/-D/-F RULE` flags on top of the policy, in command-line order.
pub fn apply_level_flags(policy: &mut Policy, flags: &[crate::cli::RuleLevel]) {
    for flag in flags {
        policy.levels.insert(
            flag.rule.code,
            LevelSource {
                level: flag.level,
                origin: format!("the command line (`{}`)", flag.flag),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_defaults_are_the_policys() {
        let text: String = KEYS
            .iter()
            .map(|k| format!("{} = {}\n", k.name, k.default))
            .collect();
        let layer = read_layer(Path::new("tlslint.toml"), &text, &[])
            .ok()
            .flatten()
            .unwrap_or_default();
        let (policy, excludes) = merge(&[&layer], false).unwrap_or_default();
        let default = Policy::default();
        assert!(policy.levels.is_empty() && excludes.entries.is_empty());
        assert_eq!(policy.include_tests, default.include_tests);
        assert_eq!(policy.min_tls_version, default.min_tls_version);
        assert_eq!(policy.hsts_min_max_age, default.hsts_min_max_age);
        assert_eq!(policy.max_parse_size, default.max_parse_size);
        assert_eq!(
            format!("{:?}", policy.allowed_cleartext_hosts),
            format!("{:?}", default.allowed_cleartext_hosts)
        );
        assert!(!dependency_policy(&[layer]).audit);
        assert_eq!(layer_count(&text), KEYS.len(), "every key was read");
    }

    const GOOD_SINK: &str = "[[sink]]\npath = \"acme_http::Builder::insecure\"\narg = 1\ndangerous = true\nrule = \"cert-verification-disabled\"\n";

    #[test]
    fn a_declared_sink_is_read_into_the_policy() {
        let text = format!(
            "include-tests = true\n\n{GOOD_SINK}\n[[sink]]\npath = \"set_mode\"\ndangerous = \"none\"\nrule = \"TLS201\"\n"
        );
        let layer = read_layer(Path::new("tlslint.toml"), &text, &[])
            .expect("valid")
            .expect("a layer");
        let (policy, _) = merge(&[&layer], false).expect("merged");
        let sinks: Vec<&DeclaredSink> = policy.sinks.iter().collect();
        assert_eq!(sinks.len(), 2);
        assert_eq!(sinks[0].path, ["acme_http", "Builder", "insecure"]);
        assert_eq!(sinks[0].arg, 1);
        assert_eq!(sinks[0].dangerous, DeclaredValue::Bool(true));
        assert_eq!(sinks[0].rule.code, "TLS101");
        assert_eq!(
            sinks[0].source,
            SinkSource::Policy("`tlslint.toml`, line 3".into())
        );
        assert_eq!(sinks[1].arg, 0, "`arg` defaults to the first argument");
        assert_eq!(sinks[1].dangerous, DeclaredValue::Str("none".into()));
        assert_eq!(
            sinks[1].source,
            SinkSource::Policy("`tlslint.toml`, line 9".into())
        );
        let cargo = format!(
            "[package]\nname = \"app\"\n\n{}",
            GOOD_SINK.replace("[[sink]]", "[[package.metadata.tlslint.sink]]")
        );
        let layer = read_layer(
            Path::new("Cargo.toml"),
            &cargo,
            &["package", "metadata", "tlslint"],
        )
        .expect("valid")
        .expect("a layer");
        let (policy, _) = merge(&[&layer], false).expect("merged");
        assert_eq!(policy.sinks.iter().count(), 1, "the manifest table too");
    }

    #[test]
    fn a_sink_declares_a_range_of_values_under_its_rule() {
        let text = "[[sink]]\npath = \"acme_net::Client::min_version\"\ndangerous = \"1.1\"\nrule = \"TLS301\"\n\n[[sink]]\npath = \"acme_net::serve\"\narg = 1\ndangerous = \"all-interfaces\"\nrule = \"TLS603\"\n\n[[sink]]\npath = \"connect\"\ndangerous = \"remote-host\"\nrule = \"TLS501\"\n\n[[sink]]\npath = \"set_mode\"\ndangerous = \"1.1\"\nrule = \"TLS101\"\n";
        let layer = read_layer(Path::new("tlslint.toml"), text, &[])
            .expect("valid")
            .expect("a layer");
        let (policy, _) = merge(&[&layer], false).expect("merged");
        let sinks: Vec<(DeclaredValue, bool)> = policy
            .sinks
            .iter()
            .map(|s| (s.dangerous.clone(), s.receiver))
            .collect();
        assert_eq!(
            sinks,
            [
                (DeclaredValue::range("1.1").expect("a range"), true),
                (DeclaredValue::AllInterfaces, false),
                (DeclaredValue::RemoteHost, true),
                (DeclaredValue::Str("1.1".into()), true),
            ],
            "a version under another rule is that string; a crate's function takes no receiver"
        );
    }

    #[test]
    fn every_bad_sink_key_is_an_error_at_its_span() {
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "path = \"acme_http::Builder::insecure\"",
                "path = \"acme-http::insecure\"",
                "`path` must be a method's path",
                "\"acme-http::insecure\"",
            ),
            (
                "path = \"acme_http::Builder::insecure\"",
                "path = \"\"",
                "`path` must be a method's path",
                "\"\"",
            ),
            (
                "path = \"acme_http::Builder::insecure\"",
                "path = \"a::::b\"",
                "`path` must be a method's path",
                "\"a::::b\"",
            ),
            (
                "arg = 1",
                "arg = -1",
                "`arg` must be a non-negative integer",
                "-1",
            ),
            (
                "arg = 1",
                "arg = \"0\"",
                "`arg` must be a non-negative integer",
                "\"0\"",
            ),
            (
                "dangerous = true",
                "dangerous = 1.5",
                "`dangerous` must be a boolean, an integer or a string",
                "1.5",
            ),
            (
                "rule = \"cert-verification-disabled\"",
                "rule = \"TLS999\"",
                "`rule` must name a rule of Rust sources by code or name, not `TLS999`",
                "\"TLS999\"",
            ),
            (
                "rule = \"cert-verification-disabled\"",
                "rule = \"dangerous_tls_feature\"",
                "`rule` must name a rule of Rust sources",
                "\"dangerous_tls_feature\"",
            ),
            (
                "rule = \"cert-verification-disabled\"",
                "rule = 101",
                "`rule` must name a rule of Rust sources by code or name, not this value",
                "101",
            ),
            (
                "arg = 1",
                "argument = 1",
                "unknown key `argument` in a `[[sink]]` entry",
                "argument",
            ),
        ];
        for (good, bad, message, at) in cases {
            let text = GOOD_SINK.replace(good, bad);
            let e = read_layer(Path::new("tlslint.toml"), &text, &[]).expect_err(&text);
            assert!(e.message.starts_with(message), "{text}: {}", e.message);
            assert_eq!(&text[e.range.clone()], *at, "{text}: {}", e.message);
            assert!(!e.is_syntax);
        }
        for key in ["path", "dangerous", "rule"] {
            let text: String = GOOD_SINK
                .lines()
                .filter(|l| !l.starts_with(key))
                .map(|l| format!("{l}\n"))
                .collect();
            let e = read_layer(Path::new("tlslint.toml"), &text, &[]).expect_err(&text);
            assert_eq!(e.message, format!("a `[[sink]]` entry needs `{key}`"));
        }
        let e = read_layer(Path::new("tlslint.toml"), "sink = true\n", &[]).expect_err("a bool");
        assert_eq!(e.message, "`sink` must be an array of tables (`[[sink]]`)");
        assert_eq!(&"sink = true\n"[e.range], "true");
    }

    /// The number of keys of `text` the parser reads without error, one by one.
    fn layer_count(text: &str) -> usize {
        text.lines()
            .filter(|line| read_layer(Path::new("tlslint.toml"), line, &[]).is_ok())
            .count()
    }
}
