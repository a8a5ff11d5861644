//! `cargo tlslint init`: writes a starter `tlslint.toml` at the workspace root with every policy
//! key commented out at its default, a line on what each does, every rule at its default level,
//! and the `#:schema` line that lets Taplo / Even Better TOML check the file. Like `cargo init`,
//! it never replaces an existing file.

use std::io::Write;
use std::path::Path;

use tlslint_lints::RULES;

use crate::cli::{Args, InitArgs};
use crate::exit::ExitStatus;
use crate::plan::{cargo, workspace};
use crate::policy::config::{KEYS, POLICY_FILE};
use crate::{policy::schema, render::rule_meta};

/// Writes the starter policy at the root of the workspace of `--manifest-path` (given before or
/// after `init`), or of the current directory, and says where; exit status 2 when the file
/// exists or the workspace cannot be found.
pub fn run(args: &Args, init: &InitArgs) -> ExitStatus {
    let given = init
        .manifest
        .manifest_path
        .as_deref()
        .or(args.manifest.manifest_path.as_deref());
    let root = match workspace::find_manifest(given).and_then(|m| cargo::metadata(&m)) {
        Ok(metadata) => metadata.workspace_root.into_std_path_buf(),
        Err(e) => return error(&format!("{e:#}")),
    };
    let path = root.join(POLICY_FILE);
    match write_new(&path, starter_policy().as_bytes()) {
        Ok(()) => {
            let _ = writeln!(
                anstream::stderr(),
                "tlslint: wrote `{}`; uncomment a setting to change it",
                path.display()
            );
            ExitStatus::Clean
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => error(&format!(
            "`{}` already exists; `cargo tlslint init` does not replace a policy (remove it first)",
            path.display()
        )),
        Err(e) => error(&format!("cannot write `{}`: {e}", path.display())),
    }
}

fn error(message: &str) -> ExitStatus {
    let message = crate::render::redacted_message(message);
    let _ = writeln!(anstream::stderr(), "error: {message}");
    ExitStatus::Error
}

/// Creates `path` with `bytes`, failing if anything (a file, a symbolic link) is there already.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// The starter policy: explanations as `# …` comments, settings as `#key = default` lines
/// (remove the `#` to set one).
pub fn starter_policy() -> String {
    let mut out = format!(
        "#:schema {}\n\
         # The cargo-tlslint policy of this workspace ({}#policy).\n\
         # Each setting is shown at its default: remove the `#` before it to change it. A member's\n\
         # own tlslint.toml replaces this file for its files; [package.metadata.tlslint] in a\n\
         # member's Cargo.toml goes above both.\n",
        schema::url(),
        rule_meta::REPOSITORY
    );
    for key in KEYS.iter().filter(|k| k.name != "lints") {
        out.push_str(&format!(
            "\n# {}\n#{} = {}\n",
            key.doc, key.name, key.default
        ));
    }
    if let Some(lints) = KEYS.iter().find(|k| k.name == "lints") {
        out.push_str(&format!("\n# {}\n#[lints]\n", lints.doc));
        for rule in RULES {
            out.push_str(&format!(
                "#{} = \"{}\"  # {}: {}\n",
                rule.name,
                rule.default_level.as_str(),
                rule.code,
                rule.summary
            ));
        }
    }
    out
}
