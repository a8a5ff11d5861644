//! Enum variants written as paths (`Mode::Insecure`, `Self::Insecure`): what a caller passes, an
//! arm matches or a comparison names when a setting is chosen by a variant.

use syn::Expr;

use crate::cx::peel;

/// The variant a qualified path names (`TlsMode::Insecure`, `Self::Insecure`): its last segment,
/// when it is written in `UpperCamelCase`.
pub(crate) fn variant_name(e: &Expr) -> Option<String> {
    let Expr::Path(p) = peel(e) else {
        return None;
    };
    variant_of_path(&p.path)
}

/// The variant a path of at least two segments names, by [`variant_name`]'s rule.
pub(crate) fn variant_of_path(path: &syn::Path) -> Option<String> {
    let last = path.segments.last()?.ident.to_string();
    let camel = last.starts_with(|c: char| c.is_ascii_uppercase())
        && last.bytes().any(|b| b.is_ascii_lowercase());
    (path.segments.len() >= 2 && camel).then_some(last)
}
