//! `Cx`: one parsed file plus an index of the facts rules ask about (method calls by name, paths,
//! struct literals, `let`/`const` bindings, scopes, `use` aliases, test code), built in one
//! visitor pass so each rule is a short query instead of its own traversal.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Expr, Ident, Pat};

use crate::lex::Lexemes;
use crate::parse::Parsed;
use crate::policy::Policy;

/// The per-file context handed to every rule.
pub struct Cx<'a> {
    /// The file's display path.
    pub path: &'a str,
    /// The original file text (with BOM and shebang).
    pub text: &'a str,
    /// Where the parsed text starts in `text`.
    offset: usize,
    /// Whether the whole file belongs to a test or bench target.
    pub is_test_target: bool,
    /// The policy of the file's package.
    pub policy: &'a Policy,
    /// Every macro invocation (`include_str!(…)`, `concat!(…)`), including those nested in macro
    /// bodies.
    pub macros: Vec<&'a syn::Macro>,
    /// Every method call, including calls found in macro bodies.
    pub method_calls: Vec<&'a syn::ExprMethodCall>,
    /// Every function or associated-function call (`f(x)`, `Type::f(x)`).
    pub calls: Vec<&'a syn::ExprCall>,
    /// Every path expression (`SslVerifyMode::NONE`, `INSECURE`).
    pub paths: Vec<&'a syn::ExprPath>,
    /// Every struct literal (`Config { accept_invalid_certs: true, .. }`).
    pub structs: Vec<&'a syn::ExprStruct>,
    /// Every assignment (`config.accept_invalid_certs = true`).
    pub assigns: Vec<&'a syn::ExprAssign>,
    /// Every string literal in expression position, with the byte range of the literal.
    pub strings: Vec<&'a syn::LitStr>,
    /// Whether a `use` renames what it imports (`use a::B as C;`).
    renamed_imports: bool,
    /// The values of `strings`, unescaped once for every rule that reads them.
    string_values: std::cell::OnceCell<Vec<String>>,
    /// The file's tokens after its prelude, when the prefilter lexed it (see [`Cx::code`]).
    lexemes: Option<&'a Lexemes>,
    /// `text` with its comments blanked, built on first use.
    code: std::cell::OnceCell<String>,
    /// [`Cx::code`] in ASCII lowercase, built on first use.
    code_lowercase: std::cell::OnceCell<String>,
    /// The answers [`Cx::mentions_crate`] gave, by crate name: several rules ask about the same
    /// crates, and each answer is a search of the whole code.
    crates_mentioned: std::cell::RefCell<FxHashMap<String, bool>>,
    /// The text syn parsed, when it is not `text[offset..]` (the outline's focused copy: the same
    /// bytes at the same offsets, with unneeded items blanked).
    parsed_text: Option<&'a str>,
    /// Where the parsed text's lines start, built on first use (see [`Cx::span_range`]).
    parsed_lines: std::cell::OnceCell<ParsedLines>,
    /// Every byte-string literal (`b"…"`) in expression position.
    pub byte_strings: Vec<&'a syn::LitByteStr>,
    /// Every `impl` block.
    pub impls: Vec<&'a syn::ItemImpl>,
    /// Every struct definition.
    pub struct_defs: Vec<&'a syn::ItemStruct>,
    /// Every function, method and closure, innermost last among nested ones.
    pub scopes: Vec<Scope<'a>>,
    /// `let` bindings of a single identifier.
    pub lets: Vec<LetBinding<'a>>,
    /// Names bound by destructuring `let`s, `if let`, `while let`, `for` and `match` arms.
    pub patterns: Vec<PatternBinding<'a>>,
    /// Code that runs only under a condition: `if`/`else` blocks and `match` arms.
    pub branches: Vec<Branch<'a>>,
    /// `const` and `static` items (including associated consts), by name.
    pub consts: FxHashMap<String, Vec<ConstItem<'a>>>,
    /// `use` renames and imports: the local name to the full path it stands for.
    pub uses: FxHashMap<String, Vec<String>>,
    /// Byte ranges (of the original text) of `#[cfg(test)]` items and `#[test]` functions.
    test_ranges: Vec<Range<usize>>,
    /// Byte ranges of statements, items, fields and arms, for suppression scoping.
    statements: Vec<Statement<'a>>,
    /// Their byte ranges, computed on first use.
    statement_ranges: std::cell::OnceCell<Vec<Range<usize>>>,
    /// Byte ranges of the operands of comparisons (`mode == PgSslMode::Require` selects nothing).
    compared: Vec<Range<usize>>,
    /// Byte starts of paths used as values that configure something: call arguments, struct
    /// field values, assigned values, `let`/`const` initializers (through `|`, `&`, parentheses
    /// and constructor calls such as `Some(…)`).
    value_paths: FxHashSet<usize>,
    /// Each method call's chain (its outermost and innermost calls), built on first use.
    chains: std::cell::OnceCell<Chains>,
    /// Whether the visitor pass is done (chains are indexed only then).
    indexed: bool,
}

/// Method chains indexed by call: `a.b().c()?.d()` is one chain whose outermost call is `d` and
/// whose innermost is `b`, for every call on it (as indices into [`Cx::method_calls`]). Built in
/// one pass, so a query is a hash lookup however long the chain.
#[derive(Default)]
struct Chains {
    outermost: FxHashMap<*const syn::ExprMethodCall, usize>,
    innermost: FxHashMap<*const syn::ExprMethodCall, usize>,
    /// Where each chain without attributes starts (every call on it starts there), by call.
    start: FxHashMap<*const syn::ExprMethodCall, usize>,
    /// The calls whose result is itself the receiver of a method call (`a.f()` in `a.f().g()`).
    called_on: FxHashSet<*const syn::ExprMethodCall>,
}

impl Chains {
    /// Indexes `calls`; `start_of` gives the byte where an expression starts.
    fn new(calls: &[&syn::ExprMethodCall], start_of: impl Fn(&Expr) -> usize) -> Chains {
        let index: FxHashMap<*const syn::ExprMethodCall, usize> = calls
            .iter()
            .enumerate()
            .map(|(i, m)| (*m as *const _, i))
            .collect();
        let inner: FxHashSet<*const syn::ExprMethodCall> = calls
            .iter()
            .filter_map(|m| match chain_step(&m.receiver) {
                ChainStep::Call(c) => Some(c as *const _),
                ChainStep::Root => None,
            })
            .collect();
        let mut chains = Chains {
            called_on: calls
                .iter()
                .filter_map(|m| match &*m.receiver {
                    Expr::MethodCall(r) => Some(r as *const _),
                    _ => None,
                })
                .collect(),
            ..Chains::default()
        };
        for (outer, m) in calls.iter().enumerate() {
            if inner.contains(&(*m as *const _)) {
                continue;
            }
            let mut on_chain = vec![*m];
            let mut last = *m;
            while let ChainStep::Call(c) = chain_step(&last.receiver) {
                on_chain.push(c);
                last = c;
            }
            let innermost = index.get(&(last as *const _)).copied().unwrap_or(outer);
            // An attribute on a call (`#[a] x.f()`) would start its span before the receiver.
            let start = on_chain
                .iter()
                .all(|c| c.attrs.is_empty())
                .then(|| start_of(&last.receiver));
            for call in on_chain {
                let key = call as *const syn::ExprMethodCall;
                chains.outermost.insert(key, outer);
                chains.innermost.insert(key, innermost);
                if let Some(start) = start {
                    chains.start.insert(key, start);
                }
            }
        }
        chains
    }
}

/// One step down a chain from a receiver: the next method call, or the chain's root.
enum ChainStep<'a> {
    Call(&'a syn::ExprMethodCall),
    Root,
}

fn chain_step(mut e: &Expr) -> ChainStep<'_> {
    loop {
        match peel(e) {
            Expr::MethodCall(m) => return ChainStep::Call(m),
            Expr::Try(t) => e = &t.expr,
            Expr::Await(a) => e = &a.base,
            _ => return ChainStep::Root,
        }
    }
}

/// A node a suppression comment can cover.
enum Statement<'a> {
    Item(&'a syn::Item),
    ImplItem(&'a syn::ImplItem),
    Stmt(&'a syn::Stmt),
    FieldValue(&'a syn::FieldValue),
    Arm(&'a syn::Arm),
}

/// A function, method or closure: its parameters decide values at run time.
pub struct Scope<'a> {
    /// The byte range of the whole function or closure.
    pub range: Range<usize>,
    /// The identifiers bound by its parameters.
    pub params: Vec<&'a Ident>,
    /// The name, for functions and methods.
    pub name: Option<&'a Ident>,
    /// The return type, for functions and methods.
    pub output: Option<&'a syn::ReturnType>,
    /// The body, for functions and methods.
    pub body: Option<&'a syn::Block>,
    /// The signature, for functions and methods.
    pub sig: Option<&'a syn::Signature>,
    /// Whether code outside the crate can call it (`pub`, a trait's method).
    pub public: bool,
}

/// `let [mut] name [: T] = init;`
pub struct LetBinding<'a> {
    /// The bound name.
    pub name: &'a Ident,
    /// Whether it is `mut`.
    pub mutable: bool,
    /// The initializer.
    pub init: Option<&'a Expr>,
    /// The type written on the binding (`let opts: Opts = …`).
    pub ty: Option<&'a syn::Type>,
    /// The byte offset of the binding.
    pub offset: usize,
    /// Where the statement ends: the name is in scope after it, not in its own initializer.
    pub end: usize,
    /// The block it is declared in: it is visible from `end` to the block's end.
    pub block: Range<usize>,
    /// Whether a `#[cfg(…)]` attribute keeps it in some builds only (an alternative to another
    /// `let` of the same name under the opposite `cfg`).
    pub cfg: bool,
}

impl LetBinding<'_> {
    /// Whether the binding is in scope at byte `at` (after its statement, in its block; an inner
    /// binding of the same name may still shadow it).
    pub fn visible_at(&self, at: usize) -> bool {
        self.end <= at && self.block.contains(&at)
    }
}

/// A name bound by a pattern (`let (a, insecure) = …;`, `let Settings { insecure, .. } = s;`,
/// `if let Some(v) = opt { … }`, a `match` arm's `Some(v) => …`): the matched value and the way
/// from it to the name.
pub struct PatternBinding<'a> {
    /// The bound name.
    pub name: &'a Ident,
    /// The matched value (the `let`'s initializer, the scrutinee).
    pub source: &'a Expr,
    /// The steps from the matched value to the name's part of it.
    pub steps: Vec<crate::destructure::Step>,
    /// Where the name comes into scope (after the `let`, at the `if let` block or the arm).
    pub offset: usize,
    /// Where it is in scope.
    pub scope: Range<usize>,
}

/// Code that runs only under a condition.
pub struct Branch<'a> {
    /// The byte range of the block or arm body.
    pub range: Range<usize>,
    /// What it runs under.
    pub guard: Guard<'a>,
}

/// The condition of a [`Branch`].
pub enum Guard<'a> {
    /// `if cond { … }` (`when: true`) or its `else` block (`when: false`).
    If {
        /// The condition.
        cond: &'a Expr,
        /// The value of the condition under which the branch runs.
        when: bool,
    },
    /// An arm of `match scrutinee { pat => … }`, or the block of `if let pat = scrutinee`.
    Match {
        /// The matched value.
        scrutinee: &'a Expr,
        /// The arm's pattern.
        pat: &'a syn::Pat,
        /// How many arms the `match` has (1 for `if let`).
        arms: usize,
        /// Whether it is the block of an `if let`.
        if_let: bool,
    },
}

/// `const NAME: T = expr;` or `static NAME: T = expr;`
pub struct ConstItem<'a> {
    /// The name.
    pub name: &'a Ident,
    /// The value expression.
    pub expr: &'a Expr,
}

impl<'a> Cx<'a> {
    /// Indexes `parsed`, whose spans are relative to `text[offset..]`.
    pub fn new(
        path: &'a str,
        text: &'a str,
        offset: usize,
        is_test_target: bool,
        parsed: &'a Parsed,
        policy: &'a Policy,
    ) -> Cx<'a> {
        let mut cx = Cx {
            path,
            text,
            offset,
            is_test_target,
            policy,
            macros: Vec::new(),
            method_calls: Vec::new(),
            calls: Vec::new(),
            paths: Vec::new(),
            structs: Vec::new(),
            assigns: Vec::new(),
            strings: Vec::new(),
            renamed_imports: false,
            string_values: std::cell::OnceCell::new(),
            lexemes: None,
            code: std::cell::OnceCell::new(),
            code_lowercase: std::cell::OnceCell::new(),
            crates_mentioned: std::cell::RefCell::default(),
            parsed_text: None,
            parsed_lines: std::cell::OnceCell::new(),
            byte_strings: Vec::new(),
            impls: Vec::new(),
            struct_defs: Vec::new(),
            scopes: Vec::new(),
            lets: Vec::new(),
            patterns: Vec::new(),
            branches: Vec::new(),
            consts: FxHashMap::default(),
            uses: FxHashMap::default(),
            test_ranges: Vec::new(),
            statements: Vec::new(),
            statement_ranges: std::cell::OnceCell::new(),
            compared: Vec::new(),
            value_paths: FxHashSet::default(),
            chains: std::cell::OnceCell::new(),
            indexed: false,
        };
        let mut indexer = Indexer {
            cx: &mut cx,
            in_trait_impl: false,
            blocks: Vec::new(),
        };
        indexer.visit_file(&parsed.file);
        for body in &parsed.bodies {
            body.visit(&mut indexer);
        }
        cx.scopes
            .sort_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end)));
        cx.renamed_imports = cx.uses.iter().any(|(name, full)| full.last() != Some(name));
        cx.indexed = true;
        cx
    }

    /// The outermost call of the method chain `m` is on (`m` itself when nothing calls a method on
    /// its result).
    pub fn outermost_call<'m>(&'m self, m: &'m syn::ExprMethodCall) -> &'m syn::ExprMethodCall {
        match self.chains().outermost.get(&(m as *const _)) {
            Some(&i) => self.method_calls[i],
            None => m,
        }
    }

    /// The root of the method chain `m` is on: what the first call is made on.
    pub fn chain_root_of<'m>(&'m self, m: &'m syn::ExprMethodCall) -> &'m Expr {
        match self.chains().innermost.get(&(m as *const _)) {
            Some(&i) => chain_root(&self.method_calls[i].receiver),
            None => chain_root(&m.receiver),
        }
    }

    /// Whether a method is called directly on the result of `m` (`a.f()` in `a.f().g()`, not in
    /// `a.f()?.g()`).
    pub fn is_called_on(&self, m: &syn::ExprMethodCall) -> bool {
        self.chains().called_on.contains(&(m as *const _))
    }

    fn chains(&self) -> &Chains {
        self.chains
            .get_or_init(|| Chains::new(&self.method_calls, |e| self.span_range(e.span()).start))
    }

    /// A method call's byte range in time independent of its size (its span would walk every
    /// token of the receiver chain, quadratic over a long chain): the chain's start, then the
    /// call's closing parenthesis. `None` before indexing is done or for a call with attributes.
    fn method_call_range(&self, m: &syn::ExprMethodCall) -> Option<Range<usize>> {
        if !self.indexed {
            return None;
        }
        let start = *self.chains().start.get(&(m as *const _))?;
        Some(start..self.span_range(m.paren_token.span.close()).end)
    }

    /// Gives the file's tokens (as the prefilter lexed them), so that [`Cx::code`] can tell
    /// comments from code.
    pub fn with_lexemes(mut self, lexemes: Option<&'a Lexemes>) -> Cx<'a> {
        self.lexemes = lexemes;
        self
    }

    /// The text with every comment (and the shebang) blanked, byte offsets kept: what rules
    /// search when a word's presence is a condition (`use mysql::`, a crate's name), since
    /// comments are never findings and the prefilter does not count their words. Without
    /// tokens, the text itself.
    pub fn code(&self) -> &str {
        let Some(lexemes) = self.lexemes else {
            return self.text;
        };
        self.code.get_or_init(|| {
            let mut bytes = self.text.as_bytes().to_vec();
            let mut gap_start = 0;
            let tokens = lexemes
                .ranges()
                .map(|r| r.start + self.offset..r.end + self.offset);
            for token in tokens.chain(std::iter::once(bytes.len()..bytes.len())) {
                for b in bytes.get_mut(gap_start..token.start).unwrap_or_default() {
                    if !b.is_ascii_whitespace() {
                        *b = b' ';
                    }
                }
                gap_start = token.end;
            }
            String::from_utf8(bytes).unwrap_or_else(|_| self.text.to_string())
        })
    }

    /// Whether the code (outside comments) contains `needle`, ASCII case-insensitively, as the
    /// prefilter matches its `(?i)` needles. Rules whose values can be assembled from pieces
    /// (`concat!`, constants) check their needle with it, so that the prefilter stays exact.
    pub fn mentions_ci(&self, needle: &str) -> bool {
        let code = self
            .code_lowercase
            .get_or_init(|| self.code().to_ascii_lowercase());
        memchr::memmem::find(code.as_bytes(), needle.to_ascii_lowercase().as_bytes()).is_some()
    }

    /// The value of each of `strings`, in the same order.
    pub fn string_values(&self) -> &[String] {
        self.string_values
            .get_or_init(|| self.strings.iter().map(|s| s.value()).collect())
    }

    /// The byte range of a syntax node in the original text.
    pub fn range<T: Spanned + 'static>(&self, node: &T) -> Range<usize> {
        let any: &dyn std::any::Any = node;
        let call = match any.downcast_ref::<Expr>() {
            Some(Expr::MethodCall(m)) => Some(m),
            _ => any.downcast_ref::<syn::ExprMethodCall>(),
        };
        call.and_then(|m| self.method_call_range(m))
            .unwrap_or_else(|| self.span_range(node.span()))
    }

    /// The source text of a syntax node.
    pub fn snippet(&self, node: &(impl Spanned + 'static)) -> &'a str {
        let r = self.range(node);
        self.text.get(r).unwrap_or("")
    }

    /// The byte range of a function from its `fn` keyword to its closing brace, found in constant
    /// time (a node's `span()` costs time proportional to its size).
    pub fn fn_range(&self, sig: &syn::Signature, block: &syn::Block) -> Range<usize> {
        self.span_range(sig.fn_token.span).start
            ..self.span_range(block.brace_token.span.close()).end
    }

    /// The byte range of an `impl` block from its `impl` keyword to its closing brace, in
    /// constant time.
    pub fn impl_range(&self, i: &syn::ItemImpl) -> Range<usize> {
        self.span_range(i.impl_token.span).start..self.span_range(i.brace_token.span.close()).end
    }

    /// The innermost `impl` block containing byte `at`.
    pub fn impl_at(&self, at: usize) -> Option<&'a syn::ItemImpl> {
        self.impls
            .iter()
            .copied()
            .filter(|i| self.impl_range(i).contains(&at))
            .min_by_key(|i| self.impl_range(i).len())
    }

    /// Names the text syn parsed when it is a focused copy of `text[offset..]`.
    pub fn with_parsed_text(mut self, parsed_text: &'a str) -> Cx<'a> {
        self.parsed_text = Some(parsed_text);
        self
    }

    /// The byte range of a span in the original text. Computed from the span's line and column:
    /// `Span::byte_range` converts character positions to bytes through a per-file map that
    /// cost more than the rules themselves.
    pub fn span_range(&self, span: proc_macro2::Span) -> Range<usize> {
        let len = self.text.len();
        let start = self.parsed_byte(span.start());
        let end = self.parsed_byte(span.end());
        (start + self.offset).min(len)..(end + self.offset).min(len)
    }

    /// The byte offset in the parsed text of a line (1-based) and column (in characters).
    fn parsed_byte(&self, at: proc_macro2::LineColumn) -> usize {
        let parsed = self.parsed_text.unwrap_or(&self.text[self.offset..]);
        let lines = self.parsed_lines.get_or_init(|| ParsedLines {
            starts: std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', parsed.as_bytes()).map(|i| i + 1))
                .collect(),
            ascii: parsed.is_ascii(),
        });
        let Some(&line_start) = lines.starts.get(at.line.wrapping_sub(1)) else {
            return parsed.len();
        };
        if lines.ascii {
            return (line_start + at.column).min(parsed.len());
        }
        parsed[line_start..]
            .char_indices()
            .nth(at.column)
            .map_or(parsed.len(), |(i, _)| line_start + i)
    }

    /// Whether byte `offset` lies in test code.
    pub fn in_test_code(&self, offset: usize) -> bool {
        self.is_test_target || self.test_ranges.iter().any(|r| r.contains(&offset))
    }

    /// The byte ranges of statements, items, fields and arms (suppression scoping, "the statement
    /// around this"). Computed on first use: a node's span costs time proportional to its size,
    /// and most files never need these.
    pub fn statement_ranges(&self) -> &[Range<usize>] {
        self.statement_ranges.get_or_init(|| {
            self.statements
                .iter()
                .map(|s| match s {
                    Statement::Item(i) => self.range(*i),
                    Statement::ImplItem(i) => self.range(*i),
                    Statement::Stmt(st) => self.range(*st),
                    Statement::FieldValue(f) => self.range(*f),
                    Statement::Arm(a) => self.range(*a),
                })
                .collect()
        })
    }

    /// Whether `node` is an operand of a comparison (`==`, `!=`, `<`, …).
    pub fn is_compared(&self, node: &(impl Spanned + 'static)) -> bool {
        let r = self.range(node);
        self.compared
            .iter()
            .any(|c| c.start <= r.start && r.end <= c.end)
    }

    /// Whether a path is used as a configuring value (an argument, a field value, an assigned
    /// value or an initializer) rather than, say, a `match` arm's result or a return value.
    pub fn is_value_position(&self, path: &syn::ExprPath) -> bool {
        self.value_paths.contains(&self.range(path).start)
    }

    /// The innermost function or closure containing byte `offset`.
    pub fn scope_at(&self, offset: usize) -> Option<&Scope<'a>> {
        self.scopes.iter().rev().find(|s| s.range.contains(&offset))
    }

    /// The `let` binding of `ident` visible at byte `at`: the last one before `at` in the
    /// innermost function or closure containing `at` whose block holds `at`.
    pub fn binding_at(&self, ident: &Ident, at: usize) -> Option<&LetBinding<'a>> {
        let scope = self
            .scope_at(at)
            .map_or(0..self.text.len(), |s| s.range.clone());
        self.lets
            .iter()
            .filter(|l| l.name == ident && l.visible_at(at) && scope.contains(&l.offset))
            .max_by_key(|l| l.offset)
    }

    /// All scopes containing `offset`, innermost first.
    pub fn scopes_at(&self, offset: usize) -> impl Iterator<Item = &Scope<'a>> {
        self.scopes
            .iter()
            .rev()
            .filter(move |s| s.range.contains(&offset))
    }

    /// Method calls to any of `names`, as [`CallSite`]s, plus UFCS calls `Type::name(recv, args)`.
    pub fn calls_named<'c>(
        &'c self,
        names: &'c [&'c str],
    ) -> impl Iterator<Item = CallSite<'a>> + 'c {
        let methods = self
            .method_calls
            .iter()
            .filter(move |m| names.iter().any(|n| m.method == n))
            .map(|m| CallSite {
                name: &m.method,
                receiver: Some(&*m.receiver),
                args: m.args.iter().collect(),
                expr_range_of: CallExpr::Method(m),
            });
        let ufcs = self.calls.iter().filter_map(move |c| {
            let Expr::Path(p) = &*c.func else { return None };
            let last = p.path.segments.last()?;
            if p.path.segments.len() < 2 || !names.iter().any(|n| last.ident == n) {
                return None;
            }
            let mut args = c.args.iter();
            let receiver = args.next();
            Some(CallSite {
                name: &last.ident,
                receiver,
                args: args.collect(),
                expr_range_of: CallExpr::Ufcs(c),
            })
        });
        methods.chain(ufcs)
    }

    /// Calls by path of functions named any of `names` that take no receiver
    /// (`acme::client(x)`, `Builder::with_insecure(x)`, `client(x)` after a `use`), as
    /// [`CallSite`]s without a receiver.
    pub fn functions_named<'c>(
        &'c self,
        names: &'c [&'c str],
    ) -> impl Iterator<Item = CallSite<'a>> + 'c {
        self.calls.iter().filter_map(move |c| {
            let Expr::Path(p) = &*c.func else { return None };
            let last = p.path.segments.last()?;
            names.iter().any(|n| last.ident == n).then(|| CallSite {
                name: &last.ident,
                receiver: None,
                args: c.args.iter().collect(),
                expr_range_of: CallExpr::Ufcs(c),
            })
        })
    }

    /// Expands a path through the file's `use` imports: `Cb::x` → `reqwest::ClientBuilder::x`.
    pub fn canonical_path(&self, path: &syn::Path) -> Vec<String> {
        let mut segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if let Some(full) = segs.first().and_then(|first| self.uses.get(first)) {
            let mut expanded = full.clone();
            expanded.extend(segs.drain(1..));
            segs = expanded;
        }
        segs
    }

    /// The first of `candidates` whose suffix (`suffix_of`) `path` ends with
    /// ([`Cx::path_ends_with`]). Each candidate's last word is first compared with the path's
    /// last segment as written, which only a renamed import can change.
    pub fn first_suffix_match<'c, T>(
        &self,
        path: &syn::Path,
        candidates: &'c [T],
        suffix_of: impl Fn(&T) -> &'static [&'static str],
    ) -> Option<&'c T> {
        let written_last = path.segments.last().map(|s| s.ident.to_string());
        candidates.iter().find(|c| {
            let suffix = suffix_of(c);
            (self.renamed_imports || written_last.as_deref() == suffix.last().copied())
                && self.path_ends_with(path, suffix)
        })
    }

    /// Whether `path` (after `use` expansion) ends with the segments `suffix`.
    pub fn path_ends_with(&self, path: &syn::Path, suffix: &[&str]) -> bool {
        let segs = &path.segments;
        let Some(first) = segs.first() else {
            return suffix.is_empty();
        };
        if segs.len() > suffix.len() {
            // Expanding a `use` alias only replaces the first segment, which lies outside the
            // compared tail: compare in place, without allocating.
            return segs
                .iter()
                .rev()
                .zip(suffix.iter().rev())
                .all(|(seg, want)| seg.ident == want);
        }
        // The segments after the first are compared in place; the rest of `suffix` must end the
        // first segment's expansion.
        let (head, tail) = suffix.split_at(suffix.len() + 1 - segs.len());
        if !segs
            .iter()
            .skip(1)
            .zip(tail)
            .all(|(seg, want)| seg.ident == want)
        {
            return false;
        }
        // An import's path ends with the name it binds unless it is renamed (`as`), so without
        // renames the first segment must already be the last of `head`.
        if !self.renamed_imports && head.last().is_none_or(|last| first.ident != last) {
            return false;
        }
        let first = first.ident.to_string();
        match self.uses.get(&first) {
            Some(full) => full.len() >= head.len() && full[full.len() - head.len()..] == *head,
            None => *head == [first.as_str()],
        }
    }

    /// Whether the file's code (comments blanked) has `word` as a whole identifier.
    pub fn mentions_word(&self, word: &str) -> bool {
        let bytes = self.code().as_bytes();
        let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        !word.is_empty()
            && memchr::memmem::find_iter(bytes, word.as_bytes()).any(|i| {
                !i.checked_sub(1).is_some_and(|j| ident(bytes[j]))
                    && !bytes.get(i + word.len()).is_some_and(|b| ident(*b))
            })
    }

    /// Whether the file mentions a crate by path or `use` (`paho_mqtt::…`, `use paho_mqtt`).
    pub fn mentions_crate(&self, krate: &str) -> bool {
        if let Some(&known) = self.crates_mentioned.borrow().get(krate) {
            return known;
        }
        let found = self.search_crate(krate);
        self.crates_mentioned
            .borrow_mut()
            .insert(krate.to_string(), found);
        found
    }

    /// [`Cx::mentions_crate`] without the memory: a search of the code for `krate` as a path's
    /// first segment or a `use`d name.
    fn search_crate(&self, krate: &str) -> bool {
        let bytes = self.code().as_bytes();
        memchr::memmem::find_iter(bytes, krate.as_bytes()).any(|i| {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            let after = bytes.get(i + krate.len()).copied();
            !before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
                && matches!(
                    after,
                    Some(b':') | Some(b';') | Some(b' ') | Some(b'{') | Some(b',')
                )
        })
    }
}

/// Where the lines of the parsed text start, in bytes (after each `\n`, as proc-macro2 counts
/// them), and whether it is all ASCII (a column is then a byte count).
struct ParsedLines {
    starts: Vec<usize>,
    ascii: bool,
}

/// A call of a named method or associated function, normalised so that the receiver is separate
/// from the arguments in both call forms.
pub struct CallSite<'a> {
    /// The method's name.
    pub name: &'a Ident,
    /// The receiver (`b` in `b.m(x)` and in `Builder::m(b, x)`).
    pub receiver: Option<&'a Expr>,
    /// The arguments after the receiver.
    pub args: Vec<&'a Expr>,
    expr_range_of: CallExpr<'a>,
}

enum CallExpr<'a> {
    Method(&'a syn::ExprMethodCall),
    Ufcs(&'a syn::ExprCall),
}

impl<'a> CallSite<'a> {
    /// The range from the method name to the closing parenthesis (`danger_x(true)`).
    pub fn call_range(&self, cx: &Cx<'_>) -> Range<usize> {
        match self.expr_range_of {
            CallExpr::Method(m) => {
                let start = cx.range(&m.method).start;
                start..cx.span_range(m.paren_token.span.close()).end
            }
            CallExpr::Ufcs(c) => cx.range(c),
        }
    }

    /// The range of the method name.
    pub fn name_range(&self, cx: &Cx<'_>) -> Range<usize> {
        cx.range(self.name)
    }

    /// The call as written, when it is a method call (`b.m(x)`, not `Builder::m(b, x)`).
    pub fn method_call(&self) -> Option<&'a syn::ExprMethodCall> {
        match self.expr_range_of {
            CallExpr::Method(m) => Some(m),
            CallExpr::Ufcs(_) => None,
        }
    }
}

/// Strips parentheses, `&`, and invisible groups from an expression.
pub fn peel(mut e: &Expr) -> &Expr {
    loop {
        e = match e {
            Expr::Paren(p) => &p.expr,
            Expr::Group(g) => &g.expr,
            Expr::Reference(r) => &r.expr,
            _ => return e,
        };
    }
}

/// The root of a method-call chain (`reqwest::Client::builder()` in `…builder().a().b()`).
pub fn chain_root(mut e: &Expr) -> &Expr {
    loop {
        match peel(e) {
            Expr::MethodCall(m) => e = &m.receiver,
            Expr::Try(t) => e = &t.expr,
            Expr::Await(a) => e = &a.base,
            other => return other,
        }
    }
}

struct Indexer<'c, 'a> {
    cx: &'c mut Cx<'a>,
    /// Whether the items being visited are in an `impl Trait for Type` (its methods are as
    /// public as the trait).
    in_trait_impl: bool,
    /// The byte ranges of the blocks around the node being visited, innermost last.
    blocks: Vec<Range<usize>>,
}

impl<'a> Indexer<'_, 'a> {
    /// Records the names `pat` binds in `source`, in scope over `scope` from `offset`.
    fn push_patterns(
        &mut self,
        pat: &'a Pat,
        source: &'a Expr,
        offset: usize,
        scope: Range<usize>,
    ) {
        for (name, steps) in crate::destructure::bindings(pat) {
            self.cx.patterns.push(PatternBinding {
                name,
                source,
                steps,
                offset,
                scope: scope.clone(),
            });
        }
    }

    /// Records a `const`/`static` item by name.
    fn push_const(&mut self, name: &'a Ident, expr: &'a Expr) {
        self.cx
            .consts
            .entry(name.to_string())
            .or_default()
            .push(ConstItem { name, expr });
    }

    /// Records the paths that `e` passes on as a value.
    fn mark_value(&mut self, e: &'a Expr) {
        match e {
            Expr::Path(p) => {
                let start = self.cx.range(p).start;
                self.cx.value_paths.insert(start);
            }
            Expr::Paren(p) => self.mark_value(&p.expr),
            Expr::Group(g) => self.mark_value(&g.expr),
            Expr::Reference(r) => self.mark_value(&r.expr),
            Expr::Binary(b) if matches!(b.op, syn::BinOp::BitOr(_)) => {
                self.mark_value(&b.left);
                self.mark_value(&b.right);
            }
            Expr::Call(c) if is_wrapper(c) => c.args.iter().for_each(|a| self.mark_value(a)),
            Expr::Call(c) => {
                if let Expr::Path(p) = &*c.func {
                    let start = self.cx.range(p).start;
                    self.cx.value_paths.insert(start);
                }
            }
            _ => {}
        }
    }

    fn mark_test(&mut self, attrs: &[syn::Attribute], node: &(impl Spanned + 'static)) {
        if attrs.iter().any(is_test_attr) {
            let r = self.cx.range(node);
            self.cx.test_ranges.push(r);
        }
    }

    fn push_scope(
        &mut self,
        range: Range<usize>,
        inputs: impl Iterator<Item = &'a Pat>,
        sig: Option<&'a syn::Signature>,
        body: Option<&'a syn::Block>,
        public: bool,
    ) {
        let mut params = Vec::new();
        for pat in inputs {
            pat_idents(pat, &mut params);
        }
        let scope = Scope {
            range,
            params,
            name: sig.map(|s| &s.ident),
            output: sig.map(|s| &s.output),
            body,
            sig,
            public,
        };
        self.cx.scopes.push(scope);
    }
}

/// `Some(x)`, `Ok(x)`, `Box::new(x)`, `Arc::new(x)`: the value is passed on only if the wrapper is.
fn is_wrapper(c: &syn::ExprCall) -> bool {
    let Expr::Path(p) = &*c.func else {
        return false;
    };
    let segs: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    matches!(
        segs.iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["Some"] | ["Ok"] | [.., "Box" | "Arc" | "Rc", "new"]
    )
}

fn sig_pats(sig: &syn::Signature) -> impl Iterator<Item = &Pat> {
    sig.inputs.iter().filter_map(|arg| match arg {
        syn::FnArg::Typed(t) => Some(&*t.pat),
        syn::FnArg::Receiver(_) => None,
    })
}

/// The names a pattern binds, in order.
pub(crate) fn pat_idents<'a>(pat: &'a Pat, out: &mut Vec<&'a Ident>) {
    match pat {
        Pat::Ident(i) => out.push(&i.ident),
        Pat::Tuple(t) => t.elems.iter().for_each(|p| pat_idents(p, out)),
        Pat::TupleStruct(t) => t.elems.iter().for_each(|p| pat_idents(p, out)),
        Pat::Struct(s) => s.fields.iter().for_each(|f| pat_idents(&f.pat, out)),
        Pat::Type(t) => pat_idents(&t.pat, out),
        Pat::Reference(r) => pat_idents(&r.pat, out),
        Pat::Slice(s) => s.elems.iter().for_each(|p| pat_idents(p, out)),
        Pat::Or(o) => o.cases.iter().for_each(|p| pat_idents(p, out)),
        Pat::Paren(p) => pat_idents(&p.pat, out),
        Pat::Guard(g) => pat_idents(&g.pat, out),
        _ => {}
    }
}

/// `#[test]`, `#[tokio::test]`, `#[cfg(test)]`, `#[cfg(all(test, …))]`.
fn is_test_attr(attr: &syn::Attribute) -> bool {
    let path = attr.path();
    if path
        .segments
        .last()
        .is_some_and(|s| s.ident == "test" || s.ident == "bench")
    {
        return true;
    }
    if path.is_ident("cfg")
        && let syn::Meta::List(list) = &attr.meta
    {
        return crate::modules::cfg_requires_test(list.tokens.clone());
    }
    false
}

impl<'a> Visit<'a> for Indexer<'_, 'a> {
    fn visit_item(&mut self, item: &'a syn::Item) {
        self.cx.statements.push(Statement::Item(item));
        visit::visit_item(self, item);
    }

    fn visit_item_mod(&mut self, m: &'a syn::ItemMod) {
        self.mark_test(&m.attrs, m);
        visit::visit_item_mod(self, m);
    }

    fn visit_item_fn(&mut self, f: &'a syn::ItemFn) {
        self.mark_test(&f.attrs, f);
        let r = self.cx.fn_range(&f.sig, &f.block);
        let public = matches!(f.vis, syn::Visibility::Public(_));
        self.push_scope(r, sig_pats(&f.sig), Some(&f.sig), Some(&f.block), public);
        visit::visit_item_fn(self, f);
    }

    fn visit_item_struct(&mut self, s: &'a syn::ItemStruct) {
        self.cx.struct_defs.push(s);
        visit::visit_item_struct(self, s);
    }

    fn visit_item_impl(&mut self, i: &'a syn::ItemImpl) {
        self.mark_test(&i.attrs, i);
        self.cx.impls.push(i);
        let outer = std::mem::replace(&mut self.in_trait_impl, i.trait_.is_some());
        visit::visit_item_impl(self, i);
        self.in_trait_impl = outer;
    }

    fn visit_impl_item(&mut self, item: &'a syn::ImplItem) {
        self.cx.statements.push(Statement::ImplItem(item));
        visit::visit_impl_item(self, item);
    }

    fn visit_impl_item_fn(&mut self, f: &'a syn::ImplItemFn) {
        self.mark_test(&f.attrs, f);
        let r = self.cx.fn_range(&f.sig, &f.block);
        let public = self.in_trait_impl || matches!(f.vis, syn::Visibility::Public(_));
        self.push_scope(r, sig_pats(&f.sig), Some(&f.sig), Some(&f.block), public);
        visit::visit_impl_item_fn(self, f);
    }

    fn visit_trait_item_fn(&mut self, f: &'a syn::TraitItemFn) {
        if let Some(block) = &f.default {
            let r = self.cx.fn_range(&f.sig, block);
            self.push_scope(r, sig_pats(&f.sig), Some(&f.sig), Some(block), true);
        }
        visit::visit_trait_item_fn(self, f);
    }

    fn visit_impl_item_const(&mut self, c: &'a syn::ImplItemConst) {
        self.push_const(&c.ident, &c.expr);
        visit::visit_impl_item_const(self, c);
    }

    fn visit_item_const(&mut self, c: &'a syn::ItemConst) {
        self.mark_value(&c.expr);
        self.push_const(&c.ident, &c.expr);
        visit::visit_item_const(self, c);
    }

    fn visit_item_static(&mut self, s: &'a syn::ItemStatic) {
        self.mark_value(&s.expr);
        self.push_const(&s.ident, &s.expr);
        visit::visit_item_static(self, s);
    }

    fn visit_item_use(&mut self, u: &'a syn::ItemUse) {
        let mut prefix = Vec::new();
        collect_use(&u.tree, &mut prefix, &mut self.cx.uses);
        visit::visit_item_use(self, u);
    }

    fn visit_stmt(&mut self, s: &'a syn::Stmt) {
        if !matches!(s, syn::Stmt::Item(_)) {
            self.cx.statements.push(Statement::Stmt(s));
        }
        visit::visit_stmt(self, s);
    }

    fn visit_local(&mut self, l: &'a syn::Local) {
        let mut pat = &l.pat;
        let mut ty = None;
        if let Pat::Type(t) = pat {
            pat = &t.pat;
            ty = Some(&*t.ty);
        }
        let block = self.blocks.last().cloned().unwrap_or(0..self.cx.text.len());
        if let Pat::Ident(i) = pat {
            let offset = self.cx.range(l).start;
            if let Some(init) = &l.init {
                self.mark_value(&init.expr);
            }
            self.cx.lets.push(LetBinding {
                name: &i.ident,
                mutable: i.mutability.is_some(),
                init: l.init.as_ref().map(|i| &*i.expr),
                ty,
                offset,
                end: self.cx.span_range(l.semi_token.span).end,
                block,
                cfg: l.attrs.iter().any(|a| a.path().is_ident("cfg")),
            });
        } else if let Some(init) = &l.init {
            let end = self.cx.span_range(l.semi_token.span).end;
            self.push_patterns(pat, &init.expr, end, block);
        }
        visit::visit_local(self, l);
    }

    fn visit_block(&mut self, b: &'a syn::Block) {
        let span = b.brace_token.span;
        let range = self.cx.span_range(span.open()).start..self.cx.span_range(span.close()).end;
        self.blocks.push(range);
        visit::visit_block(self, b);
        self.blocks.pop();
    }

    fn visit_field_value(&mut self, f: &'a syn::FieldValue) {
        self.cx.statements.push(Statement::FieldValue(f));
        visit::visit_field_value(self, f);
    }

    fn visit_arm(&mut self, a: &'a syn::Arm) {
        self.cx.statements.push(Statement::Arm(a));
        visit::visit_arm(self, a);
    }

    fn visit_expr_if(&mut self, i: &'a syn::ExprIf) {
        let range = self.cx.range(&i.then_branch);
        if let Expr::Let(l) = &*i.cond {
            self.push_patterns(&l.pat, &l.expr, range.start, range.clone());
        }
        let guard = match &*i.cond {
            Expr::Let(l) => Guard::Match {
                scrutinee: &l.expr,
                pat: &l.pat,
                arms: 1,
                if_let: true,
            },
            cond => Guard::If { cond, when: true },
        };
        self.cx.branches.push(Branch { range, guard });
        if let (Some((_, otherwise)), false) = (&i.else_branch, matches!(&*i.cond, Expr::Let(_))) {
            self.cx.branches.push(Branch {
                range: self.cx.range(&**otherwise),
                guard: Guard::If {
                    cond: &i.cond,
                    when: false,
                },
            });
        }
        visit::visit_expr_if(self, i);
    }

    fn visit_expr_match(&mut self, m: &'a syn::ExprMatch) {
        for arm in &m.arms {
            let body = self.cx.range(&*arm.body);
            let start = self.cx.range(&arm.pat).start;
            self.push_patterns(&arm.pat, &m.expr, start, start..body.end);
            self.cx.branches.push(Branch {
                range: body,
                guard: Guard::Match {
                    scrutinee: &m.expr,
                    pat: &arm.pat,
                    arms: m.arms.len(),
                    if_let: false,
                },
            });
        }
        visit::visit_expr_match(self, m);
    }

    fn visit_expr_while(&mut self, w: &'a syn::ExprWhile) {
        if let Expr::Let(l) = &*w.cond {
            let body = w.body.brace_token.span;
            let scope = self.cx.span_range(body.open()).start..self.cx.span_range(body.close()).end;
            self.push_patterns(&l.pat, &l.expr, scope.start, scope);
        }
        visit::visit_expr_while(self, w);
    }

    fn visit_expr_for_loop(&mut self, f: &'a syn::ExprForLoop) {
        let body = f.body.brace_token.span;
        let scope = self.cx.span_range(body.open()).start..self.cx.span_range(body.close()).end;
        for (name, steps) in crate::destructure::bindings(&f.pat) {
            self.cx.patterns.push(PatternBinding {
                name,
                source: &f.expr,
                steps: std::iter::once(crate::destructure::Step::Opaque)
                    .chain(steps)
                    .collect(),
                offset: scope.start,
                scope: scope.clone(),
            });
        }
        visit::visit_expr_for_loop(self, f);
    }

    fn visit_expr_closure(&mut self, c: &'a syn::ExprClosure) {
        let r = self.cx.range(c);
        self.push_scope(r, c.inputs.iter(), None, None, false);
        visit::visit_expr_closure(self, c);
    }

    fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
        self.cx.method_calls.push(m);
        m.args.iter().for_each(|a| self.mark_value(a));
        visit::visit_expr_method_call(self, m);
    }

    fn visit_expr_call(&mut self, c: &'a syn::ExprCall) {
        self.cx.calls.push(c);
        if !is_wrapper(c) {
            c.args.iter().for_each(|a| self.mark_value(a));
        }
        visit::visit_expr_call(self, c);
    }

    fn visit_expr_path(&mut self, p: &'a syn::ExprPath) {
        self.cx.paths.push(p);
        visit::visit_expr_path(self, p);
    }

    fn visit_expr_struct(&mut self, s: &'a syn::ExprStruct) {
        self.cx.structs.push(s);
        s.fields.iter().for_each(|f| self.mark_value(&f.expr));
        visit::visit_expr_struct(self, s);
    }

    fn visit_expr_assign(&mut self, a: &'a syn::ExprAssign) {
        self.cx.assigns.push(a);
        self.mark_value(&a.right);
        visit::visit_expr_assign(self, a);
    }

    fn visit_expr_binary(&mut self, b: &'a syn::ExprBinary) {
        use syn::BinOp::{Eq, Ge, Gt, Le, Lt, Ne};
        if matches!(b.op, Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_)) {
            let (l, r) = (self.cx.range(&*b.left), self.cx.range(&*b.right));
            self.cx.compared.extend([l, r]);
        }
        visit::visit_expr_binary(self, b);
    }

    fn visit_macro(&mut self, m: &'a syn::Macro) {
        self.cx.macros.push(m);
        visit::visit_macro(self, m);
    }

    fn visit_expr_lit(&mut self, l: &'a syn::ExprLit) {
        match &l.lit {
            syn::Lit::Str(s) => self.cx.strings.push(s),
            syn::Lit::ByteStr(b) => self.cx.byte_strings.push(b),
            _ => {}
        }
        visit::visit_expr_lit(self, l);
    }
}

fn collect_use(
    tree: &syn::UseTree,
    prefix: &mut Vec<String>,
    out: &mut FxHashMap<String, Vec<String>>,
) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            collect_use(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let mut full = prefix.clone();
            full.push(n.ident.to_string());
            if n.ident != "self" {
                out.insert(n.ident.to_string(), full);
            } else if let Some(last) = prefix.last() {
                out.insert(last.clone(), prefix.clone());
            }
        }
        syn::UseTree::Rename(r) => {
            let mut full = prefix.clone();
            full.push(r.ident.to_string());
            out.insert(r.rename.to_string(), full);
        }
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| collect_use(t, prefix, out)),
        syn::UseTree::Glob(_) => {}
    }
}
