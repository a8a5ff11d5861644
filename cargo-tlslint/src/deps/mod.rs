//! The dependency audit (`--dependencies`): read `Cargo.lock` (never `cargo metadata` with
//! dependencies, which would run the tree's `rustc-wrapper`), find each locked package's source
//! on disk, lint its library's module tree with every rule (test code excluded), and classify
//! each finding by the condition under which it weakens TLS, joined with the workspace's own
//! findings (which crate *reaches* a run-time toggle) and the features the build enables.

pub mod cfg;
pub mod condition;
pub mod features;
pub mod json;
pub mod learn;
pub mod locate;
pub mod sarif;
pub mod sink_cache;
pub mod summary;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tlslint_lints::{
    Diagnostic, LockedPackage, ManifestRequests, Policy, RuleKind, guards, locked_packages,
    manifest_requests,
};

use crate::pipeline::{Outcome, lint};
use crate::plan::confine::Tree;
use crate::plan::modtree;
use crate::plan::{FileEntry, Plan, Unit, display_path};
use crate::policy::config::DependencyPolicy;
use crate::render::{FileFindings, Text};
use condition::{Class, Condition, Context, Reach, classify};
use features::{Enabled, Node};
use locate::{Location, Locator};

/// One finding in a dependency.
#[derive(Debug)]
pub struct DepFinding {
    /// The finding (level and notes applied).
    pub diagnostic: Diagnostic,
    /// `path:line:col` of its primary label.
    pub at: String,
    /// The display path of its file.
    pub file: String,
    /// The self type of the trait `impl` it sits in, as a byte range of its file.
    pub impl_type: Option<std::ops::Range<usize>>,
    /// Its condition.
    pub condition: Condition,
}

/// What the audit found in one locked package.
#[derive(Debug)]
pub struct DepReport {
    /// The package.
    pub package: LockedPackage,
    /// Its source directory.
    pub dir: PathBuf,
    /// Its findings, strongest first.
    pub findings: Vec<DepFinding>,
    /// The allow-list reason, when the policy accepts the crate.
    pub allowed: Option<String>,
    /// Files that could not be parsed (TLS001).
    pub unparsed: usize,
}

impl DepReport {
    /// The strongest finding.
    pub fn strongest(&self) -> Option<&DepFinding> {
        self.findings.first()
    }
}

/// The audit's result.
#[derive(Debug, Default)]
pub struct Audit {
    /// Packages in the lockfile.
    pub locked: usize,
    /// Packages whose sources were linted.
    pub linted: usize,
    /// Files linted.
    pub files: usize,
    /// Packages with findings, strongest first.
    pub reports: Vec<DepReport>,
    /// Packages whose source is not on disk.
    pub not_downloaded: Vec<LockedPackage>,
    /// Lockfile entries not audited because their name is not a package name (`../x`, `a/b`).
    pub refused: Vec<String>,
    /// The findings as files, for `-v` and the JSON format.
    pub files_with_findings: Vec<(usize, FileFindings)>,
    /// Where each display path is read from, and the index (into `dirs`) of its package.
    pub sources: Vec<(String, PathBuf, usize)>,
    /// The source directory of each linted package (indexed like `files_with_findings`).
    pub dirs: Vec<PathBuf>,
}

impl Audit {
    /// Registers the dependency files that findings' labels point into, each with its package's
    /// tree, so that their text reaches the output only through `sources`.
    pub fn register_sources(&self, wanted: &HashSet<&str>, sources: &crate::store::SourceStore) {
        let wanted_here: HashSet<&str> = self
            .files_with_findings
            .iter()
            .flat_map(|(_, f)| &f.diagnostics)
            .flat_map(|d| &d.secondary)
            .filter_map(|l| l.file.as_deref())
            .chain(wanted.iter().copied())
            .collect();
        for (display, path, pkg) in &self.sources {
            if wanted_here.contains(display.as_str()) {
                sources.locate(display, path, &Tree::new([self.dirs[*pkg].clone()]));
            }
        }
    }

    /// Whether an effective finding of a crate not on the allow-list is at `deny` (or at `warn`
    /// under `-D warnings`), or (under `-D warnings`) a package was not downloaded.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        let effective = self
            .reports
            .iter()
            .filter(|r| r.allowed.is_none())
            .flat_map(|r| &r.findings)
            .filter(|f| f.condition.class.is_effective());
        let mut failing = effective.map(|f| f.diagnostic.level.is_error() || deny_warnings);
        failing.any(|b| b) || (deny_warnings && !self.not_downloaded.is_empty())
    }
}

/// What the audit needs from the run.
pub struct Inputs<'a> {
    /// The workspace plan.
    pub plan: &'a Plan,
    /// The workspace's findings.
    pub workspace: &'a Outcome,
    /// `$CARGO_HOME`.
    pub cargo_home: PathBuf,
    /// `--vendor-dir`, absolute.
    pub vendor_dir: Option<PathBuf>,
    /// The dependency policy.
    pub policy: &'a DependencyPolicy,
}

/// Runs the audit. Errors (no or broken `Cargo.lock`) end the run with exit status 2.
pub fn audit(inputs: &Inputs<'_>) -> anyhow::Result<Audit> {
    let plan = inputs.plan;
    let locked = read_lockfile(plan)?;
    let root_text = plan.tree.read_to_string(&plan.root.join("Cargo.toml")).ok();
    let members = member_requests(plan, root_text.as_deref());
    let member_names: HashSet<&str> = members.iter().map(|(n, _, _)| n.as_str()).collect();
    let mut locator = Locator::new(inputs.cargo_home.clone(), inputs.vendor_dir.clone());
    locator.path_deps = path_dependencies(&members, &plan.root);
    let deps: Vec<&LockedPackage> = locked
        .iter()
        .filter(|p| p.source.is_some() || !member_names.contains(p.name.as_str()))
        .collect();
    let located: Vec<(&LockedPackage, Location)> =
        deps.par_iter().map(|p| (*p, locator.locate(p))).collect();
    let mut audit = Audit {
        locked: deps.len(),
        ..Audit::default()
    };
    let mut found: Vec<(&LockedPackage, PathBuf)> = Vec::new();
    for (p, loc) in located {
        match loc {
            Location::Found(dir) => found.push((p, dir)),
            Location::NotDownloaded if p.source.is_some() => audit.not_downloaded.push(p.clone()),
            Location::NotDownloaded => {}
            Location::Refused(why) => audit.refused.push(why),
        }
    }
    audit.linted = found.len();
    let lint_policy = dependency_lint_policy(plan);
    let collected: Vec<Collected> = found
        .par_iter()
        .map(|(p, dir)| {
            collect(
                p,
                dir,
                root_text.as_deref(),
                &plan.root,
                &plan.sources,
                &lint_policy,
            )
        })
        .collect();
    let enabled = resolve_features(&members, &collected);
    audit.files = collected.iter().map(|c| c.files.len()).sum();
    let outcome = lint(&dependency_plan(plan, &collected, &lint_policy));
    let owner: HashMap<&str, usize> = collected
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.files.iter().map(move |f| (f.display.as_str(), i)))
        .collect();
    let file_cfgs: HashMap<&str, &[String]> = collected
        .iter()
        .flat_map(|c| {
            c.files
                .iter()
                .zip(&c.cfgs)
                .map(|(f, cfgs)| (f.display.as_str(), cfgs.as_slice()))
        })
        .collect();
    let reach = workspace_reach(inputs.workspace, &locked);
    let mut reports: HashMap<usize, DepReport> = HashMap::new();
    for mut file in outcome.files {
        let Some(&pkg) = owner.get(file.display.as_str()) else {
            continue;
        };
        let c = &collected[pkg];
        let report = reports.entry(pkg).or_insert_with(|| DepReport {
            package: c.package.clone(),
            dir: c.dir.clone(),
            findings: Vec::new(),
            allowed: inputs
                .policy
                .allowed(&c.package.name, &c.package.version)
                .map(|a| a.reason.clone()),
            unparsed: 0,
        });
        let text = file
            .text
            .clone()
            .unwrap_or_else(|| std::sync::Arc::new(Text::empty()));
        let file_guards = guards(&text);
        let enabled_fn = |f: &str| enabled.why(members.len() + pkg, f).map(str::to_string);
        let cx = Context {
            text: &text,
            guards: &file_guards,
            file_cfgs: file_cfgs.get(file.display.as_str()).copied().unwrap_or(&[]),
            enabled: &enabled_fn,
            reach: &reach,
            package: &c.package.name,
        };
        report.unparsed += file
            .diagnostics
            .iter()
            .filter(|d| RuleKind::of(d.rule) == RuleKind::Unparsable)
            .count();
        file.diagnostics.retain(|d| {
            !matches!(
                RuleKind::of(d.rule),
                RuleKind::Unparsable | RuleKind::Suppression
            )
        });
        for d in &mut file.diagnostics {
            d.suppressed = None;
            // A dependency's source is not the user's to edit: no fix is offered for it.
            d.fixes.clear();
        }
        for d in &file.diagnostics {
            let lc = text.positions(&d.primary.range).0;
            report.findings.push(DepFinding {
                diagnostic: d.clone(),
                at: format!("{}:{}:{}", file.display, lc.line, lc.col),
                file: file.display.clone(),
                impl_type: file_guards.impl_type_at(d.primary.range.start),
                condition: classify(d, &cx),
            });
        }
        if !file.diagnostics.is_empty() {
            audit.files_with_findings.push((pkg, file));
        }
    }
    audit.dirs = collected.iter().map(|c| c.dir.clone()).collect();
    for (i, c) in collected.iter().enumerate() {
        audit.sources.extend(
            c.files
                .iter()
                .map(|f| (f.display.clone(), f.path.clone(), i)),
        );
    }
    audit.reports = ordered(reports);
    audit
        .files_with_findings
        .sort_by(|a, b| a.1.display.cmp(&b.1.display));
    Ok(audit)
}

/// The workspace's `Cargo.lock`, parsed.
pub(crate) fn read_lockfile(plan: &Plan) -> anyhow::Result<Vec<LockedPackage>> {
    let lock_path = plan.root.join("Cargo.lock");
    let lock_text = plan.tree.read_to_string(&lock_path).map_err(|e| {
        anyhow::anyhow!(
            "cannot read `{}`: {e}; run `cargo generate-lockfile` first",
            lock_path.display()
        )
    })?;
    locked_packages(&lock_text)
        .map_err(|e| anyhow::anyhow!("cannot parse `{}`: {e}", lock_path.display()))
}

/// What each workspace member's manifest asks of its dependencies (`root_text`: the workspace
/// root's manifest, for `workspace = true` entries).
pub(crate) fn member_requests(
    plan: &Plan,
    root_text: Option<&str>,
) -> Vec<(String, PathBuf, ManifestRequests)> {
    plan.units
        .iter()
        .filter_map(|u| {
            let text = u.tree.read_to_string(&u.dir.join("Cargo.toml")).ok()?;
            Some((
                u.name.clone(),
                u.dir.clone(),
                manifest_requests(&text, root_text)?,
            ))
        })
        .collect()
}

/// The dependencies' library files as a plan of their own: one unit per package, in its own
/// tree, under the dependency lint policy.
pub(crate) fn dependency_plan(plan: &Plan, collected: &[Collected], policy: &Policy) -> Plan {
    Plan {
        root: plan.root.clone(),
        units: collected
            .iter()
            .map(|c| Unit {
                name: c.package.name.clone(),
                dir: c.dir.clone(),
                policy: policy.clone(),
                excludes: Default::default(),
                files: c.files.clone(),
                tree: c.tree.clone(),
            })
            .collect(),
        problems: Vec::new(),
        dependencies: DependencyPolicy::default(),
        tree: plan.tree.clone(),
        sources: plan.sources.clone(),
        learned_verifiers: Vec::new(),
    }
}

/// The reports with findings, each's findings strongest first, accepted crates last.
fn ordered(reports: HashMap<usize, DepReport>) -> Vec<DepReport> {
    let mut reports: Vec<DepReport> = reports
        .into_values()
        .filter(|r| !r.findings.is_empty())
        .collect();
    for r in &mut reports {
        inherit_install_conditions(&mut r.findings);
        r.findings.sort_by(|a, b| {
            rank(a).cmp(&rank(b)).then_with(|| {
                (&a.file, a.diagnostic.primary.range.start)
                    .cmp(&(&b.file, b.diagnostic.primary.range.start))
            })
        });
    }
    reports.sort_by(|a, b| {
        let key = |r: &DepReport| (r.allowed.is_some(), r.strongest().map(rank));
        key(a)
            .cmp(&key(b))
            .then_with(|| a.package.name.cmp(&b.package.name))
            .then_with(|| a.package.version.cmp(&b.package.version))
    });
    reports
}

/// A finding at a definition (a verifier type, a callback) that a finding at an install site of
/// the same package points at with a secondary label is in effect only where it is installed:
/// it takes the condition of its strongest install site (unless its own cargo feature is off).
fn inherit_install_conditions(findings: &mut [DepFinding]) {
    let by_label = |site: &DepFinding, def: &DepFinding| {
        site.diagnostic.secondary.iter().any(|l| {
            l.file.as_deref().unwrap_or(&site.file) == def.file
                && overlaps(&l.range, &def.diagnostic.primary.range)
        })
    };
    inherit(findings, &by_label, "installed at");
    let by_impl = |site: &DepFinding, def: &DepFinding| {
        site.file == def.file
            && def
                .impl_type
                .as_ref()
                .is_some_and(|ty| overlaps(ty, &site.diagnostic.primary.range))
    };
    inherit(findings, &by_impl, "in the impl of the type at");
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

/// Gives each finding the condition of the strongest finding that `installs` it.
fn inherit(
    findings: &mut [DepFinding],
    installs: &dyn Fn(&DepFinding, &DepFinding) -> bool,
    how: &str,
) {
    let inherited: Vec<Option<(Condition, String)>> = findings
        .iter()
        .map(|def| {
            if def.condition.class == Class::FeatureDisabled {
                return None;
            }
            findings
                .iter()
                .filter(|site| !std::ptr::eq(*site, def) && installs(site, def))
                .min_by_key(|site| site.condition.class)
                .map(|site| (site.condition.clone(), site.at.clone()))
        })
        .collect();
    for (def, inherited) in findings.iter_mut().zip(inherited) {
        if let Some((condition, at)) = inherited {
            let own = std::mem::take(&mut def.condition.text);
            let mut text = format!("{how} {at}");
            if !condition.text.is_empty() {
                text = format!("{text} {}", condition.text);
            }
            if !own.is_empty() {
                text = format!("{text}; itself {own}");
            }
            def.condition = Condition {
                class: condition.class,
                text,
                features: condition.features,
            };
        }
    }
}

/// The order of findings: condition class, then `deny` before `warn`, then rule code.
fn rank(f: &DepFinding) -> (Class, bool, &'static str) {
    (
        f.condition.class,
        !f.diagnostic.level.is_error(),
        f.diagnostic.rule.code,
    )
}

/// One located package, read: its manifest's requests and its library's files.
pub(crate) struct Collected {
    pub(crate) package: LockedPackage,
    pub(crate) dir: PathBuf,
    tree: Tree,
    requests: Option<ManifestRequests>,
    pub(crate) files: Vec<FileEntry>,
    cfgs: Vec<Vec<String>>,
}

pub(crate) fn collect(
    package: &LockedPackage,
    dir: &Path,
    workspace_manifest: Option<&str>,
    root: &Path,
    store: &crate::store::SourceStore,
    policy: &Policy,
) -> Collected {
    let tree = Tree::new([dir.to_path_buf()]);
    let text = tree.read_to_string(&dir.join("Cargo.toml")).ok();
    let is_path_dep = package.source.is_none();
    let requests = text.as_deref().and_then(|t| {
        manifest_requests(
            t,
            if is_path_dep {
                workspace_manifest
            } else {
                None
            },
        )
    });
    let lib = dir.join(
        requests
            .as_ref()
            .and_then(|r| r.lib_path.clone())
            .unwrap_or_else(|| "src/lib.rs".into()),
    );
    let mut files = Vec::new();
    let mut cfgs = Vec::new();
    if lib.is_file() {
        let display = |p: &Path| display_path(root, p);
        for (path, in_test, file_cfgs) in modtree::walk_with_cfgs(
            &lib,
            &tree,
            store,
            policy,
            &mut HashSet::new(),
            &display,
            &mut Vec::new(),
        ) {
            let is_test_target = in_test
                || file_cfgs
                    .iter()
                    .any(|c| cfg::Pred::parse(c).is_some_and(|p| p.is_test_only()));
            files.push(FileEntry {
                display: display(&path),
                path,
                is_test_target,
                module_unknown: false,
                walked: false,
                force_included: false,
                ..FileEntry::default()
            });
            cfgs.push(file_cfgs);
        }
    }
    Collected {
        package: package.clone(),
        dir: dir.to_path_buf(),
        tree,
        requests,
        files,
        cfgs,
    }
}

fn resolve_features(
    members: &[(String, PathBuf, ManifestRequests)],
    collected: &[Collected],
) -> Enabled {
    let mut nodes: Vec<Node<'_>> = members
        .iter()
        .map(|(name, _, r)| Node {
            name,
            requests: Some(r),
            member: true,
        })
        .collect();
    nodes.extend(collected.iter().map(|c| Node {
        name: &c.package.name,
        requests: c.requests.as_ref(),
        member: false,
    }));
    features::resolve(&nodes)
}

/// The rule levels of the workspace policy (the first selected package's), without test code and
/// without learned sinks (the audit and learning read the dependencies as they are).
pub(crate) fn dependency_lint_policy(plan: &Plan) -> Policy {
    let mut policy = plan
        .units
        .first()
        .map(|u| u.policy.clone())
        .unwrap_or_default();
    policy.include_tests = false;
    policy.sinks = policy.sinks.declared_only();
    policy
}

/// The path dependencies the workspace members declare (and those they declare in turn), by
/// package name. Like every dependency, each is read only from inside its own directory.
fn path_dependencies(
    members: &[(String, PathBuf, ManifestRequests)],
    root: &Path,
) -> HashMap<String, PathBuf> {
    let mut out = HashMap::new();
    let mut queue: Vec<(PathBuf, ManifestRequests)> = members
        .iter()
        .map(|(_, d, r)| (d.clone(), r.clone()))
        .collect();
    let mut seen = HashSet::new();
    while let Some((dir, requests)) = queue.pop() {
        for d in &requests.deps {
            let Some(path) = &d.path else { continue };
            let base = if d.path_from_workspace { root } else { &dir };
            let target = base.join(path);
            if !seen.insert(target.clone()) {
                continue;
            }
            let Some(r) = Tree::new([target.clone()])
                .read_to_string(&target.join("Cargo.toml"))
                .ok()
                .and_then(|t| manifest_requests(&t, None))
            else {
                continue;
            };
            out.insert(
                r.name.clone().unwrap_or_else(|| d.package.clone()),
                target.clone(),
            );
            queue.push((target, r));
        }
    }
    out
}

/// The locked packages a workspace file can reach: those it names as a path root (`name::`, or
/// `use name`, with `-` read as `_`) and, through the lockfile's dependency lists, everything they
/// depend on.
fn reachable_packages(text: &str, locked: &[LockedPackage]) -> HashSet<String> {
    let names = |p: &LockedPackage| {
        let ident = p.name.replace('-', "_");
        text.contains(&format!("{ident}::")) || text.contains(&format!("use {ident}"))
    };
    let mut by_name: HashMap<&str, Vec<&LockedPackage>> = HashMap::new();
    for p in locked {
        by_name.entry(p.name.as_str()).or_default().push(p);
    }
    let mut out: HashSet<String> = HashSet::new();
    let mut stack: Vec<&str> = locked
        .iter()
        .filter(|p| names(p))
        .map(|p| p.name.as_str())
        .collect();
    while let Some(name) = stack.pop() {
        if out.insert(name.to_string()) {
            stack.extend(
                by_name
                    .get(name)
                    .into_iter()
                    .flatten()
                    .flat_map(|p| p.dependencies.iter().map(String::as_str)),
            );
        }
    }
    out
}

/// The workspace's findings that switch a setting with a constant (source findings whose value is
/// not decided at run time), by the setter or field they name.
fn workspace_reach(workspace: &Outcome, locked: &[LockedPackage]) -> Vec<Reach> {
    let mut out = Vec::new();
    for file in &workspace.files {
        let Some(text) = &file.text else { continue };
        let packages = reachable_packages(text, locked);
        for d in file.diagnostics.iter().filter(|d| {
            d.suppressed.is_none()
                && RuleKind::of(d.rule) == RuleKind::Source
                && d.runtime_value.is_none()
        }) {
            let key = condition::last_ident(text.get(d.primary.range.clone()).unwrap_or(""));
            if key.is_empty() {
                continue;
            }
            let lc = text.positions(&d.primary.range).0;
            out.push(Reach {
                key: key.to_string(),
                at: format!("{}:{}:{}", file.display, lc.line, lc.col),
                packages: packages.clone(),
            });
        }
    }
    out
}
