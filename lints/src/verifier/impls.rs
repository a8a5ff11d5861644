//! The verdict on each verifier impl of a file: TLS110 (accepts everything, or depending on its
//! own field), TLS111 (handshake signatures unchecked), TLS112 (client verifier accepts
//! everything), TLS113 (the name is not checked).

use std::ops::Range;

use syn::visit::{self, Visit};
use syn::{Expr, ImplItemFn, Pat};

use super::flow::{Cond, Flow, Leaf};
use super::syntax::{
    Idents, called_names, called_names_in, contains_assertion, is_any_err, is_assertion,
    is_call_of, is_err_pat, is_ok_assertion, param_names,
};
use super::{Rules, Side, Verdict, VerifierFact, wording};
use crate::cx::{Cx, peel};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::sink::Sink;
use crate::source::LineIndex;

/// Functions that validate a chain without looking at the name.
const CHAIN_ONLY: &[&str] = &[
    "verify_server_cert_signed_by_trust_anchor",
    "verify_is_valid_tls_server_cert",
    "verify_for_usage",
];
/// Functions that check the name.
const NAME_CHECKS: &[&str] = &[
    "verify_server_name",
    "verify_is_valid_for_dns_name",
    "verify_is_valid_for_subject_name",
    "verify_is_valid_for_dns_name_or_ip",
];
/// Methods that replace an error with a value.
const ERROR_REPLACERS: &[&str] = &[
    "or_else",
    "or",
    "unwrap_or",
    "unwrap_or_else",
    "unwrap_or_default",
];

type Evidence = Option<(Range<usize>, String)>;

/// Reports the verifier impls of the file and records their verdicts.
pub(crate) fn check(cx: &Cx<'_>, sink: &mut Sink, rules: &Rules) {
    let lines = LineIndex::new(cx.text);
    for imp in &cx.impls {
        let Some((trait_path, _)) = &imp.trait_ else {
            continue;
        };
        let canon = cx.canonical_path(trait_path);
        let (side, main) = match canon.last().map(String::as_str) {
            Some("ServerCertVerifier") => (Side::Server, "verify_server_cert"),
            Some("ServerVerifier") => (Side::Server, "verify_identity"),
            Some("ClientCertVerifier") => (Side::Client, "verify_client_cert"),
            Some("ClientVerifier") => (Side::Client, "verify_identity"),
            _ => continue,
        };
        let fns: Vec<&ImplItemFn> = imp
            .items
            .iter()
            .filter_map(|i| match i {
                syn::ImplItem::Fn(f) => Some(f),
                _ => None,
            })
            .collect();
        let blind = blind_signatures(&fns);
        let main_fn = fns.iter().find(|f| f.sig.ident == main);
        let syn::Type::Path(self_ty) = &*imp.self_ty else {
            report_signatures(cx, sink, &blind, rules.unchecked_signature);
            continue;
        };
        let (Some(main_fn), Some(name)) = (main_fn, self_ty.path.segments.last().map(|s| &s.ident))
        else {
            report_signatures(cx, sink, &blind, rules.unchecked_signature);
            continue;
        };
        let name_range = cx.range(name);
        let (verdict, evidence) = analyse(cx, main_fn, side);
        // An impl that accepts every server certificate carries its blind signature checks as
        // notes: one finding for one verifier.
        let merged = side == Side::Server && verdict == Verdict::AcceptsAll;
        if !merged {
            report_signatures(cx, sink, &blind, rules.unchecked_signature);
        }
        if let Some(w) = wording(rules, side, verdict) {
            let mut d = Diagnostic::new(w.rule, w.impl_message, name_range.clone())
                .with_level(w.level)
                .label(format!("`{name}` {}", w.label));
            if let Some((range, text)) = evidence {
                d = d.secondary(range, text);
            }
            d = d.note(w.why);
            if merged {
                d = with_blind_signatures(cx, d, &blind);
            }
            sink.push(d.help(w.help));
        }
        sink.verifier_facts.verifiers.push(VerifierFact {
            name: name.to_string(),
            side,
            verdict,
            path: cx.path.to_string(),
            range: name_range.clone(),
            line: lines.line_of(name_range.start) + 1,
            in_test_code: cx.in_test_code(name_range.start),
        });
    }
}

/// The verdict on the main verification method, with the range that shows it.
fn analyse(cx: &Cx<'_>, f: &ImplItemFn, side: Side) -> (Verdict, Evidence) {
    let flow = Flow::of_block(&f.block);
    let params = derived_from(&f.block, param_names(typed_inputs(f)));
    let mut accepts = Vec::new();
    let mut can_fail = flow.may_fail;
    for leaf in &flow.leaves {
        if is_ok_assertion(leaf.expr) {
            accepts.push(leaf);
        } else if let Some(found) = replaces_error_with_success(cx, leaf.expr) {
            return found;
        } else {
            can_fail = true;
        }
    }
    if accepts.is_empty() {
        return (Verdict::Verifies, None);
    }
    if !can_fail {
        let text = format!("`{}` returns success on every path", f.sig.ident);
        return (
            Verdict::AcceptsAll,
            accepts.first().map(|l| (cx.range(l.expr), text)),
        );
    }
    let mut best = (Verdict::Verifies, None);
    for leaf in accepts {
        let found = conditional_acceptance(cx, leaf, &params);
        if rank(found.0) > rank(best.0) {
            best = found;
        }
    }
    if best.0 == Verdict::Verifies
        && let Some((cond, text)) = skippable_check(&f.block, &params)
    {
        return (
            Verdict::RuntimeControlled,
            Some((cx.range(cond), text.to_string())),
        );
    }
    if best.0 == Verdict::Verifies
        && side == Side::Server
        && f.sig.ident == "verify_server_cert"
        && let Some(name_param) = typed_inputs(f).nth(2)
    {
        let names = param_names(std::iter::once(name_param));
        let body = Idents::of_block(&f.block);
        let calls = called_names(&f.block);
        let chain = calls.iter().any(|c| CHAIN_ONLY.contains(&c.as_str()));
        let named = calls.iter().any(|c| NAME_CHECKS.contains(&c.as_str()));
        if chain && !named && !body.has_any(&names) {
            return (
                Verdict::IgnoresHostname,
                Some((
                    cx.range(name_param),
                    "the server name is never checked".to_string(),
                )),
            );
        }
    }
    best
}

fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Verifies => 0,
        Verdict::RuntimeControlled => 1,
        Verdict::SwallowsSomeErrors => 2,
        Verdict::IgnoresHostname => 3,
        Verdict::AcceptsAll => 4,
    }
}

fn typed_inputs(f: &ImplItemFn) -> impl Iterator<Item = &Pat> {
    f.sig.inputs.iter().filter_map(|a| match a {
        syn::FnArg::Typed(t) => Some(&*t.pat),
        syn::FnArg::Receiver(_) => None,
    })
}

/// `delegate(…).or_else(|_| Ok(ServerCertVerified::assertion()))` and friends. A closure that
/// accepts only under a condition swallows only some errors: the name errors (TLS113) or others.
fn replaces_error_with_success(cx: &Cx<'_>, e: &Expr) -> Option<(Verdict, Evidence)> {
    let mut e = peel(e);
    if let Some(ok) = is_call_of(e, "Ok") {
        e = ok.args.first().map(peel)?;
    }
    while let Expr::MethodCall(m) = e {
        if ERROR_REPLACERS.contains(&m.method.to_string().as_str())
            && let Some(arg) = m.args.iter().find(|a| contains_assertion(a))
        {
            let range = cx.range(&m.method).start..cx.span_range(m.paren_token.span.close()).end;
            return Some(closure_swallow(cx, arg).unwrap_or((
                Verdict::AcceptsAll,
                Some((
                    range,
                    "every verification error is turned into success here".to_string(),
                )),
            )));
        }
        e = peel(&m.receiver);
    }
    None
}

/// The verdict on an error-replacing closure that accepts only on some paths; `None` when it
/// accepts on every path.
fn closure_swallow(cx: &Cx<'_>, arg: &Expr) -> Option<(Verdict, Evidence)> {
    let Expr::Closure(c) = peel(arg) else {
        return None;
    };
    let flow = Flow::of_expr(&c.body);
    let accepting = |l: &Leaf<'_>| is_ok_assertion(l.expr) || is_assertion(l.expr);
    if !flow.may_fail && flow.leaves.iter().all(accepting) {
        return None;
    }
    let conds: Vec<Cond<'_>> = flow
        .leaves
        .iter()
        .filter(|l| accepting(l))
        .flat_map(|l| l.conds.iter().copied())
        .collect();
    for cond in &conds {
        match *cond {
            Cond::Arm { pat, .. } if cx.snippet(pat).contains("NotValidForName") => {
                return Some((
                    Verdict::IgnoresHostname,
                    Some((cx.range(pat), NAME_SWALLOWED.to_string())),
                ));
            }
            Cond::If {
                cond,
                negated: false,
            } if mentions_name_error(cx, cond) => {
                return Some((
                    Verdict::IgnoresHostname,
                    Some((cx.range(cond), NAME_SWALLOWED.to_string())),
                ));
            }
            Cond::Arm { guard: Some(g), .. } if mentions_name_error(cx, g) => {
                return Some((
                    Verdict::IgnoresHostname,
                    Some((cx.range(g), NAME_SWALLOWED.to_string())),
                ));
            }
            _ => {}
        }
    }
    let first = conds.first().map(|c| match *c {
        Cond::If { cond, .. } => cx.range(cond),
        Cond::Arm { pat, .. } => cx.range(pat),
    });
    Some(match first {
        Some(range) => (
            Verdict::SwallowsSomeErrors,
            Some((
                range,
                "some verification errors are turned into success here".to_string(),
            )),
        ),
        None => (Verdict::Verifies, None),
    })
}

const NAME_SWALLOWED: &str = "`NotValidForName` is turned into success here";

/// Whether an expression tests for a name error: it names `NotValidForName`, or calls a
/// predicate of this file on an error whose body does (`is_hostname_error(&err)`; not a
/// verification helper that produces the error from the certificate).
fn mentions_name_error(cx: &Cx<'_>, e: &Expr) -> bool {
    if cx.snippet(e).contains("NotValidForName") {
        return true;
    }
    let calls = called_names_in(e);
    cx.scopes.iter().any(|s| {
        let (Some(name), Some(body)) = (s.name, s.body) else {
            return false;
        };
        let params_end = match s.output {
            Some(syn::ReturnType::Type(arrow, _)) => cx.range(arrow).start,
            _ => cx.range(body).start,
        };
        let takes_error = cx
            .text
            .get(cx.range(name).end..params_end)
            .is_some_and(|sig| sig.contains("Error"));
        calls.iter().any(|c| name == c)
            && takes_error
            && cx.snippet(body).contains("NotValidForName")
    })
}

/// Calls that verify: the delegate's method, webpki's chain and name checks.
const VERIFYING_CALLS: &[&str] = &[
    "verify_server_cert",
    "verify_client_cert",
    "verify_identity",
    "verify_server_cert_signed_by_trust_anchor",
    "verify_is_valid_tls_server_cert",
    "verify_is_valid_tls_client_cert",
    "verify_for_usage",
    "verify_server_name",
    "verify_is_valid_for_dns_name",
    "verify_is_valid_for_subject_name",
];

/// A boolean `if` on the verifier's own state (`if !self.ignore_invalid_certs { verify…(…)?; }`)
/// whose one branch runs a verifying call and whose other branch runs none: the check can be
/// switched off at run time (lettre's `InvalidCertsVerifier` shape).
fn skippable_check<'a>(
    block: &'a syn::Block,
    params: &[String],
) -> Option<(&'a Expr, &'static str)> {
    struct Finder<'a, 'p> {
        params: &'p [String],
        found: Option<(&'a Expr, &'static str)>,
    }
    impl<'a> Visit<'a> for Finder<'a, '_> {
        fn visit_expr_if(&mut self, i: &'a syn::ExprIf) {
            if self.found.is_none() && !matches!(peel(&i.cond), Expr::Let(_)) {
                let idents = Idents::of_expr(&i.cond);
                let own = idents.has("self") && !idents.has_any(self.params);
                let then_verifies = verifies(called_names(&i.then_branch));
                let else_verifies = i
                    .else_branch
                    .as_ref()
                    .is_some_and(|(_, e)| verifies(called_names_in(e)));
                if own && then_verifies != else_verifies {
                    let text = if then_verifies {
                        "the check inside runs only when this holds"
                    } else {
                        "the check runs only when this does not hold"
                    };
                    self.found = Some((&i.cond, text));
                }
            }
            visit::visit_expr_if(self, i);
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
    }
    fn verifies(calls: Vec<String>) -> bool {
        calls.iter().any(|c| VERIFYING_CALLS.contains(&c.as_str()))
    }
    let mut finder = Finder {
        params,
        found: None,
    };
    finder.visit_block(block);
    finder.found
}

/// `params` plus the bindings of the body computed from them (`let fp = sha256(end_entity)`, the
/// arms of a `match` on them), in source order.
fn derived_from(block: &syn::Block, mut params: Vec<String>) -> Vec<String> {
    struct Lets<'p>(&'p mut Vec<String>);
    impl<'a> Visit<'a> for Lets<'_> {
        fn visit_local(&mut self, l: &'a syn::Local) {
            if let Some(init) = &l.init
                && Idents::of_expr(&init.expr).has_any(self.0)
            {
                let bound = param_names(std::iter::once(&l.pat));
                self.0.extend(bound);
            }
            visit::visit_local(self, l);
        }

        fn visit_expr_match(&mut self, m: &'a syn::ExprMatch) {
            if Idents::of_expr(&m.expr).has_any(self.0) {
                for arm in &m.arms {
                    let bound = param_names(std::iter::once(&arm.pat));
                    self.0.extend(bound);
                }
            }
            visit::visit_expr_match(self, m);
        }

        fn visit_expr_let(&mut self, l: &'a syn::ExprLet) {
            if Idents::of_expr(&l.expr).has_any(self.0) {
                let bound = param_names(std::iter::once(&*l.pat));
                self.0.extend(bound);
            }
            visit::visit_expr_let(self, l);
        }
    }
    Lets(&mut params).visit_block(block);
    params
}

/// Whether a condition also needs a term that reads only the verifier's own fields
/// (`e.is_name_error() && self.skip_name_check`): the verifier's setting, decided at run time,
/// picks the path, not the error alone.
fn gated_by_own_field(cx: &Cx<'_>, e: &Expr) -> bool {
    match peel(e) {
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            [&*b.left, &*b.right].into_iter().any(|side| {
                gated_by_own_field(cx, side)
                    || (!mentions_name_error(cx, side) && Idents::of_expr(side).has("self"))
            })
        }
        _ => false,
    }
}

/// What the conditions on the way to one `Ok(assertion())` say about the verifier. An `Err`
/// pattern says which errors are turned into success; a path whose other conditions read an
/// argument (a pin compared with the certificate, a retry with another name) decides on the
/// arguments and verifies; one decided only by the verifier's own fields is runtime-controlled.
fn conditional_acceptance(cx: &Cx<'_>, leaf: &Leaf<'_>, params: &[String]) -> (Verdict, Evidence) {
    let mut deciding = Vec::new();
    let mut patterns = Vec::new();
    let mut err_guards = Vec::new();
    for cond in &leaf.conds {
        match *cond {
            Cond::Arm {
                pat,
                guard: Some(g),
                ..
            } if is_err_pat(pat) => err_guards.push((g, pat)),
            Cond::Arm {
                pat, guard: None, ..
            } if is_err_pat(pat) => patterns.push(pat),
            Cond::Arm {
                scrutinee, guard, ..
            } => deciding.push((guard.unwrap_or(scrutinee), false, guard.is_some())),
            Cond::If { cond, negated } => match peel(cond) {
                Expr::Let(l) if is_err_pat(&l.pat) => {
                    if !negated {
                        patterns.push(&l.pat);
                    }
                }
                Expr::Let(l) => deciding.push((&l.expr, negated, false)),
                _ => deciding.push((cond, negated, true)),
            },
        }
    }
    let swallows_name = |e: &Expr| mentions_name_error(cx, e) && !gated_by_own_field(cx, e);
    if let Some((e, _, _)) = deciding
        .iter()
        .find(|(e, negated, tests)| *tests && !negated && swallows_name(e))
    {
        return (
            Verdict::IgnoresHostname,
            Some((cx.range(*e), NAME_SWALLOWED.to_string())),
        );
    }
    if let Some((g, _)) = err_guards.iter().find(|(g, _)| swallows_name(g)) {
        return (
            Verdict::IgnoresHostname,
            Some((cx.range(*g), NAME_SWALLOWED.to_string())),
        );
    }
    let idents: Vec<Idents> = deciding
        .iter()
        .map(|(e, _, _)| Idents::of_expr(e))
        .collect();
    let guard_reads_argument = err_guards.iter().any(|(g, pat)| {
        let bound = param_names(std::iter::once(*pat));
        let arguments: Vec<String> = params
            .iter()
            .filter(|p| !bound.contains(p))
            .cloned()
            .collect();
        Idents::of_expr(g).has_any(&arguments)
    });
    if guard_reads_argument || idents.iter().any(|i| i.has_any(params)) {
        return (Verdict::Verifies, None);
    }
    let mut best: (Verdict, Evidence) = (Verdict::Verifies, None);
    let mut raise = |v: Verdict, range: Range<usize>, text: &str| {
        if rank(v) > rank(best.0) {
            best = (v, Some((range, text.to_string())));
        }
    };
    for pat in patterns {
        if cx.snippet(pat).contains("NotValidForName") {
            raise(
                Verdict::IgnoresHostname,
                cx.range(pat),
                "`NotValidForName` is turned into success here",
            );
        } else if is_any_err(pat) {
            raise(
                Verdict::AcceptsAll,
                cx.range(pat),
                "every verification error is turned into success here",
            );
        } else {
            raise(
                Verdict::SwallowsSomeErrors,
                cx.range(pat),
                "this error is turned into success here",
            );
        }
    }
    for (g, _) in &err_guards {
        if Idents::of_expr(g).has("self") {
            raise(
                Verdict::RuntimeControlled,
                cx.range(*g),
                "the verifier's own field decides this",
            );
        } else {
            raise(
                Verdict::SwallowsSomeErrors,
                cx.range(*g),
                "the errors this guard picks are turned into success",
            );
        }
    }
    for ((e, negated, tests), i) in deciding.iter().zip(&idents) {
        let tests = *tests && !negated;
        if tests && cx.snippet(*e).contains("NotValidForName") {
            raise(
                Verdict::IgnoresHostname,
                cx.range(*e),
                "`NotValidForName` is turned into success here",
            );
        } else if tests && matches!(peel(e), Expr::MethodCall(m) if m.method == "is_err") {
            raise(
                Verdict::AcceptsAll,
                cx.range(*e),
                "every verification error is turned into success here",
            );
        } else if i.has("self") {
            raise(
                Verdict::RuntimeControlled,
                cx.range(*e),
                "the verifier's own field decides this",
            );
        } else {
            raise(
                Verdict::RuntimeControlled,
                cx.range(*e),
                "this condition does not depend on the certificate",
            );
        }
    }
    best
}

/// `verify_tls12_signature`/`verify_tls13_signature` that return the marker on every path.
fn blind_signatures<'f>(fns: &[&'f ImplItemFn]) -> Vec<&'f ImplItemFn> {
    fns.iter()
        .copied()
        .filter(|f| {
            f.sig.ident == "verify_tls12_signature" || f.sig.ident == "verify_tls13_signature"
        })
        .filter(|f| {
            let flow = Flow::of_block(&f.block);
            !flow.may_fail
                && !flow.leaves.is_empty()
                && flow.leaves.iter().all(|l| is_ok_assertion(l.expr))
        })
        .collect()
}

const SIGNATURE_WHY: &str =
    "without a signature check the peer does not prove that it holds the certificate's private key";

/// TLS111: the blind signature methods of an impl that is not reported as accepting everything.
fn report_signatures(cx: &Cx<'_>, sink: &mut Sink, blind: &[&ImplItemFn], rule: &'static Rule) {
    let Some(first) = blind.first() else { return };
    let mut d = Diagnostic::new(
        rule,
        "handshake signatures are not verified",
        cx.range(&first.sig.ident),
    )
    .label(format!("`{}` accepts any signature", first.sig.ident));
    for other in &blind[1..] {
        d = d.secondary(
            cx.range(&other.sig.ident),
            format!("`{}` accepts any signature too", other.sig.ident),
        );
    }
    sink.push(
        d.note(SIGNATURE_WHY)
            .help("delegate to `rustls::crypto::verify_tls12_signature(message, cert, dss, &provider.signature_verification_algorithms)` (and `verify_tls13_signature`)"),
    );
}

/// The blind signature methods as labels and a note of the accept-all finding `d`.
fn with_blind_signatures(cx: &Cx<'_>, mut d: Diagnostic, blind: &[&ImplItemFn]) -> Diagnostic {
    if blind.is_empty() {
        return d;
    }
    let names: Vec<String> = blind.iter().map(|f| format!("`{}`", f.sig.ident)).collect();
    for f in blind {
        d = d.secondary(
            cx.range(&f.sig.ident),
            format!("`{}` accepts any signature", f.sig.ident),
        );
    }
    d.note(format!(
        "{} also {} any handshake signature: {SIGNATURE_WHY}",
        names.join(" and "),
        if blind.len() == 1 {
            "accepts"
        } else {
            "accept"
        }
    ))
}
