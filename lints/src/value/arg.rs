//! What an argument (or any value expression) passes, as the package phase keeps it: the value
//! of a call's argument and of a field's write.

use syn::Expr;

use super::address::listening_address;
use super::binding::parameter_at;
use super::resolve::{Const, Value};
use super::variant::variant_name;
use crate::cx::Cx;
use crate::facts::ArgValue;

/// What an argument (or any value expression) passes. An address that listens on every
/// interface is that constant however it is built (`SocketAddr::from(([0, 0, 0, 0], port))`).
pub(crate) fn arg_value(cx: &Cx<'_>, arg: &Expr) -> ArgValue {
    if super::option::is_none(cx, arg) {
        return ArgValue::Absent;
    }
    let value = cx.resolve(arg).value;
    if !matches!(value, Value::Const(_))
        && let Some(address) = listening_address(cx, arg)
    {
        return ArgValue::Const(Const::Str(address));
    }
    match value {
        Value::Const(c) => ArgValue::Const(c),
        Value::Runtime(origin) => match parameter_at(cx, arg) {
            Some(p) => ArgValue::Parameter(p),
            None => match super::choice::all_options(cx, arg) {
                Some(options) => ArgValue::Chosen(options, origin),
                None => ArgValue::Runtime(origin),
            },
        },
        Value::Pending(name) => ArgValue::Runtime(format!(
            "the value comes from `{name}`, defined in another file"
        )),
        Value::Unknown => {
            variant_name(arg).map_or(ArgValue::Unknown, |v| ArgValue::Const(Const::Variant(v)))
        }
    }
}
