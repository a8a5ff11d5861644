//! What the package phase reads of the package's files for the findings that wait: the values
//! given to the wanted fields and the calls of the wanted functions. Each may want more of the
//! other (a setter's argument wants its callers; the condition a helper is called under may read
//! a field), so they are gathered in turn; a file is read only when it mentions a wanted name.

use std::collections::BTreeSet;

use crate::facts::{CallFact, FieldFact, FieldOf};
use crate::report::FileReport;

use super::{PackageFile, PackageFiles, called, calls, fields, mentioning, parameters};

/// The values the package gives the fields the findings of `reports` wait for, and the calls of
/// the functions they wait for; `files` are read into `read` when first needed.
pub(crate) fn gather(
    reports: &[FileReport],
    read: &mut Option<Vec<PackageFile>>,
    files: &mut dyn PackageFiles,
) -> (Vec<FieldFact>, Vec<CallFact>) {
    let mut gathered = Gathered::default();
    gathered.fields(fields::wanted(reports), read, files);
    gathered.calls(reports, read, files);
    // The fields that decide the conditions the calls just gathered are made under are known
    // only now; their values may name more callers to gather.
    let more = called::wanted_fields(reports, &gathered.calls);
    if gathered.fields(more, read, files) {
        gathered.calls(reports, read, files);
    }
    (gathered.field_facts, gathered.calls)
}

/// The field values and calls the package phase has gathered, and what it has asked for.
#[derive(Default)]
struct Gathered {
    field_facts: Vec<FieldFact>,
    fields_asked: BTreeSet<FieldOf>,
    calls: Vec<CallFact>,
    calls_asked: BTreeSet<String>,
}

impl Gathered {
    /// Gathers the values the package's files give the fields in `wanted` that were not asked
    /// for yet, following the fields they copy at most [`fields::MAX_FIELD_HOPS`] times; reads
    /// `files` into `read` when first needed. Returns whether any field was asked for.
    fn fields(
        &mut self,
        mut wanted: BTreeSet<FieldOf>,
        read: &mut Option<Vec<PackageFile>>,
        files: &mut dyn PackageFiles,
    ) -> bool {
        wanted.retain(|f| !self.fields_asked.contains(f));
        let asked = !wanted.is_empty();
        for _ in 0..=fields::MAX_FIELD_HOPS {
            if wanted.is_empty() {
                break;
            }
            let files = read.get_or_insert_with(|| files.read());
            let words = fields::loader_words();
            let loaders = fields::loaders(mentioning(files, &words), &wanted, &words);
            let names = fields::names(&wanted);
            let before = self.field_facts.len();
            for file in mentioning(files, &names) {
                (self.field_facts).extend(fields::collect(file, &wanted, &names, &loaders));
            }
            self.fields_asked.append(&mut wanted);
            wanted = fields::copied_from(&self.field_facts[before..], &self.fields_asked);
        }
        asked
    }

    /// Gathers the calls of the functions whose callers the findings of `reports`, the calls and
    /// the field values wait for, at most [`parameters::MAX_HOPS`] callers deep.
    fn calls(
        &mut self,
        reports: &[FileReport],
        read: &mut Option<Vec<PackageFile>>,
        files: &mut dyn PackageFiles,
    ) {
        for _ in 0..=parameters::MAX_HOPS {
            let (functions, waits) = called::wanted(reports, &self.calls);
            let mut wanted = parameters::wanted(reports, &self.calls, &self.field_facts, &waits);
            wanted.extend(functions);
            let names: BTreeSet<String> = wanted.difference(&self.calls_asked).cloned().collect();
            if names.is_empty() {
                break;
            }
            for file in mentioning(read.get_or_insert_with(|| files.read()), &names) {
                self.calls.extend(calls::collect(file, &names));
            }
            self.calls_asked.extend(names);
        }
    }
}
