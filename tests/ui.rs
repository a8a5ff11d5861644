//! The ui tests: every `ui-tests/<rule_name>/<case>.rs` is linted in-process with the default
//! policy and rendered exactly as the CLI renders (line numbers anonymised to `LL`), then compared
//! with `<case>.stderr`. Annotations in the case (`//~ rule`, `//~^ rule` for the line above,
//! `//~v rule` for the line below) must match the findings one for one, so a wrongly blessed
//! `.stderr` cannot hide a missing or extra finding. `TLSLINT_BLESS=1` rewrites the goldens.
//! Header lines set the policy: `//@ include-tests` lints with `--include-tests`, `//@
//! test-target` lints the case as a file of a test target, `//@ level rule=warn` sets a level,
//! `//@ min-tls-version 1.3` sets the policy's minimum TLS version (`1.2` or `1.3`) and `//@
//! hsts-min-max-age N` its lowest acceptable HSTS `max-age` in seconds, `//@ max-parse-size N`
//! the most bytes of code parsed in the file.
//!
//! Manifest cases use TOML comments: `<case>.toml` is linted as a `Cargo.toml` and `<case>.lock`
//! as a `Cargo.lock` by the manifest rules, annotated with `#~ rule`, `#~^ rule`, `#~v rule` and
//! configured with `#@` headers: `#@ include-tests`, `#@ level rule=warn`, `#@ workspace
//! <file>.toml` (a sibling file plays the workspace root manifest the case inherits from) and
//! `#@ sources-mention-tls-insecure` (the workspace's sources use `tlsInsecure`).
//!
//! `//@ cleartext-host PATTERN` adds a glob or CIDR to the policy's `allowed-cleartext-hosts`.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cargo_tlslint::fix;
use cargo_tlslint::pipeline::lint_source;
use cargo_tlslint::pipeline::manifest::{self, Kind};
use cargo_tlslint::render::FileFindings;
use cargo_tlslint::render::render_plain;
use cargo_tlslint::store::SourceStore;
use libtest_mimic::{Arguments, Failed, Trial};
use tlslint_lints::{
    AllowedHosts, Applicability, Diagnostic, Edit, Level, LevelSource, Policy, RULES, TlsVersion,
    WorkspaceManifest, apply_edits,
};

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui-tests");
    let mut trials = vec![Trial::test("every_rule_has_positive_and_negative_cases", {
        let root = root.clone();
        move || every_rule_has_cases(&root)
    })];
    for case in cases(&root) {
        let name = case
            .strip_prefix(&root)
            .unwrap_or(&case)
            .with_extension("")
            .display()
            .to_string();
        trials.push(Trial::test(name, move || run_case(&case)));
    }
    libtest_mimic::run(&args, trials).exit();
}

fn cases(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            if CaseKind::of(&file.path()).is_some() {
                out.push(file.path());
            }
        }
    }
    out.sort();
    out
}

/// What a case file is linted as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CaseKind {
    Rust,
    Manifest(Kind),
}

impl CaseKind {
    fn of(path: &Path) -> Option<CaseKind> {
        match path.extension()?.to_str()? {
            "rs" => Some(CaseKind::Rust),
            "toml" => Some(CaseKind::Manifest(Kind::Manifest)),
            "lock" => Some(CaseKind::Manifest(Kind::Lockfile)),
            _ => None,
        }
    }

    /// The line-comment token of the case's language.
    fn comment(self) -> &'static str {
        if self == CaseKind::Rust { "//" } else { "#" }
    }
}

/// Settings from a case's header lines.
#[derive(Default)]
struct Header {
    policy: Policy,
    is_test_target: bool,
    workspace: Option<String>,
    tls_insecure_in_sources: bool,
}

fn run_case(case: &Path) -> Result<(), Failed> {
    let kind = CaseKind::of(case).ok_or("not a ui case")?;
    let bytes = std::fs::read(case).map_err(|e| format!("cannot read {}: {e}", case.display()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let display = format!(
        "ui-tests/{}",
        case.strip_prefix(case.parent().and_then(Path::parent).unwrap_or(case))
            .unwrap_or(case)
            .display()
    );
    let header = header(&text, kind.comment())?;
    let ws = match &header.workspace {
        Some(file) => {
            let path = case.with_file_name(file);
            let ws_text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Some((
                format!(
                    "{}/{file}",
                    display.rsplit_once('/').map_or("", |(dir, _)| dir)
                ),
                ws_text,
            ))
        }
        None => None,
    };
    let lint = |text: &str| match kind {
        CaseKind::Rust => lint_source(
            &SourceStore::default(),
            &display,
            text,
            header.is_test_target,
            &header.policy,
        ),
        CaseKind::Manifest(m) => manifest::lint_text(
            &SourceStore::default(),
            m,
            &display,
            text,
            ws.as_ref()
                .map(|(path, text)| WorkspaceManifest { path, text }),
            header.tls_insecure_in_sources,
            &header.policy,
        ),
    };
    let findings = lint(&text);

    let mut expected = annotations(&text, kind.comment())?;
    let mut actual: BTreeMap<(usize, String), usize> = BTreeMap::new();
    for d in findings
        .diagnostics
        .iter()
        .filter(|d| d.suppressed.is_none())
    {
        let line = text[..d.primary.range.start.min(text.len())]
            .matches('\n')
            .count()
            + 1;
        *actual.entry((line, d.rule.name.to_string())).or_default() += 1;
    }
    expected.retain(|_, n| *n > 0);
    if expected != actual {
        let fmt = |m: &BTreeMap<(usize, String), usize>| {
            m.iter()
                .map(|((l, r), n)| format!("  line {l}: {r} ×{n}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        return Err(format!("annotations and findings differ in {}\nexpected (annotations):\n{}\nactual (findings):\n{}", case.display(), fmt(&expected), fmt(&actual)).into());
    }

    check_fixes(kind, &text, &findings.diagnostics, lint)?;

    let others = SourceStore::default();
    if let Some((display, text)) = ws {
        others.add_text(&display, text);
    }
    let rendered = render_plain(std::slice::from_ref(&findings), &others, true);
    support::golden(&case.with_extension("stderr"), &rendered, str::to_string)?;
    Ok(())
}

/// Applies every fix `--fix --unsafe-fixes` would apply to a copy of the case: the fixed text
/// must still parse (syn; TOML for manifests), and linting it again (`relint`) must find none of
/// the fixed findings at their place after the edits.
fn check_fixes(
    kind: CaseKind,
    text: &str,
    diagnostics: &[Diagnostic],
    relint: impl Fn(&str) -> FileFindings,
) -> Result<(), Failed> {
    let selection = fix::select(diagnostics, Applicability::MaybeIncorrect);
    if selection.edits.is_empty() {
        return Ok(());
    }
    let fixed = apply_edits(text, &selection.edits).ok_or("the fixes do not fit the text")?;
    let parses = |t: &str| match kind {
        CaseKind::Rust => syn::parse_file(t).is_ok(),
        CaseKind::Manifest(_) => t.parse::<toml::Table>().is_ok(),
    };
    if parses(text) && !parses(&fixed) {
        return Err(format!("the fixed text does not parse:\n{fixed}").into());
    }
    let after = relint(&fixed);
    for &i in &selection.fixed {
        let d = &diagnostics[i];
        let at = moved(d.primary.range.start, &selection.edits);
        if let Some(left) = after
            .diagnostics
            .iter()
            .find(|a| a.rule.code == d.rule.code && a.primary.range.start == at)
        {
            return Err(format!(
                "{} `{}` is still reported after its fix `{}`:\n{fixed}",
                left.rule.code, left.message, d.fixes[0].message
            )
            .into());
        }
    }
    Ok(())
}

/// Where byte `offset` of the text is after `edits` (the start of an edit that covers it).
fn moved(offset: usize, edits: &[Edit]) -> usize {
    let mut shift: isize = 0;
    for e in edits {
        if e.range.end <= offset && e.range.start < offset {
            shift += e.replacement.len() as isize - e.range.len() as isize;
        } else if e.range.start < offset {
            return e.range.start.saturating_add_signed(shift);
        }
    }
    offset.saturating_add_signed(shift)
}

/// The settings of the case's header lines (`//@`, or `#@` in manifest cases).
fn header(text: &str, comment: &str) -> Result<Header, Failed> {
    let prefix = format!("{comment}@");
    let mut header = Header::default();
    for line in text.lines().take_while(|l| l.starts_with(&prefix)) {
        let directive = line.trim_start_matches(&prefix).trim();
        if directive == "include-tests" {
            header.policy.include_tests = true;
        } else if directive == "test-target" {
            header.is_test_target = true;
        } else if directive == "sources-mention-tls-insecure" {
            header.tls_insecure_in_sources = true;
        } else if let Some(file) = directive.strip_prefix("workspace ") {
            header.workspace = Some(file.trim().to_string());
        } else if let Some(version) = directive.strip_prefix("min-tls-version ") {
            header.policy.min_tls_version = match version.trim() {
                "1.2" => TlsVersion::Tls12,
                "1.3" => TlsVersion::Tls13,
                other => {
                    return Err(format!(
                        "`{prefix} min-tls-version` takes `1.2` or `1.3`, found `{other}`"
                    )
                    .into());
                }
            };
        } else if let Some(age) = directive.strip_prefix("hsts-min-max-age ") {
            header.policy.hsts_min_max_age = age
                .trim()
                .parse()
                .map_err(|_| format!("`{prefix} hsts-min-max-age` takes seconds, found `{age}`"))?;
        } else if let Some(size) = directive.strip_prefix("max-parse-size ") {
            header.policy.max_parse_size = size
                .trim()
                .parse()
                .map_err(|_| format!("`{prefix} max-parse-size` takes bytes, found `{size}`"))?;
        } else if let Some(pattern) = directive.strip_prefix("cleartext-host ") {
            let mut entries = header.policy.allowed_cleartext_hosts.entries().to_vec();
            entries.push(pattern.trim().to_string());
            header.policy.allowed_cleartext_hosts = AllowedHosts::new(entries)
                .map_err(|(_, why)| format!("`{prefix} cleartext-host {pattern}`: {why}"))?;
        } else if let Some(setting) = directive.strip_prefix("level ") {
            let (name, level) = setting
                .split_once('=')
                .ok_or_else(|| format!("`{prefix} level` takes `rule=level`"))?;
            let rule = tlslint_lints::find_rule(name.trim())
                .ok_or_else(|| format!("unknown rule `{name}`"))?;
            let level =
                Level::parse(level.trim()).ok_or_else(|| format!("unknown level `{level}`"))?;
            header.policy.levels.insert(
                rule.code,
                LevelSource {
                    level,
                    origin: format!("the ui test's `{prefix} level` header"),
                },
            );
        } else {
            return Err(format!("unknown header `{line}`").into());
        }
    }
    Ok(header)
}

/// `//~ rule` (this line), `//~^ rule` (`^` once per line up), `//~v rule` (`v` once per line
/// down); `#~` in manifest cases.
fn annotations(text: &str, comment: &str) -> Result<BTreeMap<(usize, String), usize>, Failed> {
    let marker = format!("{comment}~");
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let Some(at) = line.find(&marker) else {
            continue;
        };
        let rest = &line[at + marker.len()..];
        let ups = rest.chars().take_while(|c| *c == '^').count();
        let downs = rest.chars().take_while(|c| *c == 'v').count();
        let name = rest[ups + downs..].trim();
        if tlslint_lints::find_rule(name).is_none_or(|r| r.name != name) {
            return Err(format!(
                "line {}: `{marker}` must name a rule by its snake_case name, found `{name}`",
                i + 1
            )
            .into());
        }
        let target = (i + 1 + downs)
            .checked_sub(ups)
            .filter(|l| *l >= 1)
            .ok_or_else(|| format!("line {}: annotation points above the file", i + 1))?;
        *out.entry((target, name.to_string())).or_default() += 1;
    }
    Ok(out)
}

fn every_rule_has_cases(root: &Path) -> Result<(), Failed> {
    let mut missing = Vec::new();
    for rule in RULES {
        let dir = root.join(rule.name);
        let mut positive = false;
        let mut negative = false;
        for file in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(file.path()).unwrap_or_default();
            if let Some(kind) = CaseKind::of(&file.path()) {
                let marker = format!("{}~", kind.comment());
                if ["", "^", "v"]
                    .iter()
                    .any(|dir| text.contains(&format!("{marker}{dir} {}", rule.name)))
                {
                    positive = true;
                } else if !text.contains(&marker) {
                    negative = true;
                }
            }
        }
        if !positive || !negative {
            missing.push(format!(
                "{} ({}): positive {positive}, negative {negative}",
                rule.name, rule.code
            ));
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "rules without both positive and negative ui tests:\n{}",
            missing.join("\n")
        )
        .into())
    }
}
