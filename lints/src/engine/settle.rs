//! The package's one join: every finding deferred on a [`Condition`] is settled here, by the
//! module that knows its kind of condition, once the package's constants, calls and facts are
//! known. A new kind of condition adds an arm here and its own module.

use crate::diagnostic::Diagnostic;
use crate::facts::{CallFact, Condition, Deferred, FieldFact};
use crate::report::FileReport;

use super::called;
use super::constants::{self, ConstDef};
use super::fields::Fields;
use super::package_facts::Established;
use super::parameters::{Audience, Callers};
use crate::facts::GuardWait;
use crate::verifier::GuardOutcome;

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
        for install in &mut report.verifier_facts.installs {
            if install.guard.is_none()
                && let Some(function) = &install.called_in
            {
                let (at, path) = (&install.range, &report.path);
                let (fields, callers) = (&known.fields, &mut known.callers);
                install.guard = called::install_guard(function, at, path, fields, callers);
            }
            let in_test_code = install.in_test_code;
            if let Some(guard) = &mut install.guard
                && let Some((wait, when)) = &guard.waits
            {
                guard.settled = Some(known.guard_outcome(wait, *when, in_test_code, &report.path));
            }
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
    /// What the package gives the parameter or field that a verifier install's condition reads,
    /// where `when` makes the install run.
    fn guard_outcome(
        &mut self,
        wait: &GuardWait,
        when: bool,
        in_test_code: bool,
        path: &str,
    ) -> GuardOutcome {
        let audience = Audience::of(in_test_code, path);
        let shown = (self.fields).guard_values(wait, when, audience, path, &mut self.callers);
        if !shown.given.is_empty() {
            GuardOutcome::Constant(shown.given)
        } else if shown.runtime.is_some() {
            GuardOutcome::Runtime
        } else {
            GuardOutcome::Never
        }
    }

    fn settle_one(&mut self, d: Deferred, path: &str) -> Option<Diagnostic> {
        match &d.condition {
            Condition::Constant { .. } => constants::settle(d, path, self.consts),
            Condition::Parameter { .. } => self.callers.settle(d, path),
            Condition::CalledUnder { .. } => {
                called::settle(d, path, &self.fields, &mut self.callers)
            }
            Condition::Field { .. } => self.fields.settle(d, path, &mut self.callers),
            Condition::Without(_) | Condition::With(_) => self.facts.settle(d, path),
        }
    }
}
