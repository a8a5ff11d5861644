//! The git side of `--diff <rev>` and `--staged`, run so that nothing the scanned repository
//! configures is executed and nothing it contains chooses the repository.
//!
//! - The repository is the one around the directory the run started in, found by us
//!   ([`crate::plan::confine::repository_top`]: the nearest ancestor holding `.git`), and named to git
//!   explicitly (`GIT_DIR`, `GIT_WORK_TREE`), so git never discovers one — in particular not the
//!   files of a bare repository that a pull request commits into a subdirectory.
//! - git runs only plumbing commands that never read the working tree or write the index:
//!   `rev-parse`, `ls-tree`, `ls-files --stage` and `cat-file --batch` (raw blobs, no filters).
//!   The diff is computed here. So no clean/smudge filter, `process` filter, textconv, external
//!   diff, fsmonitor hook, pager or hook is ever started; they are also switched off on the
//!   command line (`-c`, which overrides the repository's configuration), with bare-repository
//!   discovery off, optional locks off, and every revision given after `--end-of-options`.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::plan::confine::MAX_READ_BYTES;

/// A git failure, with the command that failed and git's own message (one line).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct GitError(pub String);

/// The configuration that every git command runs under: each repository-local way to start a
/// program switched off.
const SAFE_CONFIG: &[&str] = &[
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.untrackedCache=false",
    "diff.external=",
    "safe.bareRepository=explicit",
    "gc.auto=0",
    "maintenance.auto=false",
];

/// A repository found around a directory.
#[derive(Debug)]
pub struct Repo {
    /// Its top directory (where `.git` is).
    pub top: PathBuf,
}

/// One entry of the index or of a tree: mode, object id, path relative to the top.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// `100644`, `100755` (regular files), `120000` (a symlink), `160000` (a submodule).
    pub mode: String,
    /// The object id.
    pub oid: String,
    /// The path, `/`-separated, relative to the top.
    pub path: String,
}

impl Entry {
    /// Whether the entry is a regular file (not a symlink or a submodule).
    pub fn is_regular(&self) -> bool {
        self.mode.starts_with("100")
    }
}

impl Repo {
    /// The repository around `start`.
    pub fn around(start: &Path) -> Result<Repo, GitError> {
        crate::plan::confine::repository_top(start)
            .map(|top| Repo { top })
            .ok_or_else(|| {
                GitError(format!(
                    "`{}` is not inside a git repository (no `.git` in it or any parent)",
                    start.display()
                ))
            })
    }

    fn command(&self) -> Command {
        self.command_with(SAFE_CONFIG)
    }

    fn command_with(&self, config: &[&str]) -> Command {
        let mut cmd = Command::new("git");
        for setting in config {
            cmd.arg("-c").arg(setting);
        }
        cmd.arg("--no-pager")
            .env("GIT_DIR", self.top.join(".git"))
            .env("GIT_WORK_TREE", &self.top)
            .env("GIT_OPTIONAL_LOCKS", "0")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_PAGER", "cat")
            .env_remove("GIT_EXTERNAL_DIFF")
            .env_remove("GIT_CONFIG_PARAMETERS")
            .env_remove("GIT_CONFIG_COUNT")
            .current_dir(&self.top)
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Result<Vec<u8>, GitError> {
        let out = self.command().args(args).output().map_err(cannot_run)?;
        if !out.status.success() {
            return Err(failure(args, &out.stderr));
        }
        Ok(out.stdout)
    }

    /// Where git keeps `rel` inside the repository's git directory (`hooks/pre-commit` honours
    /// `core.hooksPath` and worktrees, so that setting is not overridden here).
    pub fn git_path(&self, rel: &str) -> Result<PathBuf, GitError> {
        let config: Vec<&str> = SAFE_CONFIG
            .iter()
            .copied()
            .filter(|c| !c.starts_with("core.hooksPath="))
            .collect();
        let out = self
            .command_with(&config)
            .args(["rev-parse", "--git-path", rel])
            .output()
            .map_err(cannot_run)?;
        if !out.status.success() {
            return Err(failure(&["rev-parse", "--git-path", rel], &out.stderr));
        }
        let path =
            PathBuf::from(String::from_utf8_lossy(&out.stdout).trim_end_matches(['\n', '\r']));
        Ok(if path.is_absolute() {
            path
        } else {
            self.top.join(path)
        })
    }

    /// The commit `rev` names (`rev` is a revision, never an option).
    pub fn commit(&self, rev: &str) -> Result<String, GitError> {
        let spec = format!("{rev}^{{commit}}");
        let out = self.run(&["rev-parse", "--verify", "--end-of-options", &spec])?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    }

    /// The entries of the tree of commit `commit` (all of it, recursively).
    pub fn tree(&self, commit: &str) -> Result<Vec<Entry>, GitError> {
        let out = self.run(&[
            "ls-tree",
            "-r",
            "-z",
            "--full-tree",
            "--end-of-options",
            commit,
        ])?;
        Ok(parse_entries(&out, |meta| {
            let mut words = meta.split(' ');
            let mode = words.next()?;
            let _kind = words.next()?;
            Some((mode, words.next()?))
        }))
    }

    /// The tree of `HEAD`, empty before the first commit.
    pub fn head_tree(&self) -> Result<Vec<Entry>, GitError> {
        match self.commit("HEAD") {
            Ok(head) => self.tree(&head),
            Err(_) => Ok(Vec::new()),
        }
    }

    /// The index's entries at stage 0 (entries in conflict are left out).
    pub fn index(&self) -> Result<Vec<Entry>, GitError> {
        let out = self.run(&["ls-files", "--stage", "-z"])?;
        Ok(parse_entries(&out, |meta| {
            let mut words = meta.split(' ');
            let mode = words.next()?;
            let oid = words.next()?;
            (words.next()? == "0").then_some((mode, oid))
        }))
    }

    /// The contents of `objects` (object ids, or `commit:path` specs) as git stores them, without
    /// filters. A spec that cannot be asked for (it holds a newline) is [`Blob::Missing`].
    pub fn blobs(&self, objects: &[String]) -> Result<Vec<Blob>, GitError> {
        let asked: Vec<&String> = objects.iter().filter(|o| !o.contains('\n')).collect();
        let mut child = self
            .command()
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(cannot_run)?;
        let stdin = child.stdin.take();
        let writer = std::thread::spawn({
            let lines: Vec<String> = asked.iter().map(|o| format!("{o}\n")).collect();
            move || -> std::io::Result<()> {
                if let Some(mut stdin) = stdin {
                    for line in lines {
                        stdin.write_all(line.as_bytes())?;
                    }
                }
                Ok(())
            }
        });
        let mut found = HashMap::new();
        if let Some(stdout) = child.stdout.take() {
            let mut reader = BufReader::new(stdout);
            for object in &asked {
                let mut header = String::new();
                if reader
                    .read_line(&mut header)
                    .map_err(|e| GitError(format!("cannot read from git: {e}")))?
                    == 0
                {
                    break;
                }
                let words: Vec<&str> = header.trim_end().split(' ').collect();
                let Some(size) = words.get(2).and_then(|s| s.parse::<u64>().ok()) else {
                    continue;
                };
                let blob = if size > MAX_READ_BYTES {
                    std::io::copy(&mut (&mut reader).take(size + 1), &mut std::io::sink())
                        .map_err(|e| GitError(format!("cannot read from git: {e}")))?;
                    Blob::TooLarge(size)
                } else {
                    let mut content = vec![0; size as usize + 1];
                    reader
                        .read_exact(&mut content)
                        .map_err(|e| GitError(format!("cannot read from git: {e}")))?;
                    content.pop();
                    Blob::Content(content)
                };
                found.insert(object.as_str(), blob);
            }
        }
        let _ = writer.join();
        let out = child.wait_with_output().map_err(cannot_run)?;
        if !out.status.success() {
            return Err(failure(&["cat-file", "--batch"], &out.stderr));
        }
        Ok(objects
            .iter()
            .map(|o| found.remove(o.as_str()).unwrap_or(Blob::Missing))
            .collect())
    }
}

/// One object's content, as [`Repo::blobs`] found it.
#[derive(Debug, PartialEq, Eq)]
pub enum Blob {
    /// Its bytes.
    Content(Vec<u8>),
    /// Its size, over [`MAX_READ_BYTES`]: not kept.
    TooLarge(u64),
    /// No such object (a path the commit does not have).
    Missing,
}

/// A failed command, described in one line: the command, then git's first line of complaint
/// (git may explain over several lines; the first says what failed). Control characters in
/// either (a revision or path can hold an escape sequence) are written as `\u{..}`.
fn failure(args: &[&str], stderr: &[u8]) -> GitError {
    let stderr = String::from_utf8_lossy(stderr);
    let first = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("no message");
    GitError(format!(
        "`git {}` failed: {}",
        crate::plan::shown(&args.join(" ")),
        crate::plan::shown(first)
    ))
}

/// git could not be started at all (not installed, not on `PATH`).
fn cannot_run(e: std::io::Error) -> GitError {
    GitError(format!(
        "cannot run git (is it installed and on PATH?): {e}"
    ))
}

/// Parses `-z` listings of `META\tPATH\0` records; `meta` returns (mode, oid) or `None` to skip.
fn parse_entries(out: &[u8], meta: impl Fn(&str) -> Option<(&str, &str)>) -> Vec<Entry> {
    out.split(|b| *b == 0)
        .filter_map(|record| {
            let record = std::str::from_utf8(record).ok()?;
            let (head, path) = record.split_once('\t')?;
            let (mode, oid) = meta(head)?;
            Some(Entry {
                mode: mode.to_string(),
                oid: oid.to_string(),
                path: path.to_string(),
            })
        })
        .collect()
}

/// Added line ranges of one file (1-based, inclusive).
pub type AddedLines = Vec<RangeInclusive<usize>>;

/// The lines of `new` that are added or changed relative to `old`, by a line diff (Myers, as git
/// does; on a pathological pair it gives up after a second and counts more lines as changed,
/// never fewer).
pub fn added_lines(old: &str, new: &str) -> AddedLines {
    use similar::{Algorithm, DiffOp};
    let diff = similar::TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(std::time::Duration::from_secs(1))
        .diff_lines(old, new);
    let mut out = Vec::new();
    for op in diff.ops() {
        let (start, len) = match *op {
            DiffOp::Insert {
                new_index, new_len, ..
            }
            | DiffOp::Replace {
                new_index, new_len, ..
            } => (new_index, new_len),
            DiffOp::Equal { .. } | DiffOp::Delete { .. } => continue,
        };
        if len > 0 {
            out.push(start + 1..=start + len);
        }
    }
    out
}

/// Whether tlslint lints a file of this name: Rust sources, manifests and lockfiles.
pub fn is_linted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.ends_with(".rs") || name == "Cargo.toml" || name == "Cargo.lock"
}

/// The index entries of the files a commit would change (added, copied, modified, renamed)
/// that tlslint lints: those whose mode or object differs from `HEAD`'s.
pub fn staged(index: &[Entry], head: &[Entry]) -> Vec<Entry> {
    let committed: HashMap<&str, (&str, &str)> = head
        .iter()
        .map(|e| (e.path.as_str(), (e.mode.as_str(), e.oid.as_str())))
        .collect();
    index
        .iter()
        .filter(|e| is_linted(&e.path))
        .filter(|e| committed.get(e.path.as_str()) != Some(&(e.mode.as_str(), e.oid.as_str())))
        .cloned()
        .collect()
}

/// Whether an index path is safe to write below a directory: relative, without `.`/`..`
/// components or a `.git` component (git refuses such paths, but the index is not trusted).
pub fn is_plain_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != ".." && !c.eq_ignore_ascii_case(".git"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_lines_of_a_change() {
        let old = "a\nb\nc\nd\n";
        let new = "a\nB\nc\nx\ny\nd\n";
        assert_eq!(added_lines(old, new), vec![2..=2, 4..=5]);
        assert_eq!(added_lines("", "a\nb\n"), vec![1..=2]);
        assert!(added_lines("a\nb\n", "a\n").is_empty());
    }

    #[test]
    fn staged_entries_differ_from_head() {
        let e = |mode: &str, oid: &str, path: &str| Entry {
            mode: mode.into(),
            oid: oid.into(),
            path: path.into(),
        };
        let head = vec![e("100644", "1", "src/a.rs"), e("100644", "2", "src/b.rs")];
        let index = vec![
            e("100644", "1", "src/a.rs"),
            e("100644", "3", "src/b.rs"),
            e("120000", "4", "src/c.rs"),
            e("100644", "5", "README.md"),
        ];
        let paths: Vec<String> = staged(&index, &head).into_iter().map(|e| e.path).collect();
        assert_eq!(paths, ["src/b.rs", "src/c.rs"]);
    }

    #[test]
    fn index_paths_must_stay_below() {
        assert!(is_plain_relative("src/a.rs"));
        for bad in [
            "",
            "/etc/x.rs",
            "../x.rs",
            "a/../../x.rs",
            "a/./b.rs",
            "a//b.rs",
            ".git/config",
            "a/.GIT/x",
            "a\\b.rs",
        ] {
            assert!(!is_plain_relative(bad), "{bad}");
        }
    }
}
