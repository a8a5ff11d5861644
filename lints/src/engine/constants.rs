//! Constants that cross files: a finding that depends on a `const`/`static` defined in another
//! file of the package waits (a [`Condition::Constant`]) until the package's constants are known.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::cx::Cx;
use crate::diagnostic::{Diagnostic, Label};
use crate::nesting;
use crate::parse;
use crate::policy::Policy;
use crate::source::prelude_len;
use crate::value::{Const, Value};

use crate::facts::{Condition, Deferred};
use crate::report::FileReport;

/// A `const`/`static` with a literal value, as found by [`super::Engine::constants`].
#[derive(Clone, Debug)]
pub struct ConstDef {
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: Const,
    /// The display path of the file that defines it.
    pub path: String,
    /// The byte range of its name.
    pub range: Range<usize>,
}

/// The `const`/`static` items with a literal value in one file (for cross-file resolution).
pub(crate) fn collect(path: &str, text: &str) -> Vec<ConstDef> {
    let defs = nesting::with_stack(|| collect_consts_parsed(path, text));
    proc_macro2::extra::invalidate_current_thread_spans();
    defs
}

fn collect_consts_parsed(path: &str, text: &str) -> Vec<ConstDef> {
    let offset = prelude_len(text);
    let Ok(parsed) = parse::parse(&text[offset..], None) else {
        return Vec::new();
    };
    let policy = Policy::default();
    let cx = Cx::new(path, text, offset, false, &parsed, &policy);
    let mut defs = Vec::new();
    for items in cx.consts.values() {
        for item in items {
            if let Value::Const(value) = cx.resolve(item.expr).value {
                defs.push(ConstDef {
                    name: item.name.to_string(),
                    value,
                    path: path.to_string(),
                    range: cx.range(item.name),
                });
            }
        }
    }
    defs.sort_by(|a, b| (&a.name, a.range.start).cmp(&(&b.name, b.range.start)));
    defs
}

/// The names of the constants that the findings of `reports` wait for.
pub(crate) fn wanted(reports: &[FileReport]) -> BTreeSet<String> {
    reports
        .iter()
        .flat_map(|r| &r.deferred)
        .filter_map(|d| match &d.condition {
            Condition::Constant { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect()
}

/// Settles a finding that waits for a constant (a [`Condition::Constant`]) of the package's
/// file `path`, once the package's constants are known. Deterministic: the first definition in
/// `consts` order wins.
pub(crate) fn settle(d: Deferred, path: &str, consts: &[ConstDef]) -> Option<Diagnostic> {
    let Condition::Constant {
        name,
        dangerous,
        if_unresolved,
    } = d.condition
    else {
        return None;
    };
    match consts.iter().find(|c| c.name == name) {
        Some(def) if dangerous.admits(&def.value) => {
            let mut finding = d.finding;
            finding.secondary.push(Label::seen_from(
                path,
                &def.path,
                def.range.clone(),
                format!("`{}` is defined here", def.name),
            ));
            Some(finding)
        }
        Some(_) => None,
        None => if_unresolved.map(|u| *u),
    }
}
