//! The public function around a line of a file: which function of a dependency a finding is in,
//! so that calling that function can be learned as a sink. Parses the whole file, so it is
//! asked only about files that have findings.

use syn::spanned::Spanned;
use syn::{ImplItem, Item, Visibility};

use crate::source::prelude_len;

/// A public function or method, named as a caller names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicFunction {
    /// The type of the inherent `impl` that defines it (`None` for a free function).
    pub owner: Option<String>,
    /// Its name.
    pub name: String,
    /// Whether it takes `self`.
    pub receiver: bool,
}

/// The `pub` free function, or `pub` method of an inherent `impl`, whose item spans `line`
/// (1-based) of `text`, looking into inline modules; `None` when the line is in no such
/// function or the file does not parse.
pub fn public_function_at(text: &str, line: usize) -> Option<PublicFunction> {
    let parsed = crate::parse::parse(text.get(prelude_len(text)..)?, None).ok()?;
    find(&parsed.file.items, line)
}

fn spans(node: &impl Spanned, line: usize) -> bool {
    let span = node.span();
    span.start().line <= line && line <= span.end().line
}

fn find(items: &[Item], line: usize) -> Option<PublicFunction> {
    let item = items.iter().find(|i| spans(*i, line))?;
    match item {
        Item::Fn(f) if matches!(f.vis, Visibility::Public(_)) => Some(PublicFunction {
            owner: None,
            name: f.sig.ident.to_string(),
            receiver: false,
        }),
        Item::Impl(i) if i.trait_.is_none() => {
            let syn::Type::Path(ty) = &*i.self_ty else {
                return None;
            };
            let owner = ty.path.segments.last()?.ident.to_string();
            i.items.iter().find_map(|item| match item {
                ImplItem::Fn(f) if matches!(f.vis, Visibility::Public(_)) && spans(f, line) => {
                    Some(PublicFunction {
                        owner: Some(owner.clone()),
                        name: f.sig.ident.to_string(),
                        receiver: f.sig.receiver().is_some(),
                    })
                }
                _ => None,
            })
        }
        Item::Mod(m) => find(&m.content.as_ref()?.1, line),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
pub fn insecure() -> u8 {
    1
}
fn private() {}
pub struct Builder;
impl Builder {
    pub fn lenient(self) -> Self {
        self
    }
    fn hidden(&self) {}
}
pub mod inner {
    pub fn nested() {}
}
";

    #[test]
    fn finds_the_public_function_around_a_line() {
        let at = |line| public_function_at(TEXT, line).map(|f| (f.owner, f.name, f.receiver));
        assert_eq!(at(2), Some((None, "insecure".into(), false)));
        assert_eq!(at(4), None);
        assert_eq!(
            at(8),
            Some((Some("Builder".into()), "lenient".into(), true))
        );
        assert_eq!(at(10), None);
        assert_eq!(at(13), Some((None, "nested".into(), false)));
        assert_eq!(at(15), None);
        assert_eq!(public_function_at("fn (", 1), None);
    }
}
