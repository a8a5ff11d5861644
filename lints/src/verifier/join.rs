//! The crate-level join: each install site meets the verdict on the type it installs, wherever
//! in the workspace that type is implemented. Deterministic: facts are sorted by file and offset,
//! and ties between same-named types are broken by the closest module path, then by that order.

use std::collections::HashMap;

use super::{
    ExternalVerifier, GuardOutcome, HelperFact, InstallFact, InstallTarget, Rules, Side, Verdict,
    VerifierFact, VerifierFacts, Wording, wording,
};
use crate::diagnostic::{Diagnostic, Label};
use crate::rule::Level;

/// Verifier types from well-known crates that verify (rustls's own, the platform verifier).
const KNOWN_VERIFIERS: &[&str] = &[
    "WebPkiServerVerifier",
    "WebPkiVerifier",
    "WebPKIVerifier",
    "WebPkiClientVerifier",
    "AllowAnyAuthenticatedClient",
    "AllowAnyAnonymousOrAuthenticatedClient",
    "NoClientAuth",
];

/// One file's part in the verifier join: its display path, its facts, and where its findings go.
pub(crate) struct JoinFile<'a> {
    /// The file's display path.
    pub path: &'a str,
    /// Its verifier facts.
    pub facts: &'a VerifierFacts,
    /// Its findings.
    pub out: &'a mut Vec<Diagnostic>,
}

/// Reports every install of a verifier that does not verify (at the install site, pointing at
/// the impl, or naming the dependency that defines it when it is one of `learned`), and every
/// install of a type defined outside the linted files and not learned (TLS114). `files` are all
/// the files of the run, across workspace members.
pub(crate) fn join_verifiers(files: &mut [JoinFile<'_>], learned: &[ExternalVerifier]) {
    let mut verifiers: Vec<VerifierFact> = files
        .iter()
        .flat_map(|f| f.facts.verifiers.iter().cloned())
        .collect();
    verifiers.sort_by(|a, b| (&a.path, a.range.start).cmp(&(&b.path, b.range.start)));
    let mut helpers: Vec<HelperFact> = files
        .iter()
        .flat_map(|f| f.facts.helpers.iter().cloned())
        .collect();
    helpers.sort_by(|a, b| (&a.path, &a.name).cmp(&(&b.path, &b.name)));
    let verifiers = by_name(&verifiers, |v| &v.name);
    let helpers = by_name(&helpers, |h| &h.name);
    let mut installed: HashMap<(String, usize), bool> = HashMap::new();
    for file in files.iter_mut() {
        let Some(rules) = file.facts.rules else {
            continue;
        };
        for install in &file.facts.installs {
            let settled = install.guard.as_ref().and_then(|g| g.settled.as_ref());
            if matches!(settled, Some(GuardOutcome::Never)) {
                continue;
            }
            let choices: Vec<Vec<String>> = file
                .facts
                .installs
                .iter()
                .filter(|other| other.range == install.range)
                .flat_map(|other| installed_types(other, file.path, &helpers))
                .collect();
            let between = choices.len() > 1
                && choices
                    .iter()
                    .any(|t| verifies(t, install.side, &verifiers));
            let choice = if between {
                Some(Choice::AtRunTime)
            } else {
                install
                    .guard
                    .as_ref()
                    .filter(|_| !matches!(settled, Some(GuardOutcome::Constant(_))))
                    .map(|_| Choice::Guarded)
            };
            for ty in installed_types(install, file.path, &helpers) {
                let found_impl = candidate(install, file.path, &ty, &verifiers);
                if let Some(v) = found_impl
                    && !install.in_test_code
                {
                    let only_chosen = installed
                        .entry((v.path.clone(), v.range.start))
                        .or_insert(true);
                    *only_chosen &= choice.is_some();
                }
                let in_workspace = ty.last().and_then(|n| verifiers.get(n.as_str())).is_some();
                let at_install = || {
                    install_finding(
                        rules,
                        install,
                        file.path,
                        &ty,
                        found_impl,
                        in_workspace,
                        choice,
                    )
                };
                let found = if in_workspace {
                    at_install()
                } else {
                    learned_finding(rules, install, &ty, learned, choice).or_else(at_install)
                };
                if let Some(d) = found {
                    file.out.push(d);
                }
            }
        }
    }
    for file in files.iter_mut() {
        let Some(rules) = file.facts.rules else {
            continue;
        };
        for v in &file.facts.verifiers {
            if installed.get(&(v.path.clone(), v.range.start)) == Some(&true) {
                grade_impl(rules, v, file.out);
            }
        }
    }
}

/// Grades the impl finding of a verifier that accepts everything and that the run installs
/// only where a run-time choice picks it over one that verifies: a run-time switch.
fn grade_impl(rules: &Rules, v: &VerifierFact, out: &mut [Diagnostic]) {
    let (Some(was), Some((now, _))) = (
        wording(rules, v.side, v.verdict),
        graded(rules, v.side, v.verdict, Some(Choice::AtRunTime)),
    ) else {
        return;
    };
    if was.impl_message == now.impl_message {
        return;
    }
    for d in out
        .iter_mut()
        .filter(|d| d.primary.range == v.range && d.message == was.impl_message)
    {
        d.rule = now.rule;
        d.level = now.level;
        d.message = now.impl_message.to_string();
        d.notes.insert(
            0,
            "it is installed only where a choice made at run time picks it".to_string(),
        );
    }
}

/// How a run-time choice decides whether an install site's verifier is used.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    /// It is one of several chosen at run time (an `if` or `match` in the argument or in the
    /// helper that builds it), another of which verifies.
    AtRunTime,
    /// The install itself runs only under a condition decided at run time; otherwise the
    /// verifier the config was built with stays.
    Guarded,
}

/// Whether `ty` is known to verify: rustls's and the platform's verifiers (not `NoClientAuth`,
/// which asks for no certificate at all), or an impl of the run on `side` whose verdict is that
/// it verifies.
fn verifies(ty: &[String], side: Side, verifiers: &HashMap<&str, Vec<&VerifierFact>>) -> bool {
    let Some(name) = ty.last().filter(|n| *n != "NoClientAuth") else {
        return false;
    };
    KNOWN_VERIFIERS.contains(&name.as_str())
        || ty.iter().any(|s| s == "rustls_platform_verifier")
        || verifiers.get(name.as_str()).is_some_and(|vs| {
            vs.iter()
                .any(|v| v.side == side && v.verdict == Verdict::Verifies)
        })
}

/// How an install (or the impl it installs) of a verifier with `verdict` is reported, and whether
/// a run-time choice graded it: a verifier that accepts everything, or one that ignores the
/// server name, installed on only some of the paths a run-time choice takes, is a run-time switch
/// (the same rule, at `warn`).
fn graded(
    rules: &Rules,
    side: Side,
    verdict: Verdict,
    choice: Option<Choice>,
) -> Option<(Wording, bool)> {
    let w = match (verdict, choice) {
        (Verdict::AcceptsAll, Some(_)) => wording(rules, side, Verdict::RuntimeControlled)?,
        (Verdict::IgnoresHostname, Some(_)) => Wording {
            level: Level::Warn,
            impl_message: "certificate verifier that ignores the server name is chosen at run time",
            install_message: "a certificate verifier that ignores the server name can be installed at run time",
            label: "accepts a valid certificate issued for any host when a run-time setting says so",
            ..wording(rules, side, verdict)?
        },
        _ => return wording(rules, side, verdict).map(|w| (w, false)),
    };
    Some((w, true))
}

/// The note of an install whose verifier is chosen at run time.
const CHOSEN_AT_RUN_TIME: &str =
    "the verifier is chosen at run time: another path installs one that verifies";
/// Facts grouped by name, each group in the order of `facts`, so that an install site looks up
/// its candidates instead of scanning every fact of the run.
fn by_name<T>(facts: &[T], name: impl Fn(&T) -> &str) -> HashMap<&str, Vec<&T>> {
    let mut map: HashMap<&str, Vec<&T>> = HashMap::new();
    for fact in facts {
        map.entry(name(fact)).or_default().push(fact);
    }
    map
}

/// The types an install site installs: its own, or those its helper function returns (the
/// helpers of the same file first, else those of the first file that defines one of that name).
fn installed_types(
    install: &InstallFact,
    path: &str,
    helpers: &HashMap<&str, Vec<&HelperFact>>,
) -> Vec<Vec<String>> {
    match &install.target {
        InstallTarget::Type(t) => vec![t.clone()],
        InstallTarget::Helper(name) => {
            let named: &[&HelperFact] = helpers.get(name.as_str()).map_or(&[], Vec::as_slice);
            let from = if named.iter().any(|h| h.path == path) {
                Some(path)
            } else {
                named.first().map(|h| h.path.as_str())
            };
            named
                .iter()
                .filter(|h| Some(h.path.as_str()) == from)
                .map(|h| h.target.clone())
                .collect()
        }
    }
}

/// The finding at an install of `ty` in the file at `path`, whose impl in the run is `found` (by
/// [`candidate`]); for none, TLS114 unless the run implements a type of that name for the other
/// side (`named`) or the type is a known verifier.
fn install_finding(
    rules: &Rules,
    install: &InstallFact,
    path: &str,
    ty: &[String],
    found: Option<&VerifierFact>,
    named: bool,
    choice: Option<Choice>,
) -> Option<Diagnostic> {
    let name = ty.last()?;
    let mut d = match found {
        Some(v) => {
            let (w, was_graded) = graded(rules, v.side, v.verdict, choice)?;
            let mut d = Diagnostic::new(w.rule, w.install_message, install.range.clone())
                .with_level(w.level)
                .label(format!("`{name}` {}", w.label))
                .secondary(install.arg.clone(), "installed here")
                .note(w.why)
                .help(w.help);
            note_choice(&mut d, install, was_graded, choice);
            if v.path != path {
                d.notes.insert(
                    0,
                    format!("`{name}` is implemented at {}:{}", v.path, v.line),
                );
            }
            d.secondary.push(Label::seen_from(
                path,
                &v.path,
                v.range.clone(),
                format!("`{name}` is implemented here"),
            ));
            d
        }
        None => {
            let external = ty.iter().any(|s| s == "rustls_platform_verifier")
                || KNOWN_VERIFIERS.contains(&name.as_str());
            if external || named {
                return None;
            }
            Diagnostic::new(rules.unanalysed, "custom certificate verifier not analysed", install.range.clone())
                .label(format!("`{}` is not implemented in the linted files", ty.join("::")))
                .note("a verifier defined outside the workspace cannot be checked for accepting every certificate")
                .help("review that the verifier checks both the chain and the server name, or use `WebPkiServerVerifier` or `rustls_platform_verifier::Verifier`")
        }
    };
    d.in_test_code = install.in_test_code;
    Some(d)
}

/// The finding at an install of a type that a dependency defines and `learned` says does not
/// verify: the type's path starts with the dependency's crate name, and its side matches.
fn learned_finding(
    rules: &Rules,
    install: &InstallFact,
    ty: &[String],
    learned: &[ExternalVerifier],
    choice: Option<Choice>,
) -> Option<Diagnostic> {
    let (krate, name) = (ty.first()?, ty.last()?);
    let v = learned
        .iter()
        .find(|v| &v.krate == krate && &v.name == name && v.side == install.side)?;
    let (w, was_graded) = graded(rules, v.side, v.verdict, choice)?;
    let mut d = Diagnostic::new(w.rule, w.install_message, install.range.clone())
        .with_level(w.level)
        .label(format!("`{name}` {}", w.label))
        .secondary(install.arg.clone(), "installed here")
        .note(match &v.declared_in {
            Some(place) => format!(
                "`{}` is declared in the policy ({place}) as a verifier that does not verify",
                ty.join("::")
            ),
            None => format!(
                "`{name}` is implemented in {} at {} (learned from its source; `--no-learn` turns learning off)",
                v.package, v.at
            ),
        })
        .note(w.why)
        .help(w.help);
    note_choice(&mut d, install, was_graded, choice);
    d.in_test_code = install.in_test_code;
    Some(d)
}

/// Says why an install's verdict was graded as a run-time switch (when `graded`): the choice
/// between verifiers, or the condition a guarded install runs under and where it comes from; or,
/// for a condition the package always makes true, where the package gives it that value.
fn note_choice(d: &mut Diagnostic, install: &InstallFact, graded: bool, choice: Option<Choice>) {
    if let Some(guard) = &install.guard
        && let Some(GuardOutcome::Constant(given)) = &guard.settled
    {
        d.secondary.push(Label {
            file: guard.file.clone(),
            range: guard.range.clone(),
            text: format!("installed only {}", guard.when),
        });
        d.secondary.extend(given.iter().cloned());
        return;
    }
    if !graded {
        return;
    }
    match (choice, &install.guard) {
        (Some(Choice::Guarded), Some(guard)) => {
            d.notes.insert(
                0,
                format!(
                    "{}; the verifier is installed only {}, otherwise the config keeps the one it was built with",
                    guard.origin, guard.when
                ),
            );
            d.secondary.push(Label {
                file: guard.file.clone(),
                range: guard.range.clone(),
                text: format!("installed only {}", guard.when),
            });
            d.secondary.extend(guard.calls.iter().cloned());
        }
        (Some(_), _) => d.notes.insert(0, CHOSEN_AT_RUN_TIME.to_string()),
        (None, _) => {}
    }
}

/// The workspace impl an install of `ty` installs: of those of its name and side, the closest.
fn candidate<'v>(
    install: &InstallFact,
    path: &str,
    ty: &[String],
    verifiers: &HashMap<&str, Vec<&'v VerifierFact>>,
) -> Option<&'v VerifierFact> {
    let named: &[&VerifierFact] = verifiers
        .get(ty.last()?.as_str())
        .map_or(&[], Vec::as_slice);
    let candidates: Vec<&VerifierFact> = named
        .iter()
        .copied()
        .filter(|v| v.side == install.side)
        .collect();
    closest(&candidates, path, ty)
}

/// The candidate in the same file, else the one whose file path shares most module names with
/// the installed type's path, else the first.
fn closest<'v>(
    candidates: &[&'v VerifierFact],
    path: &str,
    ty: &[String],
) -> Option<&'v VerifierFact> {
    if let Some(same) = candidates.iter().find(|v| v.path == path) {
        return Some(same);
    }
    let modules: Vec<&str> = ty[..ty.len().saturating_sub(1)]
        .iter()
        .map(String::as_str)
        .filter(|s| !matches!(*s, "crate" | "self" | "super"))
        .collect();
    let score = |v: &VerifierFact| {
        v.path
            .split(['/', '\\'])
            .map(|c| c.trim_end_matches(".rs").replace('-', "_"))
            .filter(|c| modules.contains(&c.as_str()))
            .count()
    };
    let mut best: Option<&VerifierFact> = None;
    for v in candidates {
        if best.is_none_or(|b| score(v) > score(b)) {
            best = Some(v);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verifier::{Side, Verdict};

    fn fact(path: &str, verdict: Verdict) -> VerifierFact {
        VerifierFact {
            name: "V".into(),
            side: Side::Server,
            verdict,
            path: path.into(),
            range: 0..1,
            line: 1,
            in_test_code: false,
        }
    }

    #[test]
    fn closest_prefers_same_file_then_module_path_then_order() {
        let a = fact("a/src/tls.rs", Verdict::Verifies);
        let b = fact("b/src/net/verifier.rs", Verdict::AcceptsAll);
        let both = [&a, &b];
        let ty: Vec<String> = ["crate", "net", "verifier", "V"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            closest(&both, "a/src/tls.rs", &ty).map(|v| v.path.as_str()),
            Some("a/src/tls.rs")
        );
        assert_eq!(
            closest(&both, "b/src/client.rs", &ty).map(|v| v.path.as_str()),
            Some("b/src/net/verifier.rs")
        );
        assert_eq!(
            closest(&both, "c/src/lib.rs", &["V".to_string()]).map(|v| v.path.as_str()),
            Some("a/src/tls.rs")
        );
    }
}
