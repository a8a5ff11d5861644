//! Fields of struct types: which field of which type a value at a sink is (`self.insecure` in
//! `impl Client`, `cfg.insecure` for a parameter `cfg: &Config`), and the values a file gives
//! such fields, for the package phase.

use std::collections::{BTreeMap, BTreeSet};

use syn::{Expr, Member};

use super::arg::arg_value;
use super::binding::{MAX_ALIASES, owner_at};
use super::guard::{self, Reach};
use super::loaders::Loader;
use super::unchanged::passed_on;
use crate::cx::{Cx, peel};
use crate::facts::{ArgValue, FieldFact, FieldOf, Parameter};

/// The field of a named struct type that `e` reads (or passes on unchanged, as `*p.f` or
/// `p.f.clone()`, or through a `let` or a destructuring pattern that binds it): `self.f` inside
/// `impl T`, or `p.f` for a parameter `p: T` (also `&T`, `&mut T`, `Rc<T>`, `Arc<T>`, `Box<T>`).
pub(crate) fn field_at(cx: &Cx<'_>, e: &Expr) -> Option<FieldOf> {
    field_through(cx, e, MAX_ALIASES)
}

fn field_through(cx: &Cx<'_>, e: &Expr, aliases: usize) -> Option<FieldOf> {
    if let Some(source) = cx.local_source(e) {
        return field_through(cx, source, aliases.checked_sub(1)?);
    }
    let (base, field) = match passed_on(e) {
        Expr::Field(f) => match &f.member {
            Member::Named(field) => (&*f.base, field.to_string()),
            Member::Unnamed(_) => return None,
        },
        _ => cx.destructured_field(e)?,
    };
    let at = cx.range(base).start;
    let Expr::Path(base) = peel(base) else {
        return None;
    };
    let base = base.path.get_ident()?;
    let owner = if base == "self" {
        owner_at(cx, at)?
    } else {
        parameter_type(cx, base, at)?
    };
    Some(FieldOf { owner, field })
}

/// The struct type of the parameter `name` of the function around `at` (`cfg: &Config`), unless
/// a local of that name shadows it there.
fn parameter_type(cx: &Cx<'_>, name: &syn::Ident, at: usize) -> Option<String> {
    if cx.visible_local(name, at).is_some() {
        return None;
    }
    let sig = cx.scopes_at(at).find_map(|s| s.sig)?;
    sig.inputs.iter().find_map(|arg| match arg {
        syn::FnArg::Typed(t) => match &*t.pat {
            syn::Pat::Ident(i) if i.ident == *name => type_name(&t.ty),
            _ => None,
        },
        syn::FnArg::Receiver(_) => None,
    })
}

/// The struct type a method of the type around `at` returns (`fn settings(&mut self) -> &mut
/// Settings`), defined in the file.
fn returned_type(cx: &Cx<'_>, method: &syn::Ident, at: usize) -> Option<String> {
    let holder = owner_at(cx, at)?;
    cx.scopes.iter().find_map(|s| {
        if s.name != Some(method) || owner_at(cx, s.range.start).as_ref() != Some(&holder) {
            return None;
        }
        match s.output? {
            syn::ReturnType::Type(_, ty) => type_name(ty),
            syn::ReturnType::Default => None,
        }
    })
}

/// The name of a struct type written as `T`, `path::T`, `&T`, `&mut T` or behind a shared
/// pointer (`Rc<T>`, `Arc<T>`, `Box<T>`).
fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Reference(r) => type_name(&r.elem),
        syn::Type::Paren(p) => type_name(&p.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            let named = last.ident.to_string();
            if let ("Rc" | "Arc" | "Box", syn::PathArguments::AngleBracketed(args)) =
                (named.as_str(), &last.arguments)
            {
                return args.args.iter().find_map(|a| match a {
                    syn::GenericArgument::Type(inner) => type_name(inner),
                    _ => None,
                });
            }
            (named.starts_with(char::is_uppercase) && named != "Self").then_some(named)
        }
        _ => None,
    }
}

/// The values `cx`'s file gives the fields in `wanted`; `loaders` are the calls of the package
/// that load a deserialized struct, by the struct's name, which name its fields' origins.
pub(crate) fn field_facts(
    cx: &Cx<'_>,
    wanted: &BTreeSet<FieldOf>,
    loaders: &BTreeMap<String, Loader>,
) -> Vec<FieldFact> {
    let mut out = Vec::new();
    let mut push = |field: FieldOf,
                    value: ArgValue,
                    range: std::ops::Range<usize>,
                    setter: Option<Parameter>,
                    public: bool,
                    opt_in: Option<String>| {
        if wanted.contains(&field) {
            out.push(FieldFact {
                field,
                value,
                path: cx.path.to_string(),
                in_test_code: cx.in_test_code(range.start),
                range,
                setter,
                public,
                opt_in,
            });
        }
    };
    for s in &cx.structs {
        let Some(last) = s.path.segments.last() else {
            continue;
        };
        let at = cx.range(*s).start;
        let owner = if last.ident == "Self" {
            owner_at(cx, at)
        } else {
            Some(last.ident.to_string())
        };
        let Some(owner) = owner else { continue };
        for fv in &s.fields {
            if let Member::Named(name) = &fv.member {
                let field = FieldOf {
                    owner: owner.clone(),
                    field: name.to_string(),
                };
                if let Some(value) = given_value(cx, &fv.expr) {
                    push(field, value, cx.range(&fv.expr), None, false, None);
                }
            }
        }
    }
    for a in &cx.assigns {
        let Expr::Field(f) = peel(&a.left) else {
            continue;
        };
        let Member::Named(name) = &f.member else {
            continue;
        };
        let Some(owner) = assigned_owner(cx, &f.base, cx.range(*a).start) else {
            continue;
        };
        let field = FieldOf {
            owner,
            field: name.to_string(),
        };
        let at = cx.range(*a).start;
        let opt_in = cx
            .scopes_at(at)
            .find(|s| s.sig.is_some())
            .filter(|s| s.public && s.sig.is_some_and(|sig| sig.receiver().is_some()))
            .and_then(|s| s.name)
            .map(ToString::to_string);
        if let Some(value) = given_value(cx, &a.right) {
            push(field, value, cx.range(&*a.right), None, false, opt_in);
        }
    }
    for def in &cx.struct_defs {
        let outside = filled_from_outside(def);
        let public_struct = matches!(def.vis, syn::Visibility::Public(_));
        let builder = builder_derive(def).filter(|_| public_struct);
        let owner = def.ident.to_string();
        let loader = loaders
            .get(&owner)
            .filter(|_| matches!(outside, Some(Outside::Deserialized)));
        for f in &def.fields {
            let Some(name) = &f.ident else { continue };
            let field = FieldOf {
                owner: def.ident.to_string(),
                field: name.to_string(),
            };
            let public = public_struct && matches!(f.vis, syn::Visibility::Public(_));
            let origin = match &outside {
                Some(Outside::Deserialized) => match &loader {
                    Some(loader) => loader.origin(&def.ident.to_string(), &name.to_string()),
                    None => format!(
                        "`{}` derives `Deserialize`, so it comes from the input it is read from",
                        def.ident
                    ),
                },
                Some(Outside::Flag(parser)) => format!(
                    "it is the command-line flag `--{}` (`{}` derives {parser})",
                    name.to_string().replace('_', "-"),
                    def.ident
                ),
                None if public => {
                    "it is a public field of a public struct: code outside the package can set it"
                        .to_string()
                }
                None => match builder {
                    Some(derive) => format!(
                        "`{}` derives `{derive}`, whose generated setter `{name}(…)` sets it",
                        def.ident
                    ),
                    None => continue,
                },
            };
            let setter = builder.map(|_| Parameter {
                function: name.to_string(),
                index: 0,
                owner: Some(def.ident.to_string()),
                receiver: true,
                arity: 1,
                public: true,
                name: name.to_string(),
            });
            push(
                field,
                ArgValue::Runtime(origin),
                cx.range(name),
                setter,
                public,
                None,
            );
        }
    }
    out
}

/// The value a field is given: another struct's field (`insecure: self.insecure`, `opts.insecure`
/// for `let opts: Opts`), whose own values the package phase follows, or what the expression is
/// worth; a constant given only under a condition decided at run time is a run-time value, and
/// one given under a condition that never holds is no value (`None`).
fn given_value(cx: &Cx<'_>, e: &Expr) -> Option<ArgValue> {
    let value = match field_at(cx, e).or_else(|| local_field(cx, e)) {
        Some(source) => ArgValue::Field(source),
        None => arg_value(cx, e),
    };
    match (value, guard::reach(cx, cx.range(e).start)) {
        (_, Reach::Never) => None,
        (ArgValue::Const(_), Reach::When(branch)) => {
            let condition = guard::describe(cx, branch);
            Some(ArgValue::Runtime(format!(
                "{}; it is given a constant only {}",
                condition
                    .origin
                    .as_deref()
                    .unwrap_or("a condition this analysis cannot follow decides it"),
                condition.when
            )))
        }
        (value, _) => Some(value),
    }
}

/// The field `local.f` reads when `local` is a `let` of a struct type the file shows: written on
/// the binding (`let opts: Opts = …`) or built by the type's own constructor (`Opts::parse()`,
/// `Opts::from_args()`, `Opts::default()`, `Opts { .. }`).
fn local_field(cx: &Cx<'_>, e: &Expr) -> Option<FieldOf> {
    let Expr::Field(f) = passed_on(e) else {
        return None;
    };
    let Member::Named(field) = &f.member else {
        return None;
    };
    let Expr::Path(base) = peel(&f.base) else {
        return None;
    };
    Some(FieldOf {
        owner: local_type(cx, base.path.get_ident()?, cx.range(e).start)?,
        field: field.to_string(),
    })
}

/// The struct type of the `let` named `ident` at `at`, when the file shows it: written on the
/// binding or built by the type's own constructor.
fn local_type(cx: &Cx<'_>, ident: &syn::Ident, at: usize) -> Option<String> {
    let binding = cx.binding_at(ident, at)?;
    match (binding.ty, binding.init.map(peel)) {
        (Some(ty), _) => type_name(ty),
        (None, Some(Expr::Struct(s))) => s.path.segments.last().map(|l| l.ident.to_string()),
        (None, Some(Expr::Call(c))) => match &*c.func {
            Expr::Path(p) => constructed_type(&p.path),
            _ => None,
        },
        _ => None,
    }
}

/// The type `T::parse`, `T::from_args`, `T::try_parse`, `T::parse_from` or `T::default` builds.
fn constructed_type(path: &syn::Path) -> Option<String> {
    let n = path.segments.len();
    let (owner, ctor) = (
        &path.segments.get(n.checked_sub(2)?)?.ident,
        &path.segments[n - 1].ident,
    );
    let builds_self = ["parse", "from_args", "try_parse", "parse_from", "default"]
        .iter()
        .any(|c| ctor == c);
    let owner = owner.to_string();
    (builds_self && owner.starts_with(char::is_uppercase) && owner != "Self").then_some(owner)
}

/// The struct type whose field an assignment at `at` writes through `base`: `self` in `impl T`
/// (`self.f = v`), a parameter `p: &mut T` (`p.f = v`), a `let` of a struct type the file shows
/// (`options.f = v` after `let mut options: Options = Options::default()`), what a method of the
/// file returns (`self.settings().f = v` for `fn settings(&mut self) -> &mut T`), or a field of
/// `self` whose type the file's definition of `T` names (`self.config.f = v` in a builder holding
/// `config: Config`).
fn assigned_owner(cx: &Cx<'_>, base: &Expr, at: usize) -> Option<String> {
    match peel(base) {
        Expr::Path(p) if p.path.is_ident("self") => owner_at(cx, at),
        Expr::Path(p) => {
            let name = p.path.get_ident()?;
            parameter_type(cx, name, at).or_else(|| local_type(cx, name, at))
        }
        Expr::MethodCall(m) if m.args.is_empty() && is_self(&m.receiver) => {
            returned_type(cx, &m.method, at)
        }
        Expr::Field(inner) => {
            let (Member::Named(member), Expr::Path(p)) = (&inner.member, peel(&inner.base)) else {
                return None;
            };
            if !p.path.is_ident("self") {
                return None;
            }
            let holder = owner_at(cx, at)?;
            let def = cx.struct_defs.iter().find(|d| d.ident == holder)?;
            let field = def
                .fields
                .iter()
                .find(|f| f.ident.as_ref() == Some(member))?;
            type_name(&field.ty)
        }
        _ => None,
    }
}

fn is_self(e: &Expr) -> bool {
    matches!(peel(e), Expr::Path(p) if p.path.is_ident("self"))
}

/// How a derive fills a struct's fields from outside the code.
enum Outside {
    /// serde's `Deserialize`: from a configuration file, a request, the environment.
    Deserialized,
    /// clap's `Parser`/`Args`, argh's `FromArgs` (named): from the command line.
    Flag(&'static str),
}

/// The builder derive of a struct (typed-builder's `TypedBuilder`, derive_builder's and bon's
/// `Builder`): each field gets a public setter of its own name on the generated builder.
fn builder_derive(def: &syn::ItemStruct) -> Option<&'static str> {
    derives(def).find_map(|t| match t.as_str() {
        "TypedBuilder" => Some("TypedBuilder"),
        "Builder" => Some("Builder"),
        _ => None,
    })
}

/// The names a struct's `#[derive(…)]` attributes list.
fn derives(def: &syn::ItemStruct) -> impl Iterator<Item = String> + '_ {
    def.attrs
        .iter()
        .filter(|a| a.path().is_ident("derive"))
        .filter_map(|a| match &a.meta {
            syn::Meta::List(list) => Some(list.tokens.to_string()),
            _ => None,
        })
        .flat_map(|tokens| {
            tokens
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
}

fn filled_from_outside(def: &syn::ItemStruct) -> Option<Outside> {
    let mut found = None;
    for name in derives(def) {
        match name.as_str() {
            "Parser" | "Args" => return Some(Outside::Flag("clap's parser")),
            "FromArgs" => return Some(Outside::Flag("argh's `FromArgs`")),
            "Deserialize" => found = Some(Outside::Deserialized),
            _ => {}
        }
    }
    found
}
