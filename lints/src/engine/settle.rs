//! The package's one join: every finding deferred on a [`Condition`] is settled here, by the
//! module that knows its kind of condition, once the package's constants, calls and facts are
//! known. A new kind of condition adds an arm here and its own module.

use crate::diagnostic::Diagnostic;
use crate::facts::{CallFact, Condition, Deferred, FieldFact};
use crate::report::FileReport;

use super::constants::{self, ConstDef};
use super::fields::Fields;
use super::package_facts::Established;
use super::parameters::Callers;

/// Settles every deferred finding of the package's `reports`: each stands (as a finding of its
/// file), or falls.
pub(crate) fn settle(
    reports: &mut [FileReport],
    consts: &[ConstDef],
    calls: &[CallFact],
    field_facts: &[FieldFact],
) {
    let mut known = Known {
        consts,
        callers: Callers::new(calls),
        fields: Fields::new(field_facts),
        facts: Established::of(reports),
    };
    for report in reports.iter_mut() {
        for d in std::mem::take(&mut report.deferred) {
            let settled = known.settle_one(d, &report.path);
            report.diagnostics.extend(settled);
        }
    }
}

/// What the package phase learnt of the package.
struct Known<'k> {
    consts: &'k [ConstDef],
    callers: Callers<'k>,
    fields: Fields<'k>,
    facts: Established,
}

impl Known<'_> {
    fn settle_one(&mut self, d: Deferred, path: &str) -> Option<Diagnostic> {
        match &d.condition {
            Condition::Constant { .. } => constants::settle(d, path, self.consts),
            Condition::Parameter { .. } => self.callers.settle(d, path),
            Condition::Field { .. } => self.fields.settle(d, path, &mut self.callers),
            Condition::Without(_) | Condition::With(_) => self.facts.settle(d, path),
        }
    }
}
