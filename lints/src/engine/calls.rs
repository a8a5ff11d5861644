//! The calls of wanted functions in one file of the package, for the parameter phase.

use std::collections::BTreeSet;

use crate::cx::Cx;
use crate::facts::CallFact;
use crate::nesting;
use crate::parse;
use crate::policy::Policy;
use crate::source::prelude_len;
use crate::value::call_facts;

use super::PackageFile;

/// The calls in `file` of the functions named in `names`, with what each passes.
pub(crate) fn collect(file: &PackageFile, names: &BTreeSet<String>) -> Vec<CallFact> {
    let calls = nesting::with_stack(|| {
        let offset = prelude_len(&file.text);
        let Ok(parsed) = parse::parse(&file.text[offset..], None) else {
            return Vec::new();
        };
        let policy = Policy::default();
        let cx = Cx::new(
            &file.path,
            &file.text,
            offset,
            file.is_test_target,
            &parsed,
            &policy,
        );
        call_facts(&cx, names)
    });
    proc_macro2::extra::invalidate_current_thread_spans();
    calls
}
