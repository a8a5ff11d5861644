//! What an expression evaluates to, as far as syntax tells: the one evaluator the rules share.
//! [`resolve`] gives any value (`Const`, `Runtime` with its origin, `Pending` on another file's
//! constant) through literals, `const`s, `let`s and agreeing branches; [`strings`] the strings
//! known at compile time (`concat!`, `format!`, `+`, `join`); [`url`] the string in URL position,
//! with run-time parts marked, through parameters and fields; [`template`] is the one reader of
//! `format!` strings; [`binding`] finds what a name refers to at a place and follows it; [`calls`]
//! records what the calls of a function pass, for following a parameter across the package, and
//! [`arg`] what one argument or field write passes;
//! [`option`] looks through `Some`/`Ok`, `?`, `unwrap` and `unwrap_or`; [`locals`] finds the
//! nearest binding of a name in scope, destructuring and `if let`/`match` patterns included, and
//! [`patterns`] a pattern-bound name's value; [`matched`] the arm a `match` on a known value
//! takes; [`unchanged`] the shapes that pass a value on as
//! itself;
//! [`closures`] gives a named closure's parameter the values its calls pass; [`choice`] lists the
//! constant options of a value chosen at run time; [`version`] reads protocol versions, a kind of
//! constant, and [`verify_mode`] openssl's peer verification modes, another; [`address`] tells
//! listening addresses on every interface; [`danger`] says which constants make a deferred finding
//! real; [`from_package`] names the parameter, field or other
//! file's constant a value comes from, and the condition a finding waits on for it; [`loaders`] names the envy, `config` or figment
//! source a deserialized struct is read from; [`connection`] the connection-string option a value
//! is read from; [`variant`] the enum variants paths name.

pub(crate) mod address;
mod arg;
pub(crate) mod binding;
pub(crate) mod calls;
pub(crate) mod choice;
mod closures;
mod connection;
pub(crate) mod conversion;
pub(crate) mod danger;
pub(crate) mod fields;
pub(crate) mod from_package;
pub(crate) mod guard;
pub(crate) mod loaders;
mod locals;
mod matched;
pub(crate) mod option;
mod patterns;
pub(crate) mod resolve;
pub(crate) mod strings;
pub(crate) mod template;
mod unchanged;
pub(crate) mod url;
mod variant;
mod verify_mode;
pub(crate) mod version;

pub(crate) use binding::{Binding, binding_at, follow, parameter_at};
pub(crate) use calls::call_facts;
pub(crate) use closures::dangerous_closure_argument;
pub use danger::Dangerous;
pub use resolve::Const;

/// A constant as written in a message: `` `true` ``, `` `3` ``, `` `"x"` ``, `TLS 1.0`.
pub(crate) fn const_shown(c: &Const) -> String {
    match c {
        Const::Bool(b) => format!("`{b}`"),
        Const::Int(i) => format!("`{i}`"),
        Const::Str(s) => format!("`{s:?}`"),
        Const::Version(v) => v.describe().to_string(),
        Const::Variant(v) => format!("`{v}`"),
        Const::VerifyMode(bits) => verify_mode::shown(*bits),
    }
}

pub(crate) use resolve::{Resolved, Value, compact};
pub(crate) use strings::{ConstStr, const_str, const_str_list, joined};
pub(crate) use url::{StrValue, call_site_arguments, parse_url, str_value, template};
