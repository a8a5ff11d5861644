//! Package facts and deferred findings: what one file establishes for every file of its package
//! (it sets up a TLS acceptor, it adds `authorization` metadata to gRPC requests), and findings
//! that stand or fall with such a fact, or with the value of a constant defined in another file.
//! Rules declare the facts they need as `static`s; the engine joins them per package
//! (`engine::package_facts`) without knowing any of them.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::value::{Const, Dangerous};

/// A fact a file can establish for its whole package, declared as a `static` by the rule that
/// needs it (two facts are the same fact only if they are the same `static`).
#[derive(Debug)]
pub struct Fact {
    /// What the fact says of the package, e.g. "sets up a TLS acceptor".
    pub name: &'static str,
    /// The label put on the site that establishes the fact when a finding stands because of it.
    pub label: &'static str,
}

impl Fact {
    /// Whether the two are the same fact (the same `static`).
    pub fn is(&'static self, other: &'static Fact) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Where a file establishes a fact.
#[derive(Clone, Debug)]
pub struct FactSite {
    /// The fact.
    pub fact: &'static Fact,
    /// Where, when the fact has one site worth pointing at.
    pub at: Option<Range<usize>>,
}

/// When a deferred finding stands.
#[derive(Clone, Debug)]
pub enum Condition {
    /// Only if no file of the package establishes the fact.
    Without(&'static Fact),
    /// Only if some file of the package establishes the fact; the first site is labelled.
    With(&'static Fact),
    /// Decided by the values the package's callers pass for a function parameter: a dangerous
    /// constant from some caller makes the finding stand (labelled at those callers); otherwise
    /// a caller's run-time value, or no caller at all, makes `if_runtime` stand; callers that
    /// all pass safe constants make neither stand.
    Parameter {
        /// The parameter.
        parameter: Parameter,
        /// The value that makes the finding real.
        dangerous: Dangerous,
        /// The finding to report when the value is decided at run time.
        if_runtime: Option<Box<Diagnostic>>,
    },
    /// Decided by the values the package gives a field of a struct type (struct literals,
    /// `Default`, setters on `self`, derives that fill it from input): a dangerous constant makes
    /// the finding stand (labelled where it is set); a value decided at run time makes
    /// `if_runtime` stand, as does a field the package never sets; safe constants alone make
    /// neither stand.
    Field {
        /// The field.
        field: FieldOf,
        /// The value that makes the finding real.
        dangerous: Dangerous,
        /// The finding to report when the value is decided at run time.
        if_runtime: Option<Box<Diagnostic>>,
    },
    /// Only if the constant `name`, defined in another file of the package, has the value
    /// `dangerous`; when no constant of that name is found, `if_unresolved` is reported instead.
    Constant {
        /// The constant's name.
        name: String,
        /// The value that makes the finding real.
        dangerous: Dangerous,
        /// The finding to report when the constant is not found.
        if_unresolved: Option<Box<Diagnostic>>,
    },
    /// Decided by where the package calls the private function the setting is made in: every
    /// call made only under a condition decided at run time (directly, or through another
    /// private function called so) makes `if_runtime` stand, completed with the condition; a
    /// call made whenever its function runs, or no call at all, makes the finding stand; calls
    /// that never run make neither stand.
    CalledUnder {
        /// The function the setting is made in.
        function: Function,
        /// The run-time finding, without the condition (the package phase adds it).
        if_runtime: Box<Diagnostic>,
        /// What the setting does, as the run-time note ends ("certificate verification is
        /// disabled").
        what: String,
    },
}

/// A finding that waits for a fact of the package.
#[derive(Clone, Debug)]
pub struct Deferred {
    /// The finding.
    pub finding: Diagnostic,
    /// When it stands.
    pub condition: Condition,
}

impl Deferred {
    /// Marks the finding (and its unresolved alternative) as in test code or not.
    pub(crate) fn set_in_test_code(&mut self, in_test_code: bool) {
        self.finding.in_test_code = in_test_code;
        match &mut self.condition {
            Condition::Constant {
                if_unresolved: Some(u),
                ..
            }
            | Condition::Parameter {
                if_runtime: Some(u),
                ..
            }
            | Condition::Field {
                if_runtime: Some(u),
                ..
            }
            | Condition::CalledUnder { if_runtime: u, .. } => u.in_test_code = in_test_code,
            _ => {}
        }
    }
}

/// A parameter of a named function, by position.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Parameter {
    /// The function's name.
    pub function: String,
    /// The parameter's position among the arguments (the receiver not counted).
    pub index: usize,
    /// The type whose `impl` defines the function (`None` for a free function).
    pub owner: Option<String>,
    /// Whether the function takes `self` (a `Type::f(recv, …)` call passes it first).
    pub receiver: bool,
    /// How many arguments it takes (the receiver not counted).
    pub arity: usize,
    /// Whether code outside the package can call the function (`pub`, a trait's method), so
    /// callers the package does not show decide too.
    pub public: bool,
    /// The parameter's name.
    pub name: String,
}

/// A named function, as its calls name it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Function {
    /// The function's name.
    pub name: String,
    /// The type whose `impl` defines the function (`None` for a free function).
    pub owner: Option<String>,
    /// Whether the function takes `self`.
    pub receiver: bool,
    /// How many arguments it takes (the receiver not counted).
    pub arity: usize,
    /// Whether code outside the package can call it (`pub`, a trait's method).
    pub public: bool,
}

impl Function {
    /// Where this function's arguments start in `call` (1 when a call by path passes the
    /// receiver first), when `call` calls it: see [`Parameter::argument_in`].
    pub fn called_by(&self, call: &CallFact) -> Option<usize> {
        if call.function != self.name {
            return None;
        }
        let in_owner = self.owner.is_some() && call.caller_owner == self.owner;
        let by_path = match (&call.callee, &self.owner) {
            (Callee::Bare, None) => true,
            (Callee::Qualified(q), None) => q.starts_with(|c: char| c.is_lowercase()),
            (Callee::Qualified(q), Some(owner)) => q == owner || (q == "Self" && in_owner),
            (Callee::SelfMethod, Some(_)) if in_owner => {
                return (call.args.len() == self.arity).then_some(0);
            }
            (Callee::MethodOf(t), Some(owner)) if t == owner && self.receiver => {
                return (call.args.len() == self.arity).then_some(0);
            }
            _ => false,
        };
        let shift = usize::from(self.receiver);
        (by_path && call.args.len() == self.arity + shift).then_some(shift)
    }
}

/// The condition decided at run time that a call is made under.
#[derive(Clone, Debug)]
pub struct CallGuard {
    /// The byte range of the expression that decides it (the `if` condition, the matched value).
    pub range: Range<usize>,
    /// When the call is made, as a note reads it (``when `insecure` is `true` ``).
    pub when: String,
    /// Where the deciding value comes from (`None` when the analysis cannot follow it).
    pub origin: Option<String>,
    /// The parameter or field the condition reads, with the value that makes the call run (`if
    /// insecure`, `if !self.verify`): its callers, or the values the package gives it, decide.
    pub waits: Option<(GuardWait, bool)>,
}

/// A parameter or a field whose values the package phase gathers, as a condition reads it
/// (`if insecure`, `if self.insecure`).
#[derive(Clone, Debug)]
pub enum GuardWait {
    /// A function parameter: its callers decide.
    Parameter(Parameter),
    /// A field of a struct type: the values the package gives it decide.
    Field(FieldOf),
}

/// What a call passes for one argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgValue {
    /// A constant.
    Const(Const),
    /// A value decided at run time, with where it comes from.
    Runtime(String),
    /// A value chosen at run time by an `if`/`match` whose every arm is one of these constants,
    /// with what decides between them: dangerous only when one of them is.
    Chosen(Vec<Const>, String),
    /// A parameter of the calling function: its own callers decide.
    Parameter(Parameter),
    /// `None`: no value. A setting that takes the parameter only through `if let Some(..)`, or
    /// unwraps it with a safe default (`unwrap_or(false)`), keeps its safe value.
    Absent,
    /// Something the analysis cannot evaluate.
    Unknown,
    /// A field of a struct type (`insecure: self.insecure` in a builder's `build`, `opts.insecure`
    /// for `let opts: Opts`): the values the package gives that field decide. Only a field's own
    /// values are this.
    Field(FieldOf),
}

/// How a call names its function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Callee {
    /// `f(…)`.
    Bare,
    /// `q::f(…)`: the segment before the name (`Type`, `Self`, a module).
    Qualified(String),
    /// `self.f(…)`.
    SelfMethod,
    /// `recv.f(…)` on a builder chain that starts at the type named: `T::new().f(…)`,
    /// `T { .. }.f(…)`.
    MethodOf(String),
}

/// A field of a struct type, by the type's name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldOf {
    /// The struct's name.
    pub owner: String,
    /// The field's name.
    pub field: String,
}

/// A value the package gives a field: in a struct literal (`Self { .. }` in its `impl`
/// included), by an assignment to `self.field` in its `impl`, or from outside the code (a derive
/// that fills it from input, a public field of a public struct).
#[derive(Clone, Debug)]
pub struct FieldFact {
    /// The field.
    pub field: FieldOf,
    /// What it is given.
    pub value: ArgValue,
    /// The display path of the file.
    pub path: String,
    /// Where the value is written (the field's declaration for a value from outside).
    pub range: Range<usize>,
    /// Whether it is in test code.
    pub in_test_code: bool,
    /// The public setter a builder derive generates for the field (`allow_insecure(…)` of a
    /// `#[derive(TypedBuilder)]` struct), through which callers outside the package set it.
    pub setter: Option<Parameter>,
    /// Whether code outside the package can set it by name: a public field of a public struct
    /// (`Config { insecure: true, .. }`, `config.insecure = true`).
    pub public: bool,
    /// The public method whose own body assigns the value (`pub fn disable_verification(mut
    /// self) { self.insecure = true; .. }`): whether it is given is up to that method's callers.
    pub opt_in: Option<String>,
}

/// A call of a function by name, with what it passes.
#[derive(Clone, Debug)]
pub struct CallFact {
    /// The called function's name.
    pub function: String,
    /// How the function is named at the call.
    pub callee: Callee,
    /// The type whose `impl` the call is written in, if any.
    pub caller_owner: Option<String>,
    /// The arguments: what each passes and where it is written.
    pub args: Vec<(ArgValue, Range<usize>)>,
    /// The display path of the file.
    pub path: String,
    /// Where the call is written (the function's name).
    pub range: Range<usize>,
    /// Whether the call is in test code.
    pub in_test_code: bool,
    /// The condition decided at run time that the call is made under: a constant it passes is
    /// then chosen at run time.
    pub guard: Option<CallGuard>,
    /// The function the call is written in.
    pub caller: Option<Function>,
}

impl Parameter {
    /// The position of this parameter's argument in `call`, when `call` calls this parameter's
    /// function: a free function by `f(…)` or `module::f(…)`; a function of `impl T` by
    /// `T::f(…)`, by `Self::f(…)` or `self.f(…)` inside `impl T`, and a method of `impl T` on a
    /// builder chain that starts at `T`. A call by path of a function
    /// that takes `self` passes the receiver first. The number of arguments must fit.
    pub fn argument_in(&self, call: &CallFact) -> Option<usize> {
        let function = Function {
            name: self.function.clone(),
            owner: self.owner.clone(),
            receiver: self.receiver,
            arity: self.arity,
            public: self.public,
        };
        function.called_by(call).map(|shift| self.index + shift)
    }
}
