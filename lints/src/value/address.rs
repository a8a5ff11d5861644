//! Listening addresses as values: whether an address string listens on every interface
//! (`0.0.0.0`, `[::]`, with or without a port), and whether an address expression does
//! (`SocketAddr::from(([0, 0, 0, 0], port))`, `(Ipv4Addr::UNSPECIFIED, port)`, `"…".parse()`,
//! `format!("0.0.0.0:{port}")`, an `unwrap_or` default) or asks for an ephemeral port.

use syn::Expr;

use super::strings::const_str;
use crate::cx::{Cx, peel};

/// `0.0.0.0[:port]`, `[::][:port]`, `::` → the address as written.
pub(crate) fn all_interfaces_text(s: &str) -> Option<String> {
    let host = if s.starts_with('[') {
        s.split(']').next().map(|h| format!("{h}]"))
    } else {
        Some(
            s.rsplit_once(':')
                .filter(|(h, _)| !h.contains(':'))
                .map_or(s, |(h, _)| h)
                .to_string(),
        )
    }?;
    matches!(
        host.as_str(),
        "0.0.0.0" | "[::]" | "::" | "[0:0:0:0:0:0:0:0]"
    )
    .then(|| s.to_string())
}

/// The all-interfaces address an argument stands for, as a string the package phase can weigh
/// (`"0.0.0.0"` for `SocketAddr::from(([0, 0, 0, 0], port))`, the template of
/// `format!("0.0.0.0:{port}")`), unless it asks for an ephemeral port (a client's local bind).
pub(crate) fn listening_address(cx: &Cx<'_>, e: &Expr) -> Option<String> {
    all_interfaces(cx, e, 0).filter(|_| !ephemeral_port(cx, e, 0))
}

/// The default of `x.unwrap_or(d)` (`d`) or `x.unwrap_or_else(|_| d)` (the closure's body).
pub(crate) fn fallback_value(m: &syn::ExprMethodCall) -> Option<&Expr> {
    let arg = m.args.first().filter(|_| m.args.len() == 1)?;
    match (m.method.to_string().as_str(), peel(arg)) {
        ("unwrap_or", _) => Some(arg),
        ("unwrap_or_else", Expr::Closure(c)) => Some(&c.body),
        _ => None,
    }
}

/// What an address expression hands on unchanged: `x?`, `x.await`, `x.parse()` (and `unwrap`,
/// `into`, …), the host of a `(host, port)` tuple.
pub(crate) fn passed_through(e: &Expr) -> Option<&Expr> {
    match e {
        Expr::Try(t) => Some(&t.expr),
        Expr::Await(a) => Some(&a.base),
        Expr::MethodCall(m)
            if matches!(
                m.method.to_string().as_str(),
                "unwrap" | "expect" | "parse" | "into" | "to_string" | "as_str"
            ) =>
        {
            Some(&m.receiver)
        }
        Expr::Tuple(t) => t.elems.first(),
        _ => None,
    }
}

/// Whether `e` is an all-interfaces address; returns how to name it.
pub(crate) fn all_interfaces(cx: &Cx<'_>, e: &Expr, depth: usize) -> Option<String> {
    if depth > 6 {
        return None;
    }
    if let Some(inner) = passed_through(peel(e)) {
        return all_interfaces(cx, inner, depth + 1);
    }
    match peel(e) {
        Expr::Repeat(r) => {
            let zero = cx.resolve(&r.expr).as_int() == Some(0);
            match cx.resolve(&r.len).as_int() {
                Some(4) if zero => Some("0.0.0.0".to_string()),
                Some(8 | 16) if zero => Some("[::]".to_string()),
                _ => None,
            }
        }
        Expr::Array(a) => {
            let zeros = (a.elems.len() == 4 || a.elems.len() == 8)
                && a.elems.iter().all(|x| cx.resolve(x).as_int() == Some(0));
            zeros.then(|| {
                if a.elems.len() == 4 {
                    "0.0.0.0".to_string()
                } else {
                    "[::]".to_string()
                }
            })
        }
        Expr::Call(c) => {
            let Expr::Path(p) = &*c.func else { return None };
            let last = p.path.segments.last()?.ident.to_string();
            match last.as_str() {
                "from" | "new" | "V4" | "V6" | "SocketAddrV4" | "SocketAddrV6"
                    if c.args.len() == 4 =>
                {
                    c.args
                        .iter()
                        .all(|x| cx.resolve(x).as_int() == Some(0))
                        .then(|| "0.0.0.0".to_string())
                }
                "from" | "new" | "V4" | "V6" | "from_str" => {
                    all_interfaces(cx, c.args.first()?, depth + 1)
                }
                _ => None,
            }
        }
        Expr::Macro(m) if m.mac.path.is_ident("format") => {
            let lit = m.mac.parse_body_with(|input: syn::parse::ParseStream<'_>| {
                let lit: syn::LitStr = input.parse()?;
                let _: proc_macro2::TokenStream = input.parse()?;
                Ok(lit)
            });
            lit.ok().and_then(|l| all_interfaces_text(&l.value()))
        }
        Expr::Path(p)
            if p.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "UNSPECIFIED") =>
        {
            Some(if p.path.segments.iter().any(|s| s.ident == "Ipv6Addr") {
                "[::]".to_string()
            } else {
                "0.0.0.0".to_string()
            })
        }
        Expr::Path(p) if p.path.get_ident().is_some() => {
            let ident = p.path.get_ident()?;
            let at = cx.range(e).start;
            let binding = cx.binding_at(ident, at);
            match binding {
                Some(b) if !b.mutable => all_interfaces(cx, b.init?, depth + 1),
                Some(_) => None,
                None => const_str(cx, e).and_then(|s| all_interfaces_text(&s.value)),
            }
        }
        Expr::MethodCall(m) if fallback_value(m).is_some() => {
            all_interfaces(cx, fallback_value(m)?, depth + 1)
        }
        other => const_str(cx, other)
            .map(|s| s.value)
            .or_else(|| cx.resolve(other).as_str().map(str::to_string))
            .and_then(|s| all_interfaces_text(&s)),
    }
}

/// Whether the address asks for port 0, an ephemeral local port (`"0.0.0.0:0"`,
/// `("0.0.0.0", 0)`, `SocketAddr::new(ip, 0)`, `SocketAddr::from(([0, 0, 0, 0], 0))`): a client's
/// local bind, never a listener.
pub(crate) fn ephemeral_port(cx: &Cx<'_>, e: &Expr, depth: usize) -> bool {
    if depth > 6 {
        return false;
    }
    match peel(e) {
        Expr::Tuple(t) if t.elems.len() == 2 => t
            .elems
            .last()
            .is_some_and(|p| cx.resolve(p).as_int() == Some(0)),
        Expr::Call(c) if c.args.len() == 2 => c
            .args
            .last()
            .is_some_and(|p| cx.resolve(p).as_int() == Some(0)),
        Expr::Call(c) if c.args.len() == 1 => c
            .args
            .first()
            .is_some_and(|a| ephemeral_port(cx, a, depth + 1)),
        Expr::Path(p) if p.path.get_ident().is_some() => {
            let at = cx.range(e).start;
            match p
                .path
                .get_ident()
                .and_then(|ident| cx.binding_at(ident, at))
            {
                Some(b) if !b.mutable => b.init.is_some_and(|i| ephemeral_port(cx, i, depth + 1)),
                Some(_) => false,
                None => const_str(cx, e).is_some_and(|s| s.value.ends_with(":0")),
            }
        }
        Expr::Macro(m) if m.mac.path.is_ident("format") => m
            .mac
            .parse_body_with(|input: syn::parse::ParseStream<'_>| {
                let lit: syn::LitStr = input.parse()?;
                let _: proc_macro2::TokenStream = input.parse()?;
                Ok(lit)
            })
            .is_ok_and(|l| l.value().ends_with(":0")),
        other => match passed_through(other) {
            Some(inner) => ephemeral_port(cx, inner, depth + 1),
            None => const_str(cx, other).is_some_and(|s| s.value.ends_with(":0")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::all_interfaces_text;

    #[test]
    fn addresses() {
        assert!(all_interfaces_text("0.0.0.0:8080").is_some());
        assert!(all_interfaces_text("0.0.0.0").is_some());
        assert!(all_interfaces_text("[::]:443").is_some());
        assert!(all_interfaces_text("::").is_some());
        assert!(all_interfaces_text("127.0.0.1:8080").is_none());
        assert!(all_interfaces_text("[::1]:8080").is_none());
        assert!(all_interfaces_text("10.0.0.0:80").is_none());
    }
}
