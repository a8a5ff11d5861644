//! Sinks learned from the dependencies' sources: a public function of a direct dependency whose
//! parameter reaches a known setting (a wrapper crate's `allow_insecure(on)` that passes `on` to
//! reqwest's `danger_accept_invalid_certs`) becomes a sink of the workspace, judged like a
//! `[[sink]]` of the policy. Registry and git packages that a workspace member depends on
//! directly are read, and the lockfile dependencies their sources name, a few levels down and
//! deepest first, so that a wrapper of a wrapper is followed (from the cargo cache or
//! `--vendor-dir`, never fetched, never built; a path dependency outside the workspace is not
//! read); each package's result is cached by name, version and checksum, with what it learned
//! from its own dependencies ([`SinkCache`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};
use tlslint_lints::{
    Const, Dangerous, DeclaredSink, DeclaredValue, Exposed, ExposedAt, ExternalVerifier, Level,
    LineIndex, LockedPackage, PublicFunction, Rule, RuleKind, SinkSource, VerifierFact, calls_into,
    public_function_at,
};

use super::locate::{Location, Locator, is_package_name};
use super::sink_cache::{Entry, SinkCache, inputs_digest, summary_digest};
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
    /// Packages below them learned (read or from the cache): named by the source of a package
    /// learning reads.
    pub indirect: usize,
    /// Of those (direct and indirect), read from source in this run.
    pub read: usize,
    /// Of those, taken from the cache.
    pub cached: usize,
    /// Direct dependencies whose source is not on disk (`acme-http 0.4.1`), each with the
    /// crate name the workspace calls it by: calls into them are not followed.
    pub not_on_disk: Vec<(String, String)>,
    /// The cache directory, when there is one.
    pub cache_dir: Option<PathBuf>,
}

impl Learned {
    /// What `-v` says of it: how many sinks from how many packages, and how many calls of
    /// `plan`'s files go into dependencies whose source is not on disk.
    pub fn summary(&self, plan: &Plan) -> String {
        let mut out = format!(
            "tlslint: learned {}{} from {} direct {}{} ({} read, {} from the cache{})\n",
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
            if self.indirect == 0 {
                String::new()
            } else {
                format!(" and {} of their dependencies", self.indirect)
            },
            self.read,
            self.cached,
            self.cache_dir
                .as_ref()
                .map(|d| format!(" at `{}`", d.display()))
                .unwrap_or_default(),
        );
        if !self.not_on_disk.is_empty() {
            out.push_str(&unfollowed_summary(&self.not_on_disk, plan));
        }
        out
    }
}

/// The `-v` line on the calls into `not_on_disk` (package label, crate name) that could not be
/// followed: counted in the files of `plan` ([`calls_into`]), each package with its count, most
/// first.
fn unfollowed_summary(not_on_disk: &[(String, String)], plan: &Plan) -> String {
    let crates: Vec<&str> = not_on_disk.iter().map(|(_, k)| k.as_str()).collect();
    let files: Vec<(&crate::plan::Unit, &crate::plan::FileEntry)> = plan
        .units
        .iter()
        .flat_map(|u| u.files.iter().map(move |f| (u, f)))
        .collect();
    let counts = files
        .par_iter()
        .map(|(unit, f)| {
            let text = plan
                .sources
                .held(&f.display)
                .or_else(|| unit.tree.read_to_string(&f.path).ok().map(Into::into));
            text.map_or_else(|| vec![0; crates.len()], |t| calls_into(&t, &crates))
        })
        .reduce(
            || vec![0; crates.len()],
            |a, b| a.iter().zip(&b).map(|(x, y)| x + y).collect(),
        );
    let mut each: Vec<(&str, usize)> = not_on_disk
        .iter()
        .map(|(label, _)| label.as_str())
        .zip(counts.iter().copied())
        .collect();
    each.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let total: usize = counts.iter().sum();
    format!(
        "tlslint: learning: {} into {} could not be followed (sources not on disk; `cargo fetch` brings {}): {}\n",
        crate::render::count(total, "call", "calls"),
        crate::render::count(not_on_disk.len(), "dependency", "dependencies"),
        if not_on_disk.len() == 1 { "it" } else { "them" },
        each.iter()
            .map(|(label, n)| format!("{label} ({n})"))
            .collect::<Vec<_>>()
            .join(", ")
    )
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

/// How far below the workspace learning follows wrappers: the direct dependencies are at depth
/// 1, a dependency they name at 2, one that names at 3.
const MAX_DEPTH: usize = 3;

/// The most packages below the direct dependencies that learning reads or takes from the cache
/// in one run (the first found, level by level, in lockfile order).
const MAX_INDIRECT: usize = 64;

/// One package learning considers.
struct Node<'a> {
    package: &'a LockedPackage,
    depth: usize,
    key: String,
    /// Its cache entry, if there is one (valid only for the same inputs).
    cached: Option<Entry>,
    /// Its files, once read.
    collected: Option<Collected>,
    /// The packages of its lockfile dependencies that its source names.
    mentions: Vec<String>,
    /// The nodes of those.
    deps: Vec<usize>,
    /// What it taught, once learned.
    entry: Option<Entry>,
}

/// Learns the sinks of the workspace's direct registry and git dependencies, and of the
/// dependencies they name in turn (a wrapper of a wrapper), deepest first so that what a package
/// teaches applies while its dependents are learned. A workspace without a readable
/// `Cargo.lock` learns nothing.
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
    let learnable = |p: &LockedPackage| {
        p.source.is_some() && !member_names.contains(p.name.as_str()) && is_package_name(&p.name)
    };
    let direct: Vec<&LockedPackage> = locked
        .iter()
        .filter(|p| learnable(p) && crate_names.contains_key(p.name.as_str()))
        .collect();
    learned.considered = direct.len();
    let locator = Locator::new(sources.cargo_home.clone(), sources.vendor_dir.clone());
    let policy = dependency_lint_policy(plan);
    let mut nodes = discover(
        direct, &locked, &learnable, &locator, sources, plan, &policy,
    );
    for node in &nodes {
        if node.cached.is_none() && node.collected.is_none() && node.depth == 1 {
            learned.not_on_disk.push((
                format!("{} {}", node.package.name, node.package.version),
                crate_name(&crate_names, &node.package.name),
            ));
        }
    }
    let mut done = vec![false; nodes.len()];
    while done.iter().any(|d| !d) {
        let mut ready: Vec<usize> = (0..nodes.len())
            .filter(|&i| !done[i] && nodes[i].deps.iter().all(|&d| d == i || done[d]))
            .collect();
        if ready.is_empty() {
            // A cycle, which a lockfile cannot hold: the deepest of the rest go first, without
            // what they name above them.
            let deepest = (0..nodes.len())
                .filter(|&i| !done[i])
                .map(|i| nodes[i].depth)
                .max()
                .unwrap_or(0);
            ready = (0..nodes.len())
                .filter(|&i| !done[i] && nodes[i].depth == deepest)
                .collect();
        }
        learn_level(
            &mut nodes,
            &ready,
            &locator,
            sources,
            plan,
            &policy,
            &mut learned,
        );
        for i in ready {
            done[i] = true;
        }
    }
    learned.indirect = nodes
        .iter()
        .filter(|n| n.depth > 1 && n.entry.is_some())
        .count();
    for node in nodes.into_iter().filter(|n| n.depth == 1) {
        if let Some(entry) = node.entry {
            learned.add(entry, &crate_name(&crate_names, &node.package.name));
        }
    }
    learned
}

/// The packages learning considers: the direct dependencies, then level by level the lockfile
/// dependencies each one's source names, up to [`MAX_DEPTH`] and [`MAX_INDIRECT`]. A package
/// with a cache entry is not read here (the entry records what it names); one on disk is read.
fn discover<'a>(
    direct: Vec<&'a LockedPackage>,
    locked: &'a [LockedPackage],
    learnable: &dyn Fn(&LockedPackage) -> bool,
    locator: &Locator,
    sources: &Sources,
    plan: &Plan,
    policy: &tlslint_lints::Policy,
) -> Vec<Node<'a>> {
    let node = |package: &'a LockedPackage, depth| Node {
        package,
        depth,
        key: cache_key(package),
        cached: None,
        collected: None,
        mentions: Vec::new(),
        deps: Vec::new(),
        entry: None,
    };
    let mut nodes: Vec<Node<'a>> = direct.into_iter().map(|p| node(p, 1)).collect();
    let mut index: HashMap<(&str, &semver::Version), usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| ((n.package.name.as_str(), &n.package.version), i))
        .collect();
    let direct_count = nodes.len();
    let mut level: Vec<usize> = (0..nodes.len()).collect();
    while !level.is_empty() {
        let examined: Vec<(Option<Entry>, Option<Collected>)> = level
            .par_iter()
            .map(|&i| {
                let p = nodes[i].package;
                if let Some(entry) = sources.cache.as_ref().and_then(|c| c.get(&nodes[i].key)) {
                    return (Some(entry), None);
                }
                match locator.locate(p) {
                    Location::Found(dir) => (
                        None,
                        Some(collect(p, &dir, None, &plan.root, &plan.sources, policy)),
                    ),
                    Location::NotDownloaded | Location::Refused(_) => (None, None),
                }
            })
            .collect();
        let mut next = Vec::new();
        for (&i, (cached, collected)) in level.iter().zip(examined) {
            let mentions = match (&cached, &collected) {
                (Some(entry), _) => entry.mentions.clone(),
                (None, Some(c)) => mentioned(c),
                (None, None) => Vec::new(),
            };
            if nodes[i].depth < MAX_DEPTH {
                for q in locked
                    .iter()
                    .filter(|q| mentions.contains(&q.name) && learnable(q))
                {
                    let key = (q.name.as_str(), &q.version);
                    let at = match index.get(&key) {
                        Some(&at) => at,
                        None if nodes.len() - direct_count < MAX_INDIRECT => {
                            nodes.push(node(q, nodes[i].depth + 1));
                            index.insert(key, nodes.len() - 1);
                            next.push(nodes.len() - 1);
                            nodes.len() - 1
                        }
                        None => continue,
                    };
                    if !nodes[i].deps.contains(&at) {
                        nodes[i].deps.push(at);
                    }
                }
            }
            let n = &mut nodes[i];
            n.mentions = mentions;
            n.cached = cached;
            n.collected = collected;
        }
        level = next;
    }
    nodes
}

/// The packages of `c`'s lockfile dependencies that its library's code names: `name::`, `use
/// name` or `extern crate name`, by the crate name its manifest gives the dependency (a rename
/// too). A word in a comment counts: reading one package too many costs only time.
fn mentioned(c: &Collected) -> Vec<String> {
    let mut wanted: Vec<(String, String)> = Vec::new();
    for dep in &c.package.dependencies {
        let mut idents = vec![dep.replace('-', "_")];
        if let Some(r) = &c.requests {
            idents.extend(
                r.deps
                    .iter()
                    .filter(|d| &d.package == dep)
                    .map(|d| d.key.replace('-', "_")),
            );
        }
        for ident in idents {
            wanted.push((dep.clone(), ident));
        }
    }
    let mut found: Vec<String> = Vec::new();
    for f in &c.files {
        if wanted.is_empty() {
            break;
        }
        let Ok(text) = c.tree.read_to_string(&f.path) else {
            continue;
        };
        wanted.retain(|(dep, ident)| {
            let named = text.contains(&format!("{ident}::"))
                || text.contains(&format!("use {ident}"))
                || text.contains(&format!("extern crate {ident}"));
            if named && !found.contains(dep) {
                found.push(dep.clone());
            }
            !named
        });
    }
    found.sort();
    found
}

/// Learns one level of packages whose dependencies are learned: each takes its cache entry when
/// that was learned from the same summaries of its dependencies, else is read (once, through
/// one pipeline run for the level) with its dependencies' sinks and verifier types applied.
fn learn_level(
    nodes: &mut [Node<'_>],
    ready: &[usize],
    locator: &Locator,
    sources: &Sources,
    plan: &Plan,
    policy: &tlslint_lints::Policy,
    learned: &mut Learned,
) {
    // What a package teaches depends on the policy it is read under: the floor a version must
    // reach, the sinks the policy declares.
    let policy_part = format!("{:?} {:?}", policy.min_tls_version, policy.sinks);
    let mut to_lint: Vec<(usize, String)> = Vec::new();
    let mut collected: Vec<Collected> = Vec::new();
    for &i in ready {
        let mut deps: Vec<&Node<'_>> = nodes[i]
            .deps
            .iter()
            .filter(|&&d| d != i)
            .map(|&d| &nodes[d])
            .collect();
        deps.sort_by(|a, b| {
            (&a.package.name, &a.package.version).cmp(&(&b.package.name, &b.package.version))
        });
        let inputs = inputs_digest(
            &policy_part,
            deps.iter().map(|d| {
                let summary = d.entry.as_ref().map(summary_digest).unwrap_or_default();
                (
                    d.package.name.as_str(),
                    d.package.version.to_string(),
                    summary,
                )
            }),
        );
        let node = &mut nodes[i];
        if node
            .cached
            .as_ref()
            .is_some_and(|e| e.learned_with == inputs)
        {
            node.entry = node.cached.take();
            learned.cached += 1;
            continue;
        }
        let source = node
            .collected
            .take()
            .or_else(|| match locator.locate(node.package) {
                Location::Found(dir) => Some(collect(
                    node.package,
                    &dir,
                    None,
                    &plan.root,
                    &plan.sources,
                    policy,
                )),
                Location::NotDownloaded | Location::Refused(_) => None,
            });
        match source {
            Some(c) => {
                to_lint.push((i, inputs));
                collected.push(c);
            }
            // Its source is gone since its entry was written: what it taught before stands.
            None => node.entry = node.cached.take(),
        }
    }
    if to_lint.is_empty() {
        return;
    }
    learned.read += to_lint.len();
    let inner: Vec<Vec<DeclaredSink>> = to_lint
        .iter()
        .zip(&collected)
        .map(|((i, _), c)| dependency_sinks(nodes, *i, c))
        .collect();
    let mut dplan = dependency_plan(plan, &collected, policy);
    for (unit, sinks) in dplan.units.iter_mut().zip(&inner) {
        unit.policy.sinks = unit.policy.sinks.with(sinks);
    }
    if inner.iter().any(|s| !s.is_empty()) {
        plan.sources.forget_skipped();
    }
    dplan.learned_verifiers = to_lint
        .iter()
        .flat_map(|(i, _)| nodes[*i].deps.iter().filter(move |&&d| d != *i))
        .filter_map(|&d| nodes[d].entry.as_ref())
        .flat_map(|e| e.verifiers.iter().cloned())
        .collect();
    let outcome = lint(&dplan);
    let mut per_package: Vec<Entry> = vec![Entry::default(); collected.len()];
    for (unit, exposed) in &outcome.exposed {
        let Some(sink) = sink_of(exposed, &collected[*unit], plan, &inner[*unit]) else {
            continue;
        };
        let sinks = &mut per_package[*unit].sinks;
        // Two calls of one function that pass the constant make one sink.
        let same = |s: &DeclaredSink| s.path == sink.path && s.dangerous == sink.dangerous;
        if !sinks
            .iter()
            .any(|s| same(s) && s.field == sink.field && s.arg == sink.arg)
        {
            sinks.push(sink);
        }
    }
    for (unit, sink) in always_sinks(&outcome.files, &collected, plan, &inner) {
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
    for ((i, inputs), mut entry) in to_lint.into_iter().zip(per_package) {
        let node = &mut nodes[i];
        entry.mentions = std::mem::take(&mut node.mentions);
        entry.learned_with = inputs;
        if let Some(cache) = &sources.cache {
            cache.put(&node.key, &entry);
        }
        node.entry = Some(entry);
    }
}

/// The sinks the dependencies of node `i` taught, named by the crate names its manifest gives
/// them (`c` is its source).
fn dependency_sinks(nodes: &[Node<'_>], i: usize, c: &Collected) -> Vec<DeclaredSink> {
    let mut out = Vec::new();
    for &d in nodes[i].deps.iter().filter(|&&d| d != i) {
        let dep = &nodes[d];
        let krate = c
            .requests
            .as_ref()
            .and_then(|r| r.deps.iter().find(|q| q.package == dep.package.name))
            .map_or_else(
                || dep.package.name.replace('-', "_"),
                |q| q.key.replace('-', "_"),
            );
        for sink in dep.entry.iter().flat_map(|e| &e.sinks) {
            let mut sink = sink.clone();
            if let Some(first) = sink.path.first_mut() {
                *first = krate.clone();
            }
            out.push(sink);
        }
    }
    out
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
    inner: &[Vec<DeclaredSink>],
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
            let (setting, via) = chained(setting_name(&text, &d.primary.range), &inner[unit]);
            let at = format!("{}:{line}", package_relative(c, &file.display).display());
            let sink = always_sink(c, function, d.rule, &d.message, (setting, via, at));
            out.push((unit, sink));
        }
    }
    out
}

/// The sink of a public function of `c` that sets a setting on every call: `rule` and
/// `message` are the setting's, `reached` the setting's name, the chain beyond it, and where it
/// is.
fn always_sink(
    c: &Collected,
    function: PublicFunction,
    rule: &'static Rule,
    message: &str,
    (setting, via, at): (String, String, String),
) -> DeclaredSink {
    let mut path = vec![own_crate(c)];
    path.extend(function.owner);
    path.push(function.name);
    DeclaredSink {
        path,
        arg: 0,
        receiver: function.receiver,
        field: false,
        dangerous: DeclaredValue::Always,
        rule,
        source: SinkSource::Learned {
            package: package_label(c),
            setting,
            at,
            message: message.to_string(),
            via,
        },
    }
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

/// The name of the setting at `range` of `text` (`danger_accept_invalid_certs`), the call
/// around it when the range is an argument (`TcpListener::bind(addr)`, for a finding at the value
/// it passes), or a generic phrase when the range is not an identifier (a string literal, a
/// field assignment).
fn setting_name(text: &str, range: &std::ops::Range<usize>) -> String {
    let Some(word) = text
        .get(range.clone())
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_'))
    else {
        return "a TLS setting".to_string();
    };
    match callee_of_argument(text, range.start) {
        Some(callee) => format!("{callee}({word})"),
        None => word.to_string(),
    }
}

/// The path of the function or method called with an argument that starts at `at` (only `&`,
/// `*` or spaces between it and the `(` or `,` before it), when the call's `(` is within a short
/// stretch before it (`TcpListener::bind(&addr)` gives `TcpListener::bind`).
fn callee_of_argument(text: &str, at: usize) -> Option<&str> {
    let before = text
        .get(at.saturating_sub(256)..at)
        .or_else(|| text.get(..at))?;
    let lead = before.trim_end_matches(|c: char| c.is_whitespace() || c == '&' || c == '*');
    if !lead.ends_with(['(', ',']) {
        return None;
    }
    let mut depth = 0usize;
    let mut open = None;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' if depth == 0 => {
                open = Some(i);
                break;
            }
            '(' | '[' | '{' => depth = depth.checked_sub(1)?,
            ';' => return None,
            _ => {}
        }
    }
    let head = before.get(..open?)?;
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .map_or(0, |i| i + 1);
    Some(&head[start..]).filter(|callee| {
        callee
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
    })
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

/// The sink a package's exposed setting makes: its dangerous value, or its range of values (a
/// legacy TLS version and the older ones, an address on every interface, a host that is not
/// loopback, judged by the workspace's own `allowed-cleartext-hosts`); none for a listener
/// address taken by a method.
fn sink_of(
    e: &Exposed,
    c: &Collected,
    plan: &Plan,
    inner: &[DeclaredSink],
) -> Option<DeclaredSink> {
    let text = plan.sources.raw(&e.path)?;
    let line = text.get(..e.range.start)?.matches('\n').count() + 1;
    let file = package_relative(c, &e.path);
    if let ExposedAt::Constant {
        path: call_path,
        range: call,
    } = &e.at
    {
        // The public function around a call that passes the dangerous constant toward the
        // setting, outside a run-time `if` and a `#[cfg]`, sets it on every call.
        let call_text = plan.sources.raw(call_path)?;
        let guards = tlslint_lints::guards(&call_text);
        if guards.runtime_guard_at(call.start).is_some() || !guards.cfgs_at(call.start).is_empty() {
            return None;
        }
        let call_line = call_text.get(..call.start)?.matches('\n').count() + 1;
        let function = public_function_at(&call_text, call_line)?;
        let (setting, via) = chained(setting_name(&text, &e.range), inner);
        let at = format!("{}:{line}", file.display());
        return Some(always_sink(
            c,
            function,
            e.rule,
            &e.message,
            (setting, via, at),
        ));
    }
    let mut path = vec![own_crate(c)];
    let (arg, receiver, field) = match &e.at {
        // A listener's address reaching a method: the receiver may carry a TLS configuration
        // that the summary cannot see (tonic's `Server::builder().tls_config(..)?.serve(addr)`),
        // so only a free function's address is learned; a struct's address field likewise.
        ExposedAt::Parameter(p)
            if matches!(e.dangerous, Dangerous::AllInterfaces) && p.receiver =>
        {
            return None;
        }
        ExposedAt::Field(_) if matches!(e.dangerous, Dangerous::AllInterfaces) => return None,
        ExposedAt::Parameter(p) => {
            path.extend(p.owner.iter().cloned());
            path.push(p.function.clone());
            (p.index, p.receiver, false)
        }
        ExposedAt::Field(f) => {
            path.extend([f.owner.clone(), f.field.clone()]);
            (0, false, true)
        }
        ExposedAt::Constant { .. } => return None,
    };
    let (setting, via) = chained(setting_name(&text, &e.range), inner);
    Some(DeclaredSink {
        path,
        arg,
        receiver,
        field,
        dangerous: declared_value(&e.dangerous)?,
        rule: e.rule,
        source: SinkSource::Learned {
            package: package_label(c),
            setting,
            at: format!("{}:{line}", file.display()),
            message: e.message.clone(),
            via,
        },
    })
}

/// The setting a learned sink reaches, as its note names it, and the rest of the chain: when
/// `setting` is a sink the package learned from one of its dependencies (`allow_insecure` of
/// `acme-http`), that sink's path and where it leads in turn; else `setting` alone.
fn chained(setting: String, inner: &[DeclaredSink]) -> (String, String) {
    let found = inner.iter().find(|s| s.method() == setting);
    let Some((
        sink,
        SinkSource::Learned {
            package,
            setting: next,
            at,
            via,
            ..
        },
    )) = found.map(|s| (s, &s.source))
    else {
        return (setting, String::new());
    };
    let how = if sink.dangerous == DeclaredValue::Always {
        format!("which calls `{next}` itself")
    } else {
        format!("which passes it to `{next}`")
    };
    (
        sink.path.join("::"),
        format!(", {how} ({package}, {at}){via}"),
    )
}

/// The dangerous values of an exposed setting as a declared sink writes them; `None` for values
/// a sink cannot declare (a version constant, a cleartext URL, enum variants). A `None` argument
/// that is dangerous too is left out: a sink judges the values written at its calls.
fn declared_value(dangerous: &Dangerous) -> Option<DeclaredValue> {
    Some(match dangerous {
        Dangerous::Value(Const::Bool(b)) => DeclaredValue::Bool(*b),
        Dangerous::Value(Const::Int(i)) => DeclaredValue::Int(*i),
        Dangerous::Value(Const::Str(s)) => DeclaredValue::Str(s.clone()),
        Dangerous::VersionAtMost(v) => DeclaredValue::VersionAtMost(*v),
        Dangerous::AllInterfaces => DeclaredValue::AllInterfaces,
        Dangerous::HostNotExempt(_) => DeclaredValue::RemoteHost,
        Dangerous::OrNone(inner) => return declared_value(inner),
        Dangerous::Value(Const::Version(_) | Const::Variant(_) | Const::VerifyMode(_))
        | Dangerous::CleartextUrl(..)
        | Dangerous::PeerUnverified
        | Dangerous::Variants(_) => return None,
    })
}
