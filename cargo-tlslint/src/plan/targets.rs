//! Target selection as cargo does it: `--lib`, `--bins`, `--bin NAME`, `--examples`,
//! `--example NAME`, `--tests`, `--test NAME`, `--benches`, `--bench NAME`, `--all-targets`.
//! Without any of them a package's library, binaries, examples and build script are linted (and
//! its tests and benches with `--include-tests`); with some, only the targets they select (and
//! the build script, which cargo builds for any of them). The flags that build test code
//! (`--all-targets`, `--tests`, `--benches`, `--test NAME`, `--bench NAME`) also lint it:
//! `#[cfg(test)]` items and test targets, as `--include-tests` does.

use cargo_metadata::{Target, TargetKind};

/// Cargo's target-selection flags, flattened into [`crate::cli::Args`].
#[derive(clap::Args, Debug, Default)]
pub struct TargetArgs {
    /// Lint only the library (with other target flags: and those targets).
    #[arg(long, help_heading = "Target Selection")]
    pub lib: bool,
    /// Lint all binaries.
    #[arg(long, help_heading = "Target Selection")]
    pub bins: bool,
    /// Lint the named binary.
    #[arg(long, value_name = "NAME", help_heading = "Target Selection")]
    pub bin: Vec<String>,
    /// Lint all examples.
    #[arg(long, help_heading = "Target Selection")]
    pub examples: bool,
    /// Lint the named example.
    #[arg(long, value_name = "NAME", help_heading = "Target Selection")]
    pub example: Vec<String>,
    /// Lint the test targets and the targets with `test = true` (library, binaries), test code
    /// included.
    #[arg(long, help_heading = "Target Selection")]
    pub tests: bool,
    /// Lint the named test target.
    #[arg(long, value_name = "NAME", help_heading = "Target Selection")]
    pub test: Vec<String>,
    /// Lint the bench targets, the library and the binaries, test code included.
    #[arg(long, help_heading = "Target Selection")]
    pub benches: bool,
    /// Lint the named bench target.
    #[arg(long, value_name = "NAME", help_heading = "Target Selection")]
    pub bench: Vec<String>,
    /// Lint every target, test code included (`--include-tests`).
    #[arg(long, help_heading = "Target Selection")]
    pub all_targets: bool,
}

/// What a target is, as cargo's JSON messages name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A library (`lib`, `rlib`, `proc-macro`, …).
    Lib,
    /// A binary.
    Bin,
    /// An example.
    Example,
    /// An integration test.
    Test,
    /// A benchmark.
    Bench,
    /// The build script.
    CustomBuild,
}

impl Kind {
    /// The kind of a target from `cargo metadata`.
    pub fn of(target: &Target) -> Kind {
        let has = |k: &TargetKind| target.kind.contains(k);
        if has(&TargetKind::Bin) {
            Kind::Bin
        } else if has(&TargetKind::Example) {
            Kind::Example
        } else if has(&TargetKind::Test) {
            Kind::Test
        } else if has(&TargetKind::Bench) {
            Kind::Bench
        } else if has(&TargetKind::CustomBuild) {
            Kind::CustomBuild
        } else {
            Kind::Lib
        }
    }

    /// Whether all of the target is test code.
    pub fn is_test(self) -> bool {
        matches!(self, Kind::Test | Kind::Bench)
    }
}

impl TargetArgs {
    /// Whether any target flag was given (then only the selected targets are linted).
    fn any(&self) -> bool {
        self.lib
            || self.bins
            || self.examples
            || self.tests
            || self.benches
            || self.all_targets
            || !self.bin.is_empty()
            || !self.example.is_empty()
            || !self.test.is_empty()
            || !self.bench.is_empty()
    }

    /// Whether the selection builds test code, so that it is linted too.
    pub fn includes_test_code(&self) -> bool {
        self.all_targets
            || self.tests
            || self.benches
            || !self.test.is_empty()
            || !self.bench.is_empty()
    }

    /// Whether a flag selects targets by kind or name (rather than only adding test code), which
    /// has no meaning for PATHS.
    pub fn selects_by_kind(&self) -> bool {
        self.lib
            || self.bins
            || self.examples
            || !self.bin.is_empty()
            || !self.example.is_empty()
            || !self.test.is_empty()
            || !self.bench.is_empty()
    }

    /// Whether `target` is linted; `include_tests` is the policy's (test and bench targets
    /// without target flags).
    pub fn selects(&self, target: &Target, include_tests: bool) -> bool {
        let kind = Kind::of(target);
        if !self.any() {
            return !kind.is_test() || include_tests;
        }
        let named = |names: &[String]| names.contains(&target.name);
        self.all_targets
            || match kind {
                Kind::Lib => self.lib || (self.tests && target.test) || self.benches,
                Kind::Bin => {
                    self.bins || named(&self.bin) || (self.tests && target.test) || self.benches
                }
                Kind::Example => self.examples || named(&self.example),
                Kind::Test => self.tests || named(&self.test),
                Kind::Bench => self.benches || named(&self.bench),
                Kind::CustomBuild => true,
            }
    }

    /// The first target named by `--bin`, `--example`, `--test` or `--bench` that none of
    /// `targets` has, as cargo's error says it.
    pub fn missing_name<'t>(
        &self,
        targets: impl Iterator<Item = &'t Target> + Clone,
    ) -> Option<String> {
        let wanted = [
            ("bin", Kind::Bin, &self.bin),
            ("example", Kind::Example, &self.example),
            ("test", Kind::Test, &self.test),
            ("bench", Kind::Bench, &self.bench),
        ];
        wanted.into_iter().find_map(|(what, kind, names)| {
            names
                .iter()
                .find(|n| {
                    !targets
                        .clone()
                        .any(|t| Kind::of(t) == kind && t.name == **n)
                })
                .map(|n| format!("no {what} target named `{n}` in the selected packages"))
        })
    }
}
