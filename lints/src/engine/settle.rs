//! The package's one join: every finding deferred on a [`Condition`] is settled here, by the
//! module that knows its kind of condition, once the package's constants, calls and facts are
//! known. A new kind of condition adds an arm here and its own module.

use crate::diagnostic::Diagnostic;
use crate::facts::{CallFact, Condition, Deferred};
use crate::report::FileReport;

use super::constants::{self, ConstDef};
use super::package_facts::Established;
use super::parameters::Callers;

/// Settles every deferred finding of the package's `reports`: each stands (as a finding of its
/// file), or falls.
pub(crate) fn settle(reports: &mut [FileReport], consts: &[ConstDef], calls: &[CallFact]) {
    let facts = Established::of(reports);
    let mut callers = Callers::new(calls);
    for report in reports.iter_mut() {
        for d in std::mem::take(&mut report.deferred) {
            let settled = settle_one(d, &report.path, consts, &mut callers, &facts);
            report.diagnostics.extend(settled);
        }
    }
}

fn settle_one(
    d: Deferred,
    path: &str,
    consts: &[ConstDef],
    callers: &mut Callers<'_>,
    facts: &Established,
) -> Option<Diagnostic> {
    match &d.condition {
        Condition::Constant { .. } => constants::settle(d, path, consts),
        Condition::Parameter { .. } => callers.settle(d, path),
        Condition::Without(_) | Condition::With(_) => facts.settle(d, path),
    }
}
