//! Shared machinery for the rules that flag a setting by its value: boolean setters
//! (`danger_accept_invalid_certs(true)`), struct fields (`accept_invalid_certs: true`) and enum
//! values (`SslOption::DANGER_ACCEPT_INVALID_CERTS`). A constant dangerous value is reported under
//! the rule; a value decided at run time under TLS104 (when the rule asks for it); a constant
//! defined in another file is handed to the crate-level join.

use std::ops::Range;

use syn::Expr;

use crate::cx::{CallSite, Cx, Guard, chain_root, peel};
use crate::declared::{DeclaredSink, DeclaredSinks, DeclaredValue, SinkSource};
use crate::declared_fields::field_sites;
use crate::diagnostic::Diagnostic;
use crate::facts::{Condition, FieldOf, Parameter};
use crate::fix::{Applicability, Edit, Fix};
use crate::rule::Rule;
use crate::sink::Sink;
use crate::value::binding::function_at;
use crate::value::choice::options;
use crate::value::fields::field_at;
use crate::value::guard::{self, Reach};
use crate::value::option::unwrapped_option;
use crate::value::{
    Const, Dangerous, Resolved, Value, const_shown, dangerous_closure_argument, parameter_at,
};

/// How a rule words its findings (`'static` for a rule's own; a declared sink's are built from
/// its rule and its declaration).
pub struct Finding<'a> {
    /// The rule reported for a constant dangerous value.
    pub rule: &'static Rule,
    /// The headline.
    pub message: &'a str,
    /// The primary label.
    pub label: &'a str,
    /// Why it matters (a `= note:`).
    pub why: &'a str,
    /// The finding for a value decided at run time; `None` when a runtime value is not reported.
    pub runtime: Option<Runtime>,
    /// Whether a literal written at a setter or field gets fixes: the literal replaced by the safe
    /// value, which is the library's default (machine-applicable: one token of the same type),
    /// and, for a call inside a builder chain, the call removed (maybe incorrect: the method is
    /// matched by name, so that the chain keeps its type is not checked).
    pub fix_literal: bool,
}

/// How a value decided at run time is reported.
pub struct Runtime {
    /// The rule it is reported under (TLS104, handed over by the rule that finds the setting).
    pub rule: &'static Rule,
    /// The headline.
    pub message: &'static str,
}

/// A setter whose argument switches a protection off.
pub struct Setter {
    /// Method names (also matched in `Type::method(recv, arg)` form).
    pub methods: &'static [&'static str],
    /// The argument value that weakens TLS.
    pub dangerous: bool,
    /// Crate names of which one must be mentioned in the file (for generic method names).
    pub needs_crate: &'static [&'static str],
    /// The safe alternative (`= help:`).
    pub help: &'static str,
}

/// A struct field or assigned field whose value switches a protection off.
pub struct Field {
    /// The field name.
    pub name: &'static str,
    /// The dangerous value (the value may be wrapped in `Some(…)`).
    pub dangerous: bool,
    /// When set, only struct literals whose path ends with this name count.
    pub struct_name: Option<&'static str>,
    /// Crate names of which one must be mentioned in the file (the field name alone is generic).
    pub needs_crate: &'static [&'static str],
    /// The safe alternative.
    pub help: &'static str,
}

/// An enum value or associated constant that weakens TLS where it is passed as a value (an
/// argument, a field value, an assignment or an initializer; not a comparison or a `match` arm).
pub struct PathValue {
    /// The path's last segments, e.g. `["TlsMode", "Insecure"]`.
    pub suffix: &'static [&'static str],
    /// The safe alternative.
    pub help: &'static str,
}

/// Reports every call of `setters` whose argument has the dangerous value.
pub fn check_setters(cx: &Cx<'_>, sink: &mut Sink, finding: &Finding, setters: &[Setter]) {
    for setter in setters {
        if !setter.needs_crate.is_empty()
            && !setter.needs_crate.iter().any(|c| cx.mentions_crate(c))
        {
            continue;
        }
        for call in cx.calls_named(setter.methods) {
            let Some(arg) = call.args.first() else {
                continue;
            };
            let dangerous = Dangerous::Value(Const::Bool(setter.dangerous));
            let site = setter_site(cx, &call, arg, dangerous, setter.help);
            report_value(cx, sink, finding, site);
        }
    }
}

/// The site of a setter call's argument `arg`: the method's name, the builder the call belongs to
/// (when it starts on another line), and what to delete to take the call out of its chain.
fn setter_site<'e>(
    cx: &Cx<'_>,
    call: &CallSite<'e>,
    arg: &'e Expr,
    dangerous: Dangerous,
    help: &'e str,
) -> Site<'e> {
    let mut context = Vec::new();
    if let Some(recv) = call.receiver
        && let Some(builder) = builder_label(cx, recv, call.name_range(cx))
    {
        context.push(builder);
    }
    Site {
        primary: call.name_range(cx),
        value: arg,
        dangerous,
        help,
        context,
        removal: call.method_call().and_then(|m| chain_removal(cx, m)),
    }
}

/// Reports every call of a sink declared in the policy whose argument has the declared dangerous
/// value, under the declared rule, as [`check_setters`] does for a rule's own setters. When the
/// path names a crate or a type, the file must mention one of them. A value decided at run time
/// is reported under the runtime rule that `runtime_rules` pairs with the declared rule (as
/// `(rule, runtime rule)`); without one it is not reported. Run after the rules' checks: a call
/// a rule already reported (a built-in setter declared again) is not reported twice.
pub fn check_declared(
    cx: &Cx<'_>,
    sink: &mut Sink,
    sinks: &DeclaredSinks,
    runtime_rules: &[(&'static Rule, &'static Rule)],
) {
    if sinks.is_empty() {
        return;
    }
    let mut own = Sink::default();
    declared_findings(cx, &mut own, sinks, runtime_rules);
    let reported: Vec<Range<usize>> = sink
        .diagnostics
        .iter()
        .chain(sink.deferred.iter().map(|d| &d.finding))
        .map(|d| d.primary.range.clone())
        .collect();
    for d in own.diagnostics {
        if !reported.contains(&d.primary.range) {
            sink.push(d);
        }
    }
    for d in own.deferred {
        if !reported.contains(&d.finding.primary.range) {
            sink.defer(d.finding, d.condition);
        }
    }
}

fn declared_findings(
    cx: &Cx<'_>,
    sink: &mut Sink,
    sinks: &DeclaredSinks,
    runtime_rules: &[(&'static Rule, &'static Rule)],
) {
    let candidates: Vec<&DeclaredSink> = sinks.iter().filter(|d| mentioned(cx, d)).collect();
    for (index, declared) in candidates.iter().enumerate() {
        let rule = declared.rule;
        let path = declared.path.join("::");
        let (label, why, help) = sink_words(declared, &path);
        let message = match &declared.source {
            SinkSource::Learned { message, .. } => message.as_str(),
            SinkSource::Policy(_) => rule.summary,
        };
        let finding = Finding {
            rule,
            message,
            label: &label,
            why: &why,
            runtime: runtime_rules
                .iter()
                .find(|(of, _)| *of == rule)
                .map(|(_, runtime)| Runtime {
                    rule: runtime,
                    message: runtime.summary,
                }),
            fix_literal: false,
        };
        let methods = [declared.method()];
        let calls: Vec<CallSite<'_>> = if declared.receiver {
            cx.calls_named(&methods).collect()
        } else {
            cx.functions_named(&methods).collect()
        };
        let calls = calls
            .into_iter()
            .filter(|call| owner(cx, &candidates, call) == Some(index));
        let dangerous = match &declared.dangerous {
            DeclaredValue::Bool(b) => Dangerous::Value(Const::Bool(*b)),
            DeclaredValue::Int(i) => Dangerous::Value(Const::Int(*i)),
            DeclaredValue::Str(s) => Dangerous::Value(Const::Str(s.clone())),
            DeclaredValue::VersionAtMost(v) => Dangerous::VersionAtMost(*v),
            DeclaredValue::AllInterfaces => Dangerous::AllInterfaces,
            DeclaredValue::RemoteHost => {
                Dangerous::HostNotExempt(cx.policy.allowed_cleartext_hosts.clone())
            }
            DeclaredValue::Always => {
                for call in calls {
                    sink.push(
                        Diagnostic::new(rule, message, call.name_range(cx))
                            .label(label.as_str())
                            .note(why.as_str())
                            .help(help.as_str()),
                    );
                }
                continue;
            }
        };
        if declared.field {
            for (primary, value) in field_sites(cx, declared) {
                let site = Site {
                    primary,
                    value: unwrap_some(value),
                    dangerous: dangerous.clone(),
                    help: &help,
                    context: Vec::new(),
                    removal: None,
                };
                report_value(cx, sink, &finding, site);
            }
            continue;
        }
        for call in calls {
            let Some(arg) = call.args.get(declared.arg) else {
                continue;
            };
            let site = setter_site(cx, &call, arg, dangerous.clone(), &help);
            report_value(cx, sink, &finding, site);
        }
    }
}

/// Whether the file mentions the crate or the type a sink's path names (a sink without either
/// is a plain function name, always in question).
fn mentioned(cx: &Cx<'_>, declared: &DeclaredSink) -> bool {
    let qualifiers = declared.qualifiers();
    qualifiers
        .first()
        .zip(qualifiers.last())
        .is_none_or(|(krate, ty)| cx.mentions_crate(krate) || cx.mentions_word(ty))
}

/// Which of the sinks in question a call belongs to, when several share its method name (two
/// crates' `verify(false)`): the one whose type, else whose crate, the call's receiver chain
/// names; else the first. `None` when none has the call's name and form.
fn owner(cx: &Cx<'_>, candidates: &[&DeclaredSink], call: &CallSite<'_>) -> Option<usize> {
    let chain = call.receiver.map_or("", |r| cx.snippet(chain_root(r)));
    let score = |d: &DeclaredSink| {
        let qualifiers = d.qualifiers();
        let names = |q: Option<&&str>| q.is_some_and(|q| chain.contains(*q));
        2 * usize::from(names(qualifiers.last())) + usize::from(names(qualifiers.first()))
    };
    candidates
        .iter()
        .enumerate()
        .filter(|(_, d)| call.name == d.method() && d.receiver == call.receiver.is_some())
        .max_by_key(|(i, d)| (score(d), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}

/// The primary label, the note and the help of a finding at `sink` (whose path is `path`).
fn sink_words(sink: &DeclaredSink, path: &str) -> (String, String, String) {
    let rule = sink.rule;
    match &sink.source {
        SinkSource::Policy(origin) => (
            "this setting is declared dangerous in the policy".to_string(),
            format!(
                "`{path}` is declared in the policy as a sink of {} `{}`: {}",
                rule.code, rule.name, rule.summary
            ),
            format!(
                "`{path}` is declared as a sink in the policy ({origin}); pass the safe value, or change the `[[sink]]` entry if this setting is not dangerous"
            ),
        ),
        SinkSource::Learned {
            package,
            setting,
            at,
            via,
            ..
        } if sink.dangerous == DeclaredValue::Always => (
            format!("this function of `{package}` calls `{setting}` with the dangerous value"),
            format!(
                "`{}` calls `{setting}` itself, on every call ({package}, {at}){via}",
                sink.method()
            ),
            format!(
                "do not call it outside tests; this sink was learned from the source of `{package}` (`--no-learn` turns learning off)"
            ),
        ),
        SinkSource::Learned {
            package,
            setting,
            at,
            via,
            ..
        } => (
            format!("this setting of `{package}` reaches `{setting}`"),
            format!(
                "`{}` passes {} to `{setting}` ({package}, {at}){via}",
                if sink.field { path } else { sink.method() },
                if sink.field {
                    "its value"
                } else {
                    "its argument"
                }
            ),
            format!(
                "pass the safe value; this sink was learned from the source of `{package}` (`--no-learn` turns learning off)"
            ),
        ),
    }
}

/// Reports every struct-literal field or field assignment of `fields` with the dangerous value.
pub fn check_fields(cx: &Cx<'_>, sink: &mut Sink, finding: &Finding, fields: &[Field]) {
    for field in fields {
        if !field.needs_crate.is_empty() && !field.needs_crate.iter().any(|c| cx.mentions_crate(c))
        {
            continue;
        }
        for s in &cx.structs {
            if let Some(name) = field.struct_name
                && s.path.segments.last().is_none_or(|seg| seg.ident != name)
            {
                continue;
            }
            for fv in &s.fields {
                let syn::Member::Named(member) = &fv.member else {
                    continue;
                };
                if member != field.name {
                    continue;
                }
                report_value(
                    cx,
                    sink,
                    finding,
                    Site {
                        primary: cx.range(member),
                        value: unwrap_some(&fv.expr),
                        dangerous: Dangerous::Value(Const::Bool(field.dangerous)),
                        help: field.help,
                        context: Vec::new(),
                        removal: None,
                    },
                );
            }
        }
        if field.struct_name.is_some() {
            continue;
        }
        for a in &cx.assigns {
            let Expr::Field(target) = peel(&a.left) else {
                continue;
            };
            let syn::Member::Named(member) = &target.member else {
                continue;
            };
            if member != field.name {
                continue;
            }
            report_value(
                cx,
                sink,
                finding,
                Site {
                    primary: cx.range(&*a.left),
                    value: unwrap_some(&a.right),
                    dangerous: Dangerous::Value(Const::Bool(field.dangerous)),
                    help: field.help,
                    context: Vec::new(),
                    removal: None,
                },
            );
        }
    }
}

/// Reports every use of the enum values or constants in `values`.
pub fn check_paths(cx: &Cx<'_>, sink: &mut Sink, finding: &Finding, values: &[PathValue]) {
    for p in &cx.paths {
        let Some(value) = cx.first_suffix_match(&p.path, values, |v| v.suffix) else {
            continue;
        };
        if cx.is_compared(*p) || !cx.is_value_position(p) {
            continue;
        }
        let constant = Diagnostic::new(finding.rule, finding.message, cx.range(*p))
            .label(finding.label)
            .note(finding.why)
            .help(value.help);
        report_guarded(cx, sink, finding, constant, value.help);
    }
}

/// One place where a value decides the finding.
pub struct Site<'e> {
    /// The primary range (the setter's name, the field).
    pub primary: Range<usize>,
    /// The value expression.
    pub value: &'e Expr,
    /// The values that weaken TLS.
    pub dangerous: Dangerous,
    /// The safe alternative.
    pub help: &'e str,
    /// Extra secondary labels (the builder it belongs to).
    pub context: Vec<(Range<usize>, String)>,
    /// What to delete to take the setter out of its builder chain, when it is inside one.
    pub removal: Option<Range<usize>>,
}

/// Decides and reports one site: constant, runtime, or pending on another file's constant.
pub fn report_value<'a>(cx: &Cx<'a>, sink: &mut Sink, finding: &Finding, site: Site<'a>) {
    let closure_argument = match &site.dangerous {
        Dangerous::Value(c) => dangerous_closure_argument(cx, site.value, c),
        _ => None,
    };
    let resolved = closure_argument.unwrap_or_else(|| cx.resolve(site.value));
    let arg_range = cx.range(site.value);
    match &resolved.value {
        Value::Const(c) if site.dangerous.admits(c) => {
            let constant = constant_finding(cx, finding, &site, &resolved, arg_range);
            // A version or an address written under a run-time condition is the constant
            // finding, as at the built-in setters.
            let guarded = Finding {
                runtime: finding
                    .runtime
                    .as_ref()
                    .filter(|_| site.dangerous.any_runtime_value())
                    .map(|r| Runtime {
                        rule: r.rule,
                        message: r.message,
                    }),
                ..*finding
            };
            report_guarded(cx, sink, &guarded, constant, site.help);
        }
        Value::Runtime(origin) => {
            let site = negation_stripped(site);
            let arg_range = cx.range(site.value);
            report_runtime(cx, sink, finding, site, arg_range, origin);
        }
        Value::Pending(name) => {
            let finding_if_const =
                constant_finding(cx, finding, &site, &resolved, arg_range.clone());
            let origin =
                format!("the value comes from `{name}`, which is not defined in this crate");
            sink.defer(
                finding_if_const,
                Condition::Constant {
                    name: name.clone(),
                    dangerous: site.dangerous.clone(),
                    if_unresolved: runtime_finding(finding, &site, arg_range, &origin)
                        .filter(|_| site.dangerous.any_runtime_value())
                        .map(Box::new),
                },
            );
        }
        Value::Const(_) | Value::Unknown => {}
    }
}

/// What reaches a value from its function's parameters or a struct's fields, and the values of
/// it that are dangerous: the value itself, the `Option` it unwraps with a constant default
/// (`insecure.unwrap_or(false)`, whose `None` then keeps the setting safe;
/// `insecure.unwrap_or(true)`, whose `None` is dangerous too), or the value a dangerous boolean
/// compares with an enum variant (`mode == Mode::Insecure`: that variant).
fn reaching<'e>(cx: &Cx<'_>, value: &'e Expr, dangerous: &Dangerous) -> (&'e Expr, Dangerous) {
    if let Dangerous::Value(Const::Bool(when)) = dangerous
        && let Some((compared, variant)) = guard::compared_variant(value, *when)
    {
        return (compared, Dangerous::Variants(vec![variant]));
    }
    unwrapped_option(cx, value, dangerous).unwrap_or_else(|| (value, dangerous.clone()))
}

/// Reports a constant dangerous setting by the conditions its code runs under, as the same value
/// passed as an argument would be: always run, the constant finding; never run, nothing; run
/// under a condition that is a parameter, the finding waits for the callers (a named closure's
/// parameter that one of its calls makes true is the constant finding); under one decided at
/// run time, the run-time finding naming the condition (when the rule has one).
pub fn report_guarded(
    cx: &Cx<'_>,
    sink: &mut Sink,
    finding: &Finding,
    constant: Diagnostic,
    help: &str,
) {
    let branch = match guard::reach(cx, constant.primary.range.start) {
        Reach::Always => return push_or_wait_for_calls(cx, sink, finding, constant, help),
        Reach::Never => return,
        Reach::When(branch) => branch,
    };
    if finding.runtime.is_none() {
        return sink.push(constant);
    }
    if let Guard::If { cond, when } = &branch.guard
        && let Some(chosen) = dangerous_closure_argument(cx, cond, &Const::Bool(*when))
    {
        let labelled = chosen
            .via
            .into_iter()
            .fold(constant, |d, (range, text)| d.secondary(range, text));
        return sink.push(labelled);
    }
    let described = guard::describe(cx, branch);
    let (range, when) = (described.range, described.when);
    let wait = match &branch.guard {
        Guard::If { cond, when } => waiting_on(cx, cond, Const::Bool(*when)),
        Guard::Match { scrutinee, pat, .. } => guard::chosen_variants(pat)
            .and_then(|variants| waiting_for(cx, scrutinee, Dangerous::Variants(variants))),
    };
    let origin = described.origin.as_deref();
    let runtime = guarded_runtime_finding(finding, &constant, range.clone(), &when, origin, help);
    let if_runtime = runtime.map(Box::new);
    match wait {
        Some(Waiting::Parameter(parameter, dangerous)) => {
            let waiting = constant.secondary(
                range,
                format!(
                    "only {when}, and `{}` is a parameter of `{}`",
                    parameter.name, parameter.function
                ),
            );
            let condition = Condition::Parameter {
                parameter,
                dangerous,
                if_runtime,
            };
            sink.defer(waiting, condition);
        }
        Some(Waiting::Field(field, dangerous)) => {
            let text = format!("only {when}, the field `{}.{}`", field.owner, field.field);
            let condition = Condition::Field {
                field,
                dangerous,
                if_runtime,
            };
            sink.defer(constant.secondary(range, text), condition);
        }
        None => {
            if let Some(d) = if_runtime {
                sink.push(*d);
            }
        }
    }
}

/// Reports a site whose value is decided at run time: waiting for the callers when it is a
/// parameter, for the package's values when it is a field, else the run-time finding.
fn report_runtime<'a>(
    cx: &Cx<'a>,
    sink: &mut Sink,
    finding: &Finding,
    site: Site<'a>,
    arg_range: Range<usize>,
    origin: &str,
) {
    let (reached, dangerous) = reaching(cx, site.value, &site.dangerous);
    let if_runtime = || {
        runtime_finding(finding, &site, arg_range.clone(), origin)
            .filter(|_| site.dangerous.any_runtime_value())
            .map(Box::new)
    };
    match parameter_at(cx, reached) {
        Some(parameter) => sink.defer(
            parameter_finding(finding, &site, arg_range.clone(), &parameter),
            Condition::Parameter {
                parameter,
                dangerous,
                if_runtime: if_runtime(),
            },
        ),
        None => match field_at(cx, reached) {
            Some(field) => sink.defer(
                field_finding(finding, &site, arg_range.clone(), &field),
                Condition::Field {
                    field,
                    dangerous,
                    if_runtime: if_runtime(),
                },
            ),
            None => {
                if let Some(d) = runtime_variant(cx, finding, &site, arg_range, origin) {
                    sink.push(d);
                }
            }
        },
    }
}

/// The run-time finding for a value of this file decided at run time, unless it is a choice
/// among constants none of which is dangerous: any such value of a switch or a host; a version or an address only when one of its visible options (an arm of
/// its choice, an `unwrap_or` default) is dangerous, labelled there.
fn runtime_variant<'a>(
    cx: &Cx<'a>,
    finding: &Finding,
    site: &Site<'a>,
    arg: Range<usize>,
    origin: &str,
) -> Option<Diagnostic> {
    let mut d = runtime_finding(finding, site, arg, origin)?;
    if let Some(all) = crate::value::choice::all_options(cx, site.value)
        && !all.iter().any(|c| site.dangerous.admits(c))
    {
        return None;
    }
    if site.dangerous.any_runtime_value() {
        return Some(d);
    }
    let dangerous: Vec<(Const, Range<usize>)> = options(cx, site.value)?
        .into_iter()
        .filter(|(c, _)| site.dangerous.admits(c))
        .collect();
    if dangerous.is_empty() {
        return None;
    }
    for (c, at) in dangerous {
        d = d.secondary(
            at,
            format!("{} is one of the values it can take", const_shown(&c)),
        );
    }
    Some(d)
}

/// The site with its value's negations taken off and the dangerous value flipped to match:
/// `danger_accept_invalid_certs(!verify)` waits for `verify` to be `false`.
fn negation_stripped(mut site: Site<'_>) -> Site<'_> {
    while let (Expr::Unary(u), Dangerous::Value(Const::Bool(b))) =
        (peel(site.value), &site.dangerous)
        && matches!(u.op, syn::UnOp::Not(_))
    {
        site.dangerous = Dangerous::Value(Const::Bool(!b));
        site.value = &u.expr;
    }
    site
}

/// What a condition decided at run time waits for in the package phase.
enum Waiting {
    /// A parameter: its callers decide.
    Parameter(Parameter, Dangerous),
    /// A field of a struct type: the values the package gives it decide.
    Field(FieldOf, Dangerous),
}

fn waiting_on(cx: &Cx<'_>, cond: &Expr, when: Const) -> Option<Waiting> {
    let (cond, when) = match when {
        Const::Bool(b) => {
            let (cond, b) = guard::without_not(cond, b);
            (cond, Const::Bool(b))
        }
        other => (cond, other),
    };
    waiting_for(cx, cond, Dangerous::Value(when))
}

/// What `value` (or the `Option` it unwraps with a constant default) waits for to be
/// `dangerous`: its callers when it is a parameter, the package's values when it is a field.
fn waiting_for(cx: &Cx<'_>, value: &Expr, dangerous: Dangerous) -> Option<Waiting> {
    let (value, dangerous) = reaching(cx, value, &dangerous);
    match parameter_at(cx, value) {
        Some(p) => Some(Waiting::Parameter(p, dangerous)),
        None => field_at(cx, value).map(|f| Waiting::Field(f, dangerous)),
    }
}

/// The run-time finding for a constant dangerous setting made only under a condition decided at
/// run time.
fn guarded_runtime_finding(
    finding: &Finding,
    constant: &Diagnostic,
    condition: Range<usize>,
    when: &str,
    origin: Option<&str>,
    help: &str,
) -> Option<Diagnostic> {
    let mut d = runtime_without_condition(finding, constant, help)?
        .secondary(
            condition.clone(),
            format!("the setting is made only {when}"),
        )
        .note(guard::runtime_note(origin, when, finding.message));
    d.runtime_value = Some(condition);
    Some(d)
}

/// The run-time finding for a constant dangerous setting, before the condition it is made under
/// is known (labelled and noted by [`guarded_runtime_finding`], or by the package phase for a
/// condition at the calls of the setting's function).
fn runtime_without_condition(
    finding: &Finding,
    constant: &Diagnostic,
    help: &str,
) -> Option<Diagnostic> {
    let runtime = finding.runtime.as_ref()?;
    Some(
        Diagnostic::new(
            runtime.rule,
            runtime.message,
            constant.primary.range.clone(),
        )
        .label("the setting is decided at run time")
        .help(format!(
            "{help}; if an insecure mode is needed for local testing, keep it out of release builds"
        )),
    )
}

/// Reports a constant dangerous setting made whenever its function runs. In a private function
/// (outside test code), under a rule with a run-time finding, it waits for the package's calls
/// of that function: a function called only under conditions decided at run time makes the
/// setting a run-time choice, as the same condition written around it would. Else the constant
/// finding.
fn push_or_wait_for_calls(
    cx: &Cx<'_>,
    sink: &mut Sink,
    finding: &Finding,
    constant: Diagnostic,
    help: &str,
) {
    let at = constant.primary.range.start;
    let function = function_at(cx, at).filter(|f| !f.public && !cx.in_test_code(at));
    match (
        function,
        runtime_without_condition(finding, &constant, help),
    ) {
        (Some(function), Some(runtime)) => sink.defer(
            constant,
            Condition::CalledUnder {
                function,
                if_runtime: Box::new(runtime),
                what: finding.message.to_string(),
            },
        ),
        _ => sink.push(constant),
    }
}

/// The finding for a field that the package sets to the dangerous value (labelled where by the
/// package phase).
fn field_finding(
    finding: &Finding,
    site: &Site<'_>,
    arg: Range<usize>,
    field: &FieldOf,
) -> Diagnostic {
    let mut d =
        Diagnostic::new(finding.rule, finding.message, site.primary.clone()).label(finding.label);
    if arg.start >= site.primary.end || arg.end <= site.primary.start {
        d = d.secondary(arg, format!("the field `{}.{}`", field.owner, field.field));
    }
    for (range, text) in &site.context {
        d = d.secondary(range.clone(), text.clone());
    }
    d.note(finding.why).help(site.help)
}

/// The finding for a parameter whose callers pass the dangerous value (labelled at them by the
/// package phase).
fn parameter_finding(
    finding: &Finding,
    site: &Site<'_>,
    arg: Range<usize>,
    parameter: &Parameter,
) -> Diagnostic {
    let mut d =
        Diagnostic::new(finding.rule, finding.message, site.primary.clone()).label(finding.label);
    if arg.start >= site.primary.end || arg.end <= site.primary.start {
        d = d.secondary(
            arg,
            format!(
                "`{}` is a parameter of `{}`",
                parameter.name, parameter.function
            ),
        );
    }
    for (range, text) in &site.context {
        d = d.secondary(range.clone(), text.clone());
    }
    d.note(finding.why).help(site.help)
}

fn constant_finding(
    cx: &Cx<'_>,
    finding: &Finding,
    site: &Site<'_>,
    resolved: &Resolved,
    arg: Range<usize>,
) -> Diagnostic {
    let mut d =
        Diagnostic::new(finding.rule, finding.message, site.primary.clone()).label(finding.label);
    if arg.start >= site.primary.end || arg.end <= site.primary.start {
        let shown = cx.text.get(arg.clone()).unwrap_or("");
        let via_const = !resolved.via.is_empty() || matches!(resolved.value, Value::Pending(_));
        let text = if !via_const {
            format!("because of this `{}`", crate::value::compact(shown))
        } else {
            let value = match &resolved.value {
                Value::Const(c) => crate::value::const_shown(c),
                _ => site.dangerous.shown(),
            };
            format!("`{}` is {value}", crate::value::compact(shown))
        };
        d = d.secondary(arg, text);
    }
    for (range, text) in &resolved.via {
        d = d.secondary(range.clone(), text.clone());
    }
    for (range, text) in &site.context {
        d = d.secondary(range.clone(), text.clone());
    }
    if finding.fix_literal
        && let Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Bool(written),
            ..
        }) = peel(site.value)
    {
        let safe = !written.value;
        d = d.fix(Fix::new(
            format!("use `{safe}` (the default)"),
            Applicability::MachineApplicable,
            Edit::replace(cx.range(written), safe.to_string()),
        ));
        if let Some(removal) = &site.removal {
            d = d.fix(Fix::new(
                "remove the call (the default keeps the check on)",
                Applicability::MaybeIncorrect,
                Edit::delete(removal.clone()),
            ));
        }
    }
    d.note(finding.why).help(site.help)
}

/// What to delete to take the method call `m` out of its builder chain: its own line when it has
/// one (`\n    .danger_x(true)`), else `.danger_x(true)`; `None` when the call ends the chain
/// (its value is used, or it is a statement of a `&mut self` builder) or a comment sits before it.
fn chain_removal(cx: &Cx<'_>, m: &syn::ExprMethodCall) -> Option<Range<usize>> {
    if !cx.is_called_on(m) {
        return None;
    }
    let receiver_end = cx.range(&*m.receiver).end;
    let dot = cx.range(&m.dot_token).start;
    let end = cx.span_range(m.paren_token.span.close()).end;
    let between = cx.text.get(receiver_end..dot)?;
    if !between.trim().is_empty() {
        return None;
    }
    let rest_of_line = cx.text.get(end..)?.split('\n').next()?;
    match between.rfind('\n') {
        Some(newline) if rest_of_line.trim().is_empty() => {
            let line_start = receiver_end + newline + 1;
            let next_line = end + rest_of_line.len() + 1;
            Some(line_start..next_line.min(cx.text.len()))
        }
        _ => Some(receiver_end..end),
    }
}

fn runtime_finding(
    finding: &Finding,
    site: &Site<'_>,
    arg: Range<usize>,
    origin: &str,
) -> Option<Diagnostic> {
    let runtime = finding.runtime.as_ref()?;
    let mut d = Diagnostic::new(runtime.rule, runtime.message, site.primary.clone())
        .label("the setting is decided at run time")
        .secondary(arg.clone(), "this value is not a constant")
        .note(format!(
            "{origin}; when it is {}, {}",
            site.dangerous.shown(),
            finding.message
        ))
        .help(format!(
            "{}; if an insecure mode is needed for local testing, keep it out of release builds",
            site.help
        ));
    d.runtime_value = Some(arg);
    Some(d)
}

/// `Some(x)` → `x`.
pub fn unwrap_some(e: &Expr) -> &Expr {
    if let Expr::Call(c) = peel(e)
        && let Expr::Path(p) = &*c.func
        && p.path.is_ident("Some")
        && c.args.len() == 1
    {
        return &c.args[0];
    }
    e
}

/// A label on the constructor that starts the builder chain, when it is on another line.
fn builder_label(
    cx: &Cx<'_>,
    receiver: &Expr,
    primary: Range<usize>,
) -> Option<(Range<usize>, String)> {
    let root = chain_root(receiver);
    let Expr::Call(call) = root else { return None };
    let Expr::Path(_) = &*call.func else {
        return None;
    };
    let range = cx.range(root);
    let same_line = !cx.text.get(range.end..primary.start)?.contains('\n');
    (!same_line && range.end <= primary.start)
        .then(|| (range, "on the builder created here".to_string()))
}
