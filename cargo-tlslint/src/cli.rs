//! The command line, in cargo-subcommand shape: `cargo tlslint [OPTIONS] [PATHS]…`, also
//! `cargo-tlslint tlslint …` and plain `cargo-tlslint …`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, ValueEnum};
use tlslint_lints::{Level, Rule, find_rule};

/// The `cargo` wrapper that cargo-subcommand parsing needs.
#[derive(Parser, Debug)]
#[command(name = "cargo", bin_name = "cargo", styles = clap_cargo::style::CLAP_STYLING)]
pub enum CargoCli {
    /// Lint a workspace's TLS settings.
    Tlslint(Args),
}

/// `cargo tlslint`'s arguments.
#[derive(clap::Args, Debug)]
#[command(
    version,
    about = "Finds disabled certificate and hostname verification, legacy TLS and cleartext credentials in Rust code",
    disable_help_subcommand = true,
    after_help = "Exit status: 0 no finding at `deny`, 1 at least one (or a warning under `-D warnings`), 2 tool error.\nSee `cargo tlslint --list` for the rules and `cargo tlslint --explain TLS101` for one."
)]
pub struct Args {
    #[command(flatten)]
    pub manifest: clap_cargo::Manifest,
    #[command(flatten)]
    pub workspace: clap_cargo::Workspace,
    /// Also lint test and bench targets, `#[cfg(test)]` items and `#[test]` functions.
    #[arg(long)]
    include_tests: bool,
    /// Apply the policy's `exclude` globs and the test-code filter to files named on the command
    /// line too (by default a named file is always linted whole, as ruff does).
    #[arg(long)]
    pub force_exclude: bool,
    /// Output format; cargo's JSON variants combine, repeated or comma-separated
    /// (`--message-format json,json-diagnostic-short`).
    #[arg(
        long = "message-format",
        value_enum,
        value_delimiter = ',',
        default_value = "human",
        value_name = "FMT"
    )]
    message_formats: Vec<MessageFormat>,
    /// Coloring.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, env = "CARGO_TERM_COLOR", value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print nothing but the diagnostics (no summary line).
    #[arg(short, long)]
    pub quiet: bool,
    /// Say more: files linted, time taken.
    #[arg(short, long, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Set a rule (code or name) to `allow`, as clippy does; later level flags win over earlier
    /// ones, and all of them over the policy.
    #[arg(short = 'A', long = "allow", value_name = "RULE")]
    pub allow: Vec<String>,
    /// Set a rule to `warn`; `-W warnings` undoes an earlier `-D warnings`.
    #[arg(short = 'W', long = "warn", value_name = "RULE")]
    pub warn: Vec<String>,
    /// Set a rule to `deny`; `-D warnings`: fail on warnings too.
    #[arg(short = 'D', long = "deny", value_name = "warnings|RULE")]
    pub deny: Vec<String>,
    /// Set a rule to `forbid` (`deny` that no inline suppression can lift); `-F warnings` is
    /// `-D warnings`. (cargo's `-F` is `--features`: this is a linter, so `-F` is clippy's.)
    #[arg(short = 'F', long = "forbid", value_name = "warnings|RULE")]
    pub forbid: Vec<String>,
    /// The level flags in command-line order, filled from the parsed matches.
    #[arg(skip)]
    level_flags: Vec<(Level, String)>,
    /// Also audit the dependency tree: lint the sources of every package in `Cargo.lock` (from
    /// `$CARGO_HOME` or `--vendor-dir`; nothing is downloaded) and summarise which weaken TLS.
    #[arg(long)]
    pub dependencies: bool,
    /// The `cargo vendor` directory holding the dependencies' sources (implies `--dependencies`).
    #[arg(long, value_name = "DIR")]
    pub vendor_dir: Option<PathBuf>,
    /// Do not learn sinks from the dependencies' sources (a direct dependency's public function
    /// whose argument reaches a known TLS setting is otherwise judged like that setting).
    #[arg(long)]
    pub no_learn: bool,
    /// Where learned sinks are cached (default: `$XDG_CACHE_HOME/cargo-tlslint`, else
    /// `~/.cache/cargo-tlslint`).
    #[arg(long, value_name = "DIR", env = "TLSLINT_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Print a rule's documentation (by code or name) and exit.
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,
    /// List the rules with their default levels and exit.
    #[arg(long)]
    pub list: bool,
    /// Print the prefilter's trigger words, one per line (`(?i)` marks caseless ones), and exit.
    #[arg(long, hide = true)]
    pub print_needles: bool,
    /// A policy file (`tlslint.toml` format) that replaces the tree's policy: `Cargo.toml`
    /// metadata tables and `tlslint.toml` files are not read, so a pull request cannot switch
    /// rules off. Its `exclude` globs are relative to the workspace root. A cargo `KEY=VALUE`
    /// override is accepted and ignored.
    #[arg(long, value_name = "PATH")]
    pub config: Vec<String>,
    /// Files or directories to lint instead of the workspace (directories are walked for `.rs`
    /// files, honouring `.gitignore`); `-` reads one file from standard input.
    pub paths: Vec<PathBuf>,
    /// The path of the file read from standard input (`-`): it is shown under this name and gets
    /// the package, policy, test classification and suppressions of a file at that path (which
    /// is never read). Implies `-`, as in ruff.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    #[command(flatten)]
    pub targets: crate::plan::targets::TargetArgs,
    #[command(flatten)]
    pub integrations: IntegrationArgs,
    #[command(flatten)]
    pub fix: FixArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub ignored: IgnoredCargoFlags,
}

/// `cargo tlslint`'s subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Run the language server (LSP over stdio) for editors.
    Server(ServerArgs),
    /// Write a starter `tlslint.toml` at the workspace root: every setting commented out at its
    /// default, with the `#:schema` line for editors. An existing file is never replaced.
    Init(InitArgs),
}

/// `cargo tlslint init`'s arguments.
#[derive(clap::Args, Debug)]
pub struct InitArgs {
    /// `--manifest-path`: a manifest of the workspace to write the policy for.
    #[command(flatten)]
    pub manifest: clap_cargo::Manifest,
}

/// Cargo flags that editors and scripts pass to every cargo subcommand. They do not apply to a
/// syntactic linter (no build, no cfg evaluation) and are accepted and ignored.
#[derive(clap::Args, Debug, Default)]
pub struct IgnoredCargoFlags {
    #[arg(long, hide = true)]
    all_features: bool,
    #[arg(long, hide = true)]
    no_default_features: bool,
    #[arg(long, hide = true)]
    features: Vec<String>,
    #[arg(long, hide = true)]
    offline: bool,
    #[arg(long, hide = true)]
    locked: bool,
    #[arg(long, hide = true)]
    frozen: bool,
    #[arg(long, hide = true)]
    keep_going: bool,
    #[arg(long, hide = true)]
    release: bool,
    #[arg(long, hide = true)]
    profile: Option<String>,
    #[arg(long, hide = true)]
    target: Vec<String>,
    #[arg(long, hide = true)]
    target_dir: Option<PathBuf>,
    #[arg(short = 'j', long, hide = true)]
    jobs: Option<String>,
}

/// `--message-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MessageFormat {
    /// rustc-style diagnostics with source snippets (stderr).
    Human,
    /// One line per finding (stderr).
    Short,
    /// cargo's JSON messages, one per line (stdout).
    Json,
    /// cargo's JSON messages with ANSI-coloured `rendered` text (stdout), as rust-analyzer asks.
    #[value(name = "json-diagnostic-rendered-ansi")]
    JsonDiagnosticRenderedAnsi,
    /// cargo's JSON messages with `rendered` in the one-line form (stdout).
    #[value(name = "json-diagnostic-short")]
    JsonDiagnosticShort,
    /// The diagnostics rendered for people (stderr); only the other JSON messages on stdout.
    #[value(name = "json-render-diagnostics")]
    JsonRenderDiagnostics,
    /// SARIF 2.1.0 for GitHub code scanning (stdout).
    Sarif,
    /// GitHub Actions `::error`/`::warning` annotations (stdout) plus the human report (stderr).
    Github,
    /// GitLab Code Quality JSON (stdout).
    Gitlab,
}

/// `--message-format` resolved: one kind of output, and for JSON how diagnostics are rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Output {
    /// `Human`, `Short`, `Json`, `Sarif`, `Github` or `Gitlab`.
    pub format: MessageFormat,
    /// JSON: `rendered` with ANSI colours.
    pub rendered_ansi: bool,
    /// JSON: `rendered` in the one-line form.
    pub rendered_short: bool,
    /// JSON: diagnostics rendered for people on stderr instead of JSON messages.
    pub render_diagnostics: bool,
}

impl Output {
    /// Combines the `--message-format` values as cargo does: the JSON variants combine with
    /// `json` and with each other; two kinds of output are an error.
    pub fn of(values: &[MessageFormat]) -> Result<Output, ArgError> {
        let mut output = Output {
            format: MessageFormat::Human,
            rendered_ansi: false,
            rendered_short: false,
            render_diagnostics: false,
        };
        let mut kind: Option<MessageFormat> = None;
        for value in values {
            let this = match value {
                MessageFormat::JsonDiagnosticRenderedAnsi => {
                    output.rendered_ansi = true;
                    MessageFormat::Json
                }
                MessageFormat::JsonDiagnosticShort => {
                    output.rendered_short = true;
                    MessageFormat::Json
                }
                MessageFormat::JsonRenderDiagnostics => {
                    output.render_diagnostics = true;
                    MessageFormat::Json
                }
                other => *other,
            };
            match kind {
                Some(k) if k != this => {
                    return Err(ArgError::Formats(k.name(), this.name()));
                }
                _ => kind = Some(this),
            }
        }
        output.format = kind.unwrap_or(MessageFormat::Human);
        Ok(output)
    }
}

/// Arguments that cannot be taken together.
#[derive(Debug, thiserror::Error)]
pub enum ArgError {
    /// Two `--message-format` values of different kinds.
    #[error("cannot combine `--message-format` {0} with {1}")]
    Formats(String, String),
    /// Two `--config` files.
    #[error("`--config` names two policy files (`{}` and `{}`); give one", .0.display(), .1.display())]
    TwoPolicies(PathBuf, PathBuf),
}

impl MessageFormat {
    /// The value's name on the command line.
    fn name(self) -> String {
        self.to_possible_value()
            .map_or_else(String::new, |v| format!("`{}`", v.get_name()))
    }
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Color when writing to a terminal.
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

impl Args {
    /// Parses the process arguments, accepting the three invocation shapes.
    pub fn parse_from_env() -> Args {
        Args::parse_from_args(std::env::args_os())
    }

    /// Parses `argv` (with the program name first), accepting the three invocation shapes.
    pub fn parse_from_args(argv: impl IntoIterator<Item = OsString>) -> Args {
        let matches = CargoCli::command().get_matches_from(normalize_argv(argv));
        let CargoCli::Tlslint(mut args) =
            CargoCli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
        if let Some(sub) = matches.subcommand_matches("tlslint") {
            args.level_flags = level_flags_in_order(sub);
        }
        args
    }

    /// The rules that `-A/-W/-D/-F RULE` set, in command-line order (a later flag for the same
    /// rule wins); `warnings` is left out (see [`Args::deny_warnings`]). An unknown rule is an
    /// error.
    pub fn rule_levels(&self) -> Result<Vec<RuleLevel>, String> {
        let mut out = Vec::new();
        for (level, name) in self.level_flags.iter().filter(|(_, n)| n != "warnings") {
            let flag = level_flag(*level);
            let rule = find_rule(name).ok_or_else(|| {
                format!("unknown rule `{name}` in `{flag} {name}`; see `cargo tlslint --list`")
            })?;
            out.push(RuleLevel {
                rule,
                level: *level,
                flag: format!("{flag} {name}"),
            });
        }
        if self
            .level_flags
            .iter()
            .any(|(l, n)| n == "warnings" && *l == Level::Allow)
        {
            return Err("`-A warnings` is not supported; use `--exit-zero` to ignore findings, or `-A RULE`".into());
        }
        Ok(out)
    }

    /// The policy file of `--config`, if one was named: each value that contains `=` and names
    /// no file is a cargo configuration override and is ignored; two policy files are an error.
    pub fn policy_file(&self) -> Result<Option<PathBuf>, ArgError> {
        let mut files = self
            .config
            .iter()
            .filter(|v| !v.contains('=') || std::path::Path::new(v).exists());
        let first = files.next().map(PathBuf::from);
        if let Some(second) = files.next() {
            return Err(ArgError::TwoPolicies(
                first.unwrap_or_default(),
                PathBuf::from(second),
            ));
        }
        Ok(first)
    }

    /// The output `--message-format` asks for.
    pub fn output(&self) -> Result<Output, ArgError> {
        Output::of(&self.message_formats)
    }

    /// Whether one file is read from standard input: `-` is a path, or `--stdin-filename` is
    /// given.
    pub fn reads_stdin(&self) -> bool {
        self.stdin_filename.is_some() || self.paths.iter().any(|p| p.as_os_str() == "-")
    }

    /// Whether the run lints named files (PATHS or standard input) rather than a workspace.
    pub fn names_files(&self) -> bool {
        !self.paths.is_empty() || self.stdin_filename.is_some()
    }

    /// Whether test code is linted: `--include-tests`, or a target flag that builds tests.
    pub fn include_tests(&self) -> bool {
        self.include_tests || self.targets.includes_test_code()
    }

    /// Whether warnings fail the run: the last of `-D warnings`, `-F warnings` (yes) and
    /// `-W warnings` (no) decides.
    pub fn deny_warnings(&self) -> bool {
        self.level_flags
            .iter()
            .rev()
            .find(|(_, n)| n == "warnings")
            .is_some_and(|(l, _)| matches!(l, Level::Deny | Level::Forbid))
    }
}

/// A rule's level set on the command line.
#[derive(Clone, Debug)]
pub struct RuleLevel {
    /// The rule.
    pub rule: &'static Rule,
    /// Its level.
    pub level: Level,
    /// The flag as given (`-D TLS101`), for the note that says where the level came from.
    pub flag: String,
}

/// The short flag of a level.
fn level_flag(level: Level) -> &'static str {
    match level {
        Level::Allow => "-A",
        Level::Warn => "-W",
        Level::Deny => "-D",
        Level::Forbid => "-F",
    }
}

/// The values of `-A`, `-W`, `-D` and `-F`, with their levels, in command-line order.
fn level_flags_in_order(matches: &ArgMatches) -> Vec<(Level, String)> {
    let mut flags: Vec<(usize, Level, String)> = Vec::new();
    for (id, level) in [
        ("allow", Level::Allow),
        ("warn", Level::Warn),
        ("deny", Level::Deny),
        ("forbid", Level::Forbid),
    ] {
        if let (Some(indices), Some(values)) =
            (matches.indices_of(id), matches.get_many::<String>(id))
        {
            flags.extend(indices.zip(values).map(|(i, v)| (i, level, v.clone())));
        }
    }
    flags.sort_by_key(|(i, _, _)| *i);
    flags.into_iter().map(|(_, l, v)| (l, v)).collect()
}

/// `cargo-tlslint tlslint …` and `cargo-tlslint …` both become `cargo tlslint …`.
fn normalize_argv(argv: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut argv: Vec<OsString> = argv.into_iter().collect();
    if argv.get(1).is_none_or(|a| a != "tlslint") {
        argv.insert(1.min(argv.len()), "tlslint".into());
    }
    argv
}

/// The fix flags, flattened into [`Args`].
#[derive(clap::Args, Debug, Default)]
pub struct FixArgs {
    /// Apply the machine-applicable fixes in place, then lint again and report what remains.
    #[arg(long, conflicts_with_all = ["staged", "write_baseline", "dependencies", "vendor_dir"])]
    pub fix: bool,
    /// With `--fix` or `--show-fixes`: also apply the fixes that may change what the code does
    /// (rustc's `MaybeIncorrect`).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes `--fix` would apply as a unified diff (stdout) instead of writing them;
    /// exit 1 when there is one.
    #[arg(long, conflicts_with_all = ["fix", "staged", "dependencies", "vendor_dir"])]
    pub show_fixes: bool,
}

/// Flags of the integrations, flattened into [`Args`].
#[derive(clap::Args, Debug, Default)]
pub struct IntegrationArgs {
    /// Exit 0 even when there are findings (tool errors still exit 2), e.g. for SARIF upload jobs.
    #[arg(long)]
    pub exit_zero: bool,
    /// Write the report to this file instead of stdout (machine formats) or stderr (human).
    #[arg(long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,
    /// Report only findings not recorded in this baseline file (see `--write-baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (JSON), say how many, and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings on lines added or changed since this git revision.
    #[arg(long, value_name = "REV")]
    pub diff: Option<String>,
    /// Lint the staged contents of the staged `.rs`, `Cargo.toml` and `Cargo.lock` files (for a
    /// git pre-commit hook).
    #[arg(long, conflicts_with = "paths")]
    pub staged: bool,
    /// Write a git pre-commit hook that runs `cargo-tlslint --staged`, then exit.
    #[arg(long)]
    pub install_hook: bool,
}

/// `cargo tlslint server`'s arguments.
#[derive(clap::Args, Debug, Default)]
pub struct ServerArgs {
    /// Speak LSP over stdin and stdout (the only transport; accepted because clients pass it).
    #[arg(long)]
    pub stdio: bool,
    /// Do not learn sinks from the dependencies' sources.
    #[arg(long)]
    pub no_learn: bool,
    /// Where learned sinks are cached (default: `$XDG_CACHE_HOME/cargo-tlslint`, else
    /// `~/.cache/cargo-tlslint`).
    #[arg(long, value_name = "DIR", env = "TLSLINT_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,
}
