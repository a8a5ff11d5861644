//! Sinks learned from the dependencies' sources: a public function of a direct dependency whose
//! parameter reaches a known setting (a wrapper crate's `allow_insecure(on)` that passes `on` to
//! reqwest's `danger_accept_invalid_certs`) becomes a sink of the workspace, judged like a
//! `[[sink]]` of the policy. Only registry and git packages that a workspace member depends on
//! directly are read (from the cargo cache or `--vendor-dir`, never fetched, never built; a path
//! dependency outside the workspace is not read); each package's result is cached by name,
//! version and checksum ([`SinkCache`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tlslint_lints::{
    Const, Dangerous, DeclaredSink, DeclaredValue, Exposed, ExternalVerifier, Level, LineIndex,
    LockedPackage, RuleKind, SinkSource, VerifierFact, public_function_at,
};

use super::locate::{Location, Locator, is_package_name};
use super::sink_cache::{Entry, SinkCache};
use super::{Collected, collect, dependency_lint_policy, dependency_plan, member_requests};
use crate::pipeline::lint;
use crate::plan::Plan;
use crate::render::FileFindings;

/// What learning found.
#[derive(Debug, Default)]
pub struct Learned {
    /// The sinks, for every unit's policy.
    pub sinks: Vec<DeclaredSink>,
    /// The verifier types that do not verify, for the run's verifier join.
    pub verifiers: Vec<ExternalVerifier>,
    /// Direct dependencies considered.
    pub considered: usize,
    /// Of those, read from source in this run.
    pub read: usize,
    /// Of those, taken from the cache.
    pub cached: usize,
    /// Direct dependencies whose source is not on disk: calls into them are not followed.
    pub not_on_disk: Vec<String>,
    /// The cache directory, when there is one.
    pub cache_dir: Option<PathBuf>,
}

impl Learned {
    /// What `-v` says of it: how many sinks from how many packages, and the calls not followed.
    pub fn summary(&self) -> String {
        let mut out = format!(
            "tlslint: learned {}{} from {} direct {} ({} read, {} from the cache{})\n",
            crate::render::count(self.sinks.len(), "sink", "sinks"),
            if self.verifiers.is_empty() {
                String::new()
            } else {
                format!(
                    " and {} that {} not verify",
                    crate::render::count(self.verifiers.len(), "verifier type", "verifier types"),
                    if self.verifiers.len() == 1 {
                        "does"
                    } else {
                        "do"
                    }
                )
            },
            self.considered,
            if self.considered == 1 {
                "dependency"
            } else {
                "dependencies"
            },
            self.read,
            self.cached,
            self.cache_dir
                .as_ref()
                .map(|d| format!(" at `{}`", d.display()))
                .unwrap_or_default(),
        );
        if !self.not_on_disk.is_empty() {
            out.push_str(&format!(
                "tlslint: {} not on disk, so calls into {} are not followed (`cargo fetch` brings {}): {}\n",
                crate::render::count(self.not_on_disk.len(), "dependency is", "dependencies are"),
                if self.not_on_disk.len() == 1 { "it" } else { "them" },
                if self.not_on_disk.len() == 1 { "it" } else { "them" },
                self.not_on_disk.join(", ")
            ));
        }
        out
    }
}

/// Where dependencies' sources and the cache are.
#[derive(Clone, Debug)]
pub struct Sources {
    /// `$CARGO_HOME`.
    pub cargo_home: PathBuf,
    /// `--vendor-dir`, absolute.
    pub vendor_dir: Option<PathBuf>,
    /// The cache, if any.
    pub cache: Option<SinkCache>,
}

impl Sources {
    /// The cargo home of the environment, with `vendor_dir` and the cache under `cache_dir`
    /// (else the user's cache directory).
    pub fn new(vendor_dir: Option<PathBuf>, cache_dir: Option<&Path>) -> Sources {
        Sources {
            cargo_home: super::locate::Locator::default_cargo_home(),
            vendor_dir,
            cache: SinkCache::new(cache_dir),
        }
    }
}

/// Learns what the workspace's direct dependencies teach and applies it to `plan`: the sinks to
/// every unit's policy (files the walk skipped are read again, since a learned method may be
/// their only trigger), the verifier types to the verifier join.
pub fn apply(plan: &mut Plan, sources: &Sources) -> Learned {
    let learned = learn(plan, sources);
    plan.learned_verifiers = learned.verifiers.clone();
    if !learned.sinks.is_empty() {
        plan.sources.forget_skipped();
        for unit in &mut plan.units {
            unit.policy.sinks = unit.policy.sinks.with(&learned.sinks);
        }
    }
    learned
}

/// Learns the sinks of the workspace's direct registry and git dependencies. A workspace without
/// a readable `Cargo.lock` learns nothing.
pub fn learn(plan: &Plan, sources: &Sources) -> Learned {
    let mut learned = Learned {
        cache_dir: sources.cache.as_ref().map(|c| c.dir().to_path_buf()),
        ..Learned::default()
    };
    let Ok(locked) = super::read_lockfile(plan) else {
        return learned;
    };
    let root_text = plan.tree.read_to_string(&plan.root.join("Cargo.toml")).ok();
    let members = member_requests(plan, root_text.as_deref());
    let member_names: HashSet<&str> = members.iter().map(|(n, _, _)| n.as_str()).collect();
    let crate_names: HashMap<&str, String> = members
        .iter()
        .flat_map(|(_, _, r)| &r.deps)
        .map(|d| (d.package.as_str(), d.key.replace('-', "_")))
        .collect();
    let direct: Vec<&LockedPackage> = locked
        .iter()
        .filter(|p| p.source.is_some() && !member_names.contains(p.name.as_str()))
        .filter(|p| is_package_name(&p.name))
        .filter(|p| crate_names.contains_key(p.name.as_str()))
        .collect();
    learned.considered = direct.len();
    let locator = Locator::new(sources.cargo_home.clone(), sources.vendor_dir.clone());
    let mut to_read: Vec<(&LockedPackage, PathBuf)> = Vec::new();
    for p in direct {
        if let Some(entry) = sources.cache.as_ref().and_then(|c| c.get(&cache_key(p))) {
            learned.cached += 1;
            learned.add(entry, &crate_name(&crate_names, &p.name));
            continue;
        }
        match locator.locate(p) {
            Location::Found(dir) => to_read.push((p, dir)),
            Location::NotDownloaded => learned
                .not_on_disk
                .push(format!("{} {}", p.name, p.version)),
            Location::Refused(_) => {}
        }
    }
    learned.read = to_read.len();
    if to_read.is_empty() {
        return learned;
    }
    let policy = dependency_lint_policy(plan);
    let collected: Vec<Collected> = to_read
        .iter()
        .map(|(p, dir)| collect(p, dir, None, &plan.root, &plan.sources, &policy))
        .collect();
    let outcome = lint(&dependency_plan(plan, &collected, &policy));
    let mut per_package: Vec<Entry> = vec![Entry::default(); collected.len()];
    for (unit, exposed) in &outcome.exposed {
        if let Some(sink) = sink_of(exposed, &collected[*unit], plan) {
            per_package[*unit].sinks.push(sink);
        }
    }
    for (unit, sink) in always_sinks(&outcome.files, &collected, plan) {
        let entry = &mut per_package[unit];
        let same = |s: &DeclaredSink| s.path[1..] == sink.path[1..] && s.rule == sink.rule;
        if !entry.sinks.iter().any(same) {
            entry.sinks.push(sink);
        }
    }
    for (unit, verifier) in &outcome.doubtful_verifiers {
        per_package[*unit]
            .verifiers
            .push(verifier_of(verifier, &collected[*unit]));
    }
    for ((p, _), entry) in to_read.iter().zip(per_package) {
        if let Some(cache) = &sources.cache {
            cache.put(&cache_key(p), &entry);
        }
        learned.add(entry, &crate_name(&crate_names, &p.name));
    }
    learned
}

impl Learned {
    /// Adds what one package taught, named by the crate name the workspace calls it by (a cached
    /// entry may come from a workspace that renamed it).
    fn add(&mut self, entry: Entry, krate: &str) {
        for mut sink in entry.sinks {
            if let Some(first) = sink.path.first_mut() {
                *first = krate.to_string();
            }
            self.sinks.push(sink);
        }
        for mut verifier in entry.verifiers {
            verifier.krate = krate.to_string();
            self.verifiers.push(verifier);
        }
    }
}

/// The public functions of the dependencies that weaken TLS on every call: a `deny` finding
/// under no run-time or build-time condition, inside a `pub` function (`insecure_client()` that
/// calls `danger_accept_invalid_certs(true)`), by unit. The path starts with the package's own
/// crate name (the workspace's name for it is set by [`Learned::add`]).
fn always_sinks(
    files: &[FileFindings],
    collected: &[Collected],
    plan: &Plan,
) -> Vec<(usize, DeclaredSink)> {
    let mut out = Vec::new();
    for file in files {
        let Some(unit) = collected
            .iter()
            .position(|c| c.files.iter().any(|f| f.display == file.display))
        else {
            continue;
        };
        let Some(text) = plan.sources.raw(&file.display) else {
            continue;
        };
        let guards = tlslint_lints::guards(&text);
        let lines = LineIndex::new(&text);
        for d in &file.diagnostics {
            let at = d.primary.range.start;
            let unconditional = d.level == Level::Deny
                && d.suppressed.is_none()
                && d.runtime_value.is_none()
                && RuleKind::of(d.rule) == RuleKind::Source
                && guards.runtime_guard_at(at).is_none()
                && guards.cfgs_at(at).is_empty();
            if !unconditional {
                continue;
            }
            let line = lines.line_of(at) + 1;
            let Some(function) = public_function_at(&text, line) else {
                continue;
            };
            let c = &collected[unit];
            let mut path = vec![own_crate(c)];
            path.extend(function.owner);
            path.push(function.name);
            out.push((
                unit,
                DeclaredSink {
                    path,
                    arg: 0,
                    receiver: function.receiver,
                    dangerous: DeclaredValue::Always,
                    rule: d.rule,
                    source: SinkSource::Learned {
                        package: package_label(c),
                        setting: setting_name(&text, &d.primary.range),
                        at: format!("{}:{line}", package_relative(c, &file.display).display()),
                        message: d.message.clone(),
                    },
                },
            ));
        }
    }
    out
}

/// The crate name the workspace calls package `name` by.
fn crate_name(crate_names: &HashMap<&str, String>, name: &str) -> String {
    crate_names
        .get(name)
        .cloned()
        .unwrap_or_else(|| name.replace('-', "_"))
}

/// The crate name of a package itself (`acme-http` is `acme_http`); [`Learned::add`] renames it
/// to the workspace's name for the dependency.
fn own_crate(c: &Collected) -> String {
    c.package.name.replace('-', "_")
}

/// A package as notes name it: `acme-http 0.4.1`.
fn package_label(c: &Collected) -> String {
    format!("{} {}", c.package.name, c.package.version)
}

/// The name of the setting at `range` of `text` (`danger_accept_invalid_certs`), or a generic
/// phrase when the range is not an identifier (a string literal, a field assignment).
fn setting_name(text: &str, range: &std::ops::Range<usize>) -> String {
    text.get(range.clone())
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .unwrap_or("a TLS setting")
        .to_string()
}

/// The learned form of a dependency's verifier impl that does not verify.
fn verifier_of(v: &VerifierFact, c: &Collected) -> ExternalVerifier {
    ExternalVerifier {
        krate: own_crate(c),
        name: v.name.clone(),
        side: v.side,
        verdict: v.verdict,
        package: package_label(c),
        at: format!("{}:{}", package_relative(c, &v.path).display(), v.line),
        declared_in: None,
    }
}

/// A display path of the dependency plan as a path inside its package.
fn package_relative(c: &Collected, display: &str) -> PathBuf {
    c.files
        .iter()
        .find(|f| f.display == display)
        .and_then(|f| f.path.strip_prefix(&c.dir).ok())
        .map_or_else(|| PathBuf::from(display), Path::to_path_buf)
}

/// The cache key of a package: its name (already checked to be a package name) and version, and
/// a digest of where it comes from and its checksum (both as the lockfile writes them), so a key
/// is one safe file name whatever the lockfile holds.
fn cache_key(p: &LockedPackage) -> String {
    let mut digest = Sha256::new();
    digest.update(p.source.as_deref().unwrap_or("").as_bytes());
    digest.update([0]);
    digest.update(p.checksum.as_deref().unwrap_or("").as_bytes());
    let hash = hex::encode(digest.finalize());
    format!("{}-{}-{}", p.name, p.version, &hash[..16])
}

/// The sink a package's exposed setting makes; none for a
/// setting dangerous for a range of values (a legacy TLS version, an address on every
/// interface, a host that is not loopback), which a declared sink's one value cannot state.
fn sink_of(e: &Exposed, c: &Collected, plan: &Plan) -> Option<DeclaredSink> {
    let text = plan.sources.raw(&e.path)?;
    let line = text.get(..e.range.start)?.matches('\n').count() + 1;
    let file = package_relative(c, &e.path);
    let p = &e.parameter;
    let mut path = vec![own_crate(c)];
    path.extend(p.owner.iter().cloned());
    path.push(p.function.clone());
    Some(DeclaredSink {
        path,
        arg: p.index,
        receiver: p.receiver,
        dangerous: match &e.dangerous {
            Dangerous::Value(Const::Bool(b)) => DeclaredValue::Bool(*b),
            Dangerous::Value(Const::Int(i)) => DeclaredValue::Int(*i),
            Dangerous::Value(Const::Str(s)) => DeclaredValue::Str(s.clone()),
            Dangerous::Value(Const::Version(_))
            | Dangerous::VersionAtMost(_)
            | Dangerous::AllInterfaces
            | Dangerous::HostNotExempt(_) => return None,
        },
        rule: e.rule,
        source: SinkSource::Learned {
            package: package_label(c),
            setting: setting_name(&text, &e.range),
            at: format!("{}:{line}", file.display()),
            message: e.message.clone(),
        },
    })
}
