//! Fields across the package: a finding whose value is a field of a struct type (`self.insecure`
//! in `impl Client`, `cfg.insecure` for `cfg: &Config`) waits (a [`Condition::Field`]) until the
//! values the package gives that field are known, then stands or falls by them as a parameter
//! does by its callers: a dangerous constant anywhere makes the constant finding (labelled where
//! it is set); a value decided at run time (a derive that reads it from input, a public field, a
//! setter's argument from a caller, a dangerous constant written by a public method that its
//! callers choose to call) or no value at all makes the run-time finding; safe constants alone
//! make no finding. The same values, shown the same way, decide a condition on a field that a
//! verifier install or the call of a helper is made under ([`Fields::guard_values`]).

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Label};
use crate::facts::{ArgValue, Condition, Deferred, FieldFact, FieldOf, GuardWait};
use crate::report::FileReport;
use crate::value::fields::field_facts;
use crate::value::loaders::{LOADER_WORDS, Loader, loader_of};
use crate::value::{Const, Dangerous};

use super::PackageFile;
use super::calls::with_focused;
use super::parameters::{Audience, Callers, guard_waits};

/// How many of the places that set a dangerous constant are labelled.
const MAX_LABELLED: usize = 8;

/// How many times a field given another field's value (`insecure: self.insecure`) is followed
/// to that field's values.
pub(crate) const MAX_FIELD_HOPS: usize = 4;

/// The fields the findings of `reports` wait for.
pub(crate) fn wanted(reports: &[FileReport]) -> BTreeSet<FieldOf> {
    let guards = reports
        .iter()
        .flat_map(guard_waits)
        .filter_map(|wait| match wait {
            GuardWait::Field(field) => Some(field.clone()),
            GuardWait::Parameter(_) => None,
        });
    reports
        .iter()
        .flat_map(|r| &r.deferred)
        .filter_map(|d| match &d.condition {
            Condition::Field { field, .. } => Some(field.clone()),
            _ => None,
        })
        .chain(guards)
        .collect()
}

/// The names of the wanted fields: an item that gives one a value names it (a type's name is far
/// more common than its fields').
pub(crate) fn names(wanted: &BTreeSet<FieldOf>) -> BTreeSet<String> {
    wanted.iter().map(|f| f.field.clone()).collect()
}

/// The words of the calls that load a deserialized struct from a named source.
pub(crate) fn loader_words() -> BTreeSet<String> {
    LOADER_WORDS.iter().map(|w| (*w).to_string()).collect()
}

/// The calls of `files` that load a struct whose fields are `wanted`, by the struct's name (the
/// first file in order wins); only their items that name a loader word are parsed.
pub(crate) fn loaders<'f>(
    files: impl Iterator<Item = &'f PackageFile>,
    wanted: &BTreeSet<FieldOf>,
    words: &BTreeSet<String>,
) -> BTreeMap<String, Loader> {
    let owners: BTreeSet<&str> = wanted.iter().map(|f| f.owner.as_str()).collect();
    let mut out = BTreeMap::new();
    for file in files {
        let found = with_focused(file, words, |cx| {
            owners
                .iter()
                .filter_map(|owner| loader_of(cx, owner).map(|l| (owner.to_string(), l)))
                .collect::<Vec<_>>()
        });
        for (owner, loader) in found.into_iter().flatten() {
            out.entry(owner).or_insert(loader);
        }
    }
    out
}

/// The fields whose values `facts` copy and that are not in `asked` yet: the package phase
/// collects their values too, at most [`MAX_FIELD_HOPS`] times.
pub(crate) fn copied_from(facts: &[FieldFact], asked: &BTreeSet<FieldOf>) -> BTreeSet<FieldOf> {
    facts
        .iter()
        .filter_map(|f| match &f.value {
            ArgValue::Field(source) if !asked.contains(source) => Some(source.clone()),
            _ => None,
        })
        .collect()
}

/// The values `file` gives the fields in `wanted` (only its items naming a wanted field are
/// parsed), their origins named by the package's `loaders`.
pub(crate) fn collect(
    file: &PackageFile,
    wanted: &BTreeSet<FieldOf>,
    names: &BTreeSet<String>,
    loaders: &BTreeMap<String, Loader>,
) -> Vec<FieldFact> {
    with_focused(file, names, |cx| field_facts(cx, wanted, loaders)).unwrap_or_default()
}

/// What the package gives a field, as [`Fields::values_of`] finds it.
struct FieldValues<'f> {
    /// Where it is given the dangerous value.
    pub dangerous_at: Vec<Label>,
    /// The first value decided at run time, and its origin.
    pub runtime: Option<(&'f FieldFact, String)>,
    /// Whether the package gives it no value at all.
    pub unset: bool,
}

/// The package's field values, by field.
pub(crate) struct Fields<'f> {
    by_field: BTreeMap<&'f FieldOf, Vec<&'f FieldFact>>,
}

impl<'f> Fields<'f> {
    /// Indexes `facts` by field.
    pub(crate) fn new(facts: &'f [FieldFact]) -> Fields<'f> {
        let mut by_field: BTreeMap<&FieldOf, Vec<&FieldFact>> = BTreeMap::new();
        for f in facts {
            by_field.entry(&f.field).or_default().push(f);
        }
        Fields { by_field }
    }

    /// The values the package gives `field` that `audience` admits, for a finding of the file
    /// `path`: labels where it is given `dangerous`, the first value decided at run time with
    /// its origin, and whether it is given any value at all. A setter's argument is followed to
    /// the setter's callers through `callers`.
    fn values_of(
        &self,
        field: &FieldOf,
        dangerous: &Dangerous,
        audience: Audience,
        path: &str,
        callers: &mut Callers<'_>,
    ) -> FieldValues<'f> {
        self.values_within(field, dangerous, audience, path, callers, MAX_FIELD_HOPS)
    }

    /// [`Fields::values_of`], following a field given another field's value at most `hops` times.
    fn values_within(
        &self,
        field: &FieldOf,
        dangerous: &Dangerous,
        audience: Audience,
        path: &str,
        callers: &mut Callers<'_>,
        hops: usize,
    ) -> FieldValues<'f> {
        let label = |fact: &FieldFact, text: String| {
            Label::seen_from(path, &fact.path, fact.range.clone(), text)
        };
        let facts: Vec<&FieldFact> = self
            .by_field
            .get(field)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|f| audience.admits(&f.path, f.in_test_code))
                    .collect()
            })
            .unwrap_or_default();
        let shown = format!("`{}.{}`", field.owner, field.field);
        let mut dangerous_at = Vec::new();
        let mut runtime = None;
        // That code outside the package can set a public field is named only when nothing
        // inside the package names where the value comes from, a value not followed last.
        let mut public = None;
        let mut unknown = None;
        for fact in &facts {
            match &fact.value {
                ArgValue::Const(c) if dangerous.admits(c) => match &fact.opt_in {
                    Some(method) => {
                        runtime.get_or_insert((
                            *fact,
                            format!(
                                "the public method `{method}` sets it to {}, so its callers decide",
                                crate::value::const_shown(c)
                            ),
                        ));
                    }
                    None => dangerous_at.push(label(
                        fact,
                        format!("{shown} is set to {} here", crate::value::const_shown(c)),
                    )),
                },
                ArgValue::Absent if dangerous.admits_none() => {
                    dangerous_at.push(label(fact, format!("{shown} is set to `None` here")))
                }
                ArgValue::Const(_) | ArgValue::Absent => {}
                ArgValue::Chosen(options, _) if !options.iter().any(|c| dangerous.admits(c)) => {}
                ArgValue::Runtime(origin) | ArgValue::Chosen(_, origin) if fact.public => {
                    public.get_or_insert((*fact, origin.clone()));
                }
                ArgValue::Runtime(origin) | ArgValue::Chosen(_, origin) => {
                    runtime.get_or_insert((*fact, origin.clone()));
                }
                ArgValue::Unknown => {
                    unknown.get_or_insert((*fact, "a value this analysis cannot follow".into()));
                }
                ArgValue::Parameter(p) => {
                    let (from_callers, decided) = callers.values_of(p, audience, dangerous, path);
                    dangerous_at.extend(from_callers);
                    if let Some(origin) = decided {
                        runtime.get_or_insert((*fact, origin));
                    }
                }
                ArgValue::Field(source) => {
                    let copied = format!("it is copied from `{}.{}`", source.owner, source.field);
                    let Some(hops) = hops.checked_sub(1).filter(|_| source != field) else {
                        runtime.get_or_insert((*fact, copied));
                        continue;
                    };
                    let from = self.values_within(source, dangerous, audience, path, callers, hops);
                    dangerous_at.extend(from.dangerous_at);
                    if let Some((_, origin)) = from.runtime {
                        runtime.get_or_insert((*fact, format!("{copied}; {origin}")));
                    } else if from.unset {
                        runtime.get_or_insert((*fact, copied));
                    }
                }
            }
        }
        // Two copies of one field (`insecure: config.insecure` in two literals) label it once.
        let mut seen = Vec::new();
        dangerous_at.retain(|l| {
            let fresh = !seen.contains(&(l.file.clone(), l.range.clone()));
            seen.push((l.file.clone(), l.range.clone()));
            fresh
        });
        FieldValues {
            dangerous_at,
            runtime: runtime.or(public).or(unknown),
            unset: facts.is_empty(),
        }
    }

    /// How a finding of the file `path` shows the values the package gives `field` that
    /// `audience` admits: labels where it is given `dangerous` (with the note that counts them),
    /// else the value decided at run time (labelled where it is given, its origin noted) or no
    /// value at all.
    fn shown_values(
        &self,
        field: &FieldOf,
        dangerous: &Dangerous,
        audience: Audience,
        path: &str,
        callers: &mut Callers<'_>,
    ) -> Shown {
        let shown = format!("`{}.{}`", field.owner, field.field);
        let FieldValues {
            dangerous_at,
            runtime,
            unset,
        } = self.values_of(field, dangerous, audience, path, callers);
        let count = dangerous_at.len();
        let note = (count > 0).then(|| {
            format!(
                "{shown} is given {} in {count} place{}",
                dangerous.shown(),
                if count == 1 { "" } else { "s" }
            )
        });
        let runtime = match runtime {
            Some((fact, origin)) => Some(RunTime {
                label: Some(Label::seen_from(
                    path,
                    &fact.path,
                    fact.range.clone(),
                    format!("{shown} gets a value decided at run time here"),
                )),
                note: Some(format!("{shown} gets its value at run time: {origin}")),
            }),
            None => unset.then_some(RunTime::default()),
        };
        Shown {
            given: dangerous_at.into_iter().take(MAX_LABELLED).collect(),
            given_note: note,
            runtime,
        }
    }

    /// How a finding of the file `path` shows the values the package gives the parameter or
    /// field a condition reads, where `when` makes the condition true.
    pub(crate) fn guard_values(
        &self,
        wait: &GuardWait,
        when: bool,
        audience: Audience,
        path: &str,
        callers: &mut Callers<'_>,
    ) -> Shown {
        let dangerous = Dangerous::Value(Const::Bool(when));
        match wait {
            GuardWait::Parameter(p) => {
                let (given, origin) = callers.values_of(p, audience, &dangerous, path);
                Shown {
                    given,
                    given_note: None,
                    runtime: origin.map(|_| RunTime::default()),
                }
            }
            GuardWait::Field(field) => {
                self.shown_values(field, &dangerous, audience, path, callers)
            }
        }
    }

    /// Settles a finding of the file `path` that waits for a field's values; a setter's
    /// argument is followed to the setter's callers through `callers`.
    pub(crate) fn settle(
        &self,
        d: Deferred,
        path: &str,
        callers: &mut Callers<'_>,
    ) -> Option<Diagnostic> {
        let Condition::Field {
            field,
            dangerous,
            if_runtime,
        } = d.condition
        else {
            return None;
        };
        let audience = Audience::of(d.finding.in_test_code, path);
        let shown = self.shown_values(&field, &dangerous, audience, path, callers);
        if !shown.given.is_empty() {
            let mut finding = d.finding;
            finding.secondary.extend(shown.given);
            finding.notes.splice(0..0, shown.given_note);
            return Some(finding);
        }
        let runtime = shown.runtime?;
        let mut finding = *if_runtime?;
        finding.secondary.extend(runtime.label);
        finding.notes.extend(runtime.note);
        Some(finding)
    }
}

/// What the package gives a parameter or a field, as a finding shows it.
pub(crate) struct Shown {
    /// Where it is given the dangerous value (at most [`MAX_LABELLED`] places of a field).
    pub given: Vec<Label>,
    /// The note that counts the places a field is given the dangerous value.
    pub given_note: Option<String>,
    /// Otherwise, a value decided at run time (or, for a field, no value at all).
    pub runtime: Option<RunTime>,
}

/// A value decided at run time that reaches a parameter or a field (or a field given no value),
/// as a finding shows it.
#[derive(Default)]
pub(crate) struct RunTime {
    /// Where a field is given it.
    pub label: Option<Label>,
    /// The note naming a field's origin.
    pub note: Option<String>,
}
