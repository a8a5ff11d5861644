//! Where a file sets a public field of a dependency's struct that is a learned sink (a field
//! whose value reaches a setting inside the dependency): struct literals of the struct
//! (`Config { insecure: true, .. }`) and assignments to the field (`config.insecure = true`), in
//! a file that mentions the dependency (a struct of the same name may be the workspace's own).
//! [`crate::toggle::check_declared`] judges the values.

use std::ops::Range;

use syn::{Expr, Member};

use crate::cx::{Cx, peel};
use crate::declared::DeclaredSink;

/// The sites that set `sink`'s field in `cx`'s file: the field's range and the value given.
pub(crate) fn field_sites<'e>(cx: &Cx<'e>, sink: &DeclaredSink) -> Vec<(Range<usize>, &'e Expr)> {
    let name = sink.method();
    let (Some(krate), Some(owner)) = (
        sink.path.first(),
        sink.path
            .len()
            .checked_sub(2)
            .and_then(|i| sink.path.get(i)),
    ) else {
        return Vec::new();
    };
    if !cx.mentions_crate(krate) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for s in &cx.structs {
        if s.path.segments.last().is_none_or(|seg| seg.ident != owner) {
            continue;
        }
        for fv in &s.fields {
            if matches!(&fv.member, Member::Named(m) if m == name) {
                out.push((cx.range(&fv.member), &fv.expr));
            }
        }
    }
    // An assignment's receiver type is not known: the file must name the struct.
    if !cx.mentions_word(owner) {
        return out;
    }
    for a in &cx.assigns {
        let Expr::Field(target) = peel(&a.left) else {
            continue;
        };
        if matches!(&target.member, Member::Named(m) if m == name) {
            out.push((cx.range(&*a.left), &*a.right));
        }
    }
    out
}
