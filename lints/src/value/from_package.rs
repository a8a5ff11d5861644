//! Where a value that is not written in its function comes from, when the package can tell what
//! it is: a parameter of the function (its callers decide), a field of a struct type (the values
//! the package gives it decide) or a constant of another file. A rule that meets such a value
//! defers its finding on the [`Condition`] this names.

use syn::Expr;

use super::binding::parameter_at;
use super::fields::field_at;
use super::resolve::Value;
use super::url::URL_UNCHANGED;
use super::{Dangerous, template};
use crate::cx::{Cx, peel};
use crate::diagnostic::Diagnostic;
use crate::facts::{Condition, FieldOf, Parameter};

/// The package-level source of a value.
pub(crate) enum FromPackage {
    /// A parameter of the function around the value.
    Parameter(Parameter),
    /// A field of a struct type.
    Field(FieldOf),
    /// A `const`/`static` defined in another file of the package.
    Constant(String),
}

impl FromPackage {
    /// Where `e` comes from, when it is a parameter, a field or another file's constant.
    pub(crate) fn of(cx: &Cx<'_>, e: &Expr) -> Option<FromPackage> {
        if let Some(p) = parameter_at(cx, e) {
            return Some(FromPackage::Parameter(p));
        }
        if let Some(f) = field_at(cx, e) {
            return Some(FromPackage::Field(f));
        }
        match cx.resolve(e).value {
            Value::Pending(name) => Some(FromPackage::Constant(name)),
            _ => None,
        }
    }

    /// How the value is named in a label: "the host is `h`, a parameter of `connect`".
    pub(crate) fn describe(&self, what: &str) -> String {
        match self {
            FromPackage::Parameter(p) => {
                format!("{what} is `{}`, a parameter of `{}`", p.name, p.function)
            }
            FromPackage::Field(f) => format!("{what} is the field `{}.{}`", f.owner, f.field),
            FromPackage::Constant(name) => {
                format!("{what} is `{name}`, defined in another file")
            }
        }
    }

    /// The condition: a `dangerous` constant from the package makes the finding; a value decided
    /// at run time, or none, makes `runtime` (when given).
    pub(crate) fn condition(self, dangerous: Dangerous, runtime: Option<Diagnostic>) -> Condition {
        let runtime = runtime.map(Box::new);
        match self {
            FromPackage::Parameter(parameter) => Condition::Parameter {
                parameter,
                dangerous,
                if_runtime: runtime,
            },
            FromPackage::Field(field) => Condition::Field {
                field,
                dangerous,
                if_runtime: runtime,
            },
            FromPackage::Constant(name) => Condition::Constant {
                name,
                dangerous,
                if_unresolved: runtime,
            },
        }
    }
}

/// Where the scheme and host of a URL expression come from: the URL itself, the base of
/// `base.join(…)`, the argument of a conversion (`Url::parse(x)`, `String::from(x)`,
/// `x.parse()`, `x.to_string()`, `x?`), or the first argument of a `format!` whose template
/// starts with it (`format!("{}/users", self.base_url)`), when that is a parameter, a field or
/// another file's constant.
pub(crate) fn url_from_package(cx: &Cx<'_>, e: &Expr) -> Option<FromPackage> {
    url_base(cx, e, 0)
}

fn url_base(cx: &Cx<'_>, e: &Expr, depth: usize) -> Option<FromPackage> {
    const MAX_DEPTH: usize = 8;
    const CONVERT: &[&str] = &["from", "parse", "from_str", "try_from", "from_shared"];
    if depth > MAX_DEPTH {
        return None;
    }
    let e = peel(e);
    match e {
        Expr::Path(_) | Expr::Field(_) => FromPackage::of(cx, e),
        Expr::MethodCall(m) if URL_UNCHANGED.iter().any(|n| m.method == n) => {
            url_base(cx, &m.receiver, depth + 1)
        }
        Expr::Try(t) => url_base(cx, &t.expr, depth + 1),
        Expr::Call(c) if c.args.len() == 1 => {
            let Expr::Path(f) = &*c.func else { return None };
            let converts = f.path.segments.len() >= 2
                && f.path
                    .segments
                    .last()
                    .is_some_and(|s| CONVERT.iter().any(|n| s.ident == n));
            converts
                .then(|| url_base(cx, c.args.first()?, depth + 1))
                .flatten()
        }
        Expr::Macro(m) => {
            template::with_leading_argument(&m.mac, |leading| url_base(cx, leading, depth + 1))
        }
        _ => None,
    }
}
