//! How a run ends: the exit statuses the README documents.

use std::process::ExitCode;

/// The exit status of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: nothing at a failing level (or only warnings without `--deny warnings`).
    #[default]
    Clean,
    /// 1: findings at a failing level.
    Findings,
    /// 2: the tool could not do its job (bad arguments or policy, unreadable input, cargo or git
    /// failed).
    Error,
}

impl ExitStatus {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(status.code())
    }
}

#[cfg(test)]
mod tests {
    use super::ExitStatus;

    #[test]
    fn codes_are_the_documented_ones() {
        let codes = [ExitStatus::Clean, ExitStatus::Findings, ExitStatus::Error].map(|s| s.code());
        assert_eq!(codes, [0, 1, 2]);
    }
}
