//! Confined reading. Every file a run reads belongs to a tree — the workspace (with the git
//! repository around the directory the run started in), or one dependency's package directory —
//! and is resolved, symlinks included, before it is opened: a path that leads outside its tree,
//! that is not a regular file (a directory, a FIFO, a device such as `/dev/zero`), or whose size
//! (read from its metadata, never by reading it) is over [`MAX_READ_BYTES`] is refused with a
//! reason, and not a byte of it is read. FIFOs are never opened, so nothing can block the run.

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The largest file read. Larger files (generated code, a sparse file that claims a gigabyte) are
/// refused from their metadata alone.
pub const MAX_READ_BYTES: u64 = 64 << 20;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refusal {
    /// It does not exist.
    Missing,
    /// It resolves (through `..` or a symlink) outside its tree.
    Outside,
    /// It is not a regular file: what it is instead.
    NotRegular(&'static str),
    /// Its size, over [`MAX_READ_BYTES`].
    TooLarge(u64),
    /// Another error of the file system.
    Io(std::io::Error),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Missing => write!(f, "no such file"),
            Refusal::Outside => write!(f, "it lies outside the workspace; not read"),
            Refusal::NotRegular(what) => write!(f, "it is {what}, not a regular file; not read"),
            Refusal::TooLarge(len) => write!(
                f,
                "the file is {:.1} MiB, over the {} MiB read limit; not read",
                *len as f64 / 1048576.0,
                MAX_READ_BYTES >> 20
            ),
            Refusal::Io(e) => write!(f, "{e}"),
        }
    }
}

impl Refusal {
    /// Whether the refusal is a failure of the file system (exit status 2) rather than a file the
    /// tree should not have pointed at.
    pub fn is_io(&self) -> bool {
        matches!(self, Refusal::Io(_))
    }

    fn from_io(e: std::io::Error) -> Refusal {
        if e.kind() == std::io::ErrorKind::NotFound {
            Refusal::Missing
        } else {
            Refusal::Io(e)
        }
    }
}

/// The directories a set of files may be read from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tree {
    roots: Vec<Root>,
}

/// One directory of a tree, as written (normalized) and as resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Root {
    written: PathBuf,
    resolved: PathBuf,
}

impl Tree {
    /// A tree of `roots` (resolved here; a root that cannot be resolved is kept as given).
    pub fn new(roots: impl IntoIterator<Item = PathBuf>) -> Tree {
        let mut tree = Tree::default();
        for root in roots {
            tree.add_root(&root);
        }
        tree
    }

    /// The tree of a run started in `start`: the git repository around it (its nearest ancestor
    /// holding `.git`, found here rather than by git), else `start` itself.
    pub fn around(start: &Path) -> Tree {
        Tree::new([repository_top(start).unwrap_or_else(|| start.to_path_buf())])
    }

    /// Adds a root, unless an existing root already holds it.
    pub fn add_root(&mut self, root: &Path) {
        let written = normalize(root);
        let resolved = std::fs::canonicalize(root).unwrap_or_else(|_| written.clone());
        if !self.contains(&resolved) {
            self.roots.retain(|r| !r.resolved.starts_with(&resolved));
            self.roots.push(Root { written, resolved });
        }
    }

    /// Whether the resolved path `canonical` lies in the tree.
    pub fn contains(&self, canonical: &Path) -> bool {
        self.roots
            .iter()
            .any(|r| canonical.starts_with(&r.resolved))
    }

    /// Whether `path`, as written (made absolute, `..` removed by spelling, no symlink resolved),
    /// lies in the tree.
    pub fn holds_lexically(&self, path: &Path) -> bool {
        let path = normalize(path);
        self.roots
            .iter()
            .any(|r| path.starts_with(&r.written) || path.starts_with(&r.resolved))
    }

    /// Resolves `path` and checks it: inside the tree, a regular file, within the read limit.
    /// Returns the resolved path.
    pub fn check(&self, path: &Path) -> Result<PathBuf, Refusal> {
        // One `lstat` answers for a missing file, which `canonicalize` would find only after a
        // `readlink` per component (a tree of 100k missing modules).
        std::fs::symlink_metadata(path).map_err(Refusal::from_io)?;
        let canonical = std::fs::canonicalize(path).map_err(Refusal::from_io)?;
        if !self.contains(&canonical) {
            return Err(Refusal::Outside);
        }
        let meta = std::fs::metadata(&canonical).map_err(Refusal::from_io)?;
        regular_within_limit(&meta)?;
        Ok(canonical)
    }

    /// Whether `path` would be read (see [`Tree::check`]).
    pub fn admits(&self, path: &Path) -> bool {
        self.check(path).is_ok()
    }

    /// Opens `path` after [`Tree::check`].
    pub fn open(&self, path: &Path) -> Result<File, Refusal> {
        let canonical = self.check(path)?;
        open_regular(&canonical)
    }

    /// Reads `path` whole, after [`Tree::check`].
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, Refusal> {
        read_all(self.open(path)?)
    }

    /// Reads a file the user named on the command line (`--config`, `--baseline`): a path
    /// written inside the tree must stay in it (a pull request cannot turn it into a symlink to
    /// a secret); a path written outside it is the user's own choice and is only checked to be a
    /// regular file within the limit.
    pub fn read_named(&self, path: &Path) -> Result<String, Refusal> {
        if self.holds_lexically(path) {
            return self.read_to_string(path);
        }
        Tree::new([normalize(path)
            .parent()
            .unwrap_or(Path::new("/"))
            .to_path_buf()])
        .read_to_string(path)
    }

    /// Reads `path` as UTF-8 text, after [`Tree::check`].
    pub fn read_to_string(&self, path: &Path) -> Result<String, Refusal> {
        String::from_utf8(self.read(path)?).map_err(|e| {
            Refusal::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "the file is not valid UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            ))
        })
    }
}

/// Opens a file that a directory walk found inside a tree without following any link (so it is
/// known to be there): the last component is opened without following a link, and the opened file
/// must be regular and within the read limit.
pub fn open_walked(path: &Path) -> Result<File, Refusal> {
    open_regular(path)
}

/// Opens `path` without following a final symlink and without blocking (a FIFO that slipped
/// past the metadata check opens at once instead of waiting for a writer), then checks the opened
/// file's own metadata.
fn open_regular(path: &Path) -> Result<File, Refusal> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return Refusal::NotRegular("a symbolic link");
        }
        Refusal::from_io(e)
    })?;
    let meta = file.metadata().map_err(Refusal::Io)?;
    regular_within_limit(&meta)?;
    Ok(file)
}

fn regular_within_limit(meta: &std::fs::Metadata) -> Result<(), Refusal> {
    let kind = meta.file_type();
    if !kind.is_file() {
        return Err(Refusal::NotRegular(describe(&kind)));
    }
    if meta.len() > MAX_READ_BYTES {
        return Err(Refusal::TooLarge(meta.len()));
    }
    Ok(())
}

fn describe(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

/// Reads `file` whole into a new vector (see [`read_capped`]).
pub fn read_all(file: File) -> Result<Vec<u8>, Refusal> {
    let mut bytes = Vec::new();
    let len = read_capped(file, &mut bytes)?;
    bytes.truncate(len);
    Ok(bytes)
}

/// Reads `file` to its end into `buffer`, at most [`MAX_READ_BYTES`] (a file that grows past the
/// limit while it is read is refused), and returns the length read. The buffer is grown as needed
/// and kept filled to its length, so that a reused buffer is not zeroed again for every file:
/// bytes past the returned length are left over from earlier reads.
pub fn read_capped(file: File, buffer: &mut Vec<u8>) -> Result<usize, Refusal> {
    read_into(file.take(MAX_READ_BYTES + 1), buffer)
}

/// Reads standard input to its end, at most [`MAX_READ_BYTES`]: more is refused as a larger
/// file is, so that `-` is bounded as every file is.
pub fn read_stdin() -> Result<Vec<u8>, Refusal> {
    let mut bytes = Vec::new();
    let len = read_into(std::io::stdin().lock().take(MAX_READ_BYTES + 1), &mut bytes)?;
    bytes.truncate(len);
    Ok(bytes)
}

fn read_into(mut file: impl Read, buffer: &mut Vec<u8>) -> Result<usize, Refusal> {
    const FIRST_BYTES: usize = 64 * 1024;
    let mut len = 0;
    if buffer.is_empty() {
        buffer.resize(FIRST_BYTES, 0);
    }
    loop {
        if len == buffer.len() {
            buffer.resize(2 * len, 0);
        }
        match file.read(&mut buffer[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Refusal::Io(e)),
        }
    }
    if len as u64 > MAX_READ_BYTES {
        return Err(Refusal::TooLarge(len as u64));
    }
    Ok(len)
}

/// Writes `bytes` to `path` by renaming a new file of the same directory over it, so that a
/// symlink at `path` is replaced rather than followed.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The nearest ancestor of `start` (itself included) that holds `.git` (a directory, or a file
/// naming the git directory of a worktree or submodule). Bare repositories are not looked for: a
/// tree can carry the files of one, but never a `.git` entry (git refuses to track it).
pub fn repository_top(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| normalize(start));
    start
        .ancestors()
        .find(|dir| std::fs::symlink_metadata(dir.join(".git")).is_ok_and(|m| !m.is_symlink()))
        .map(Path::to_path_buf)
}

/// `path` made absolute with `.` and `..` removed by their spelling, without touching the file
/// system (`a/b/../c` is `a/c` even if `b` is a symlink).
pub fn normalize(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_leaves_the_tree_or_is_not_a_regular_file() {
        let outside = tempfile::tempdir().expect("temp dir");
        let secret = outside.path().join("secret");
        std::fs::write(&secret, "TOKEN").expect("write");
        let dir = tempfile::tempdir().expect("temp dir");
        let tree = Tree::new([dir.path().to_path_buf()]);
        let inside = dir.path().join("a.rs");
        std::fs::write(&inside, "fn f() {}").expect("write");
        assert_eq!(
            tree.read_to_string(&inside).ok().as_deref(),
            Some("fn f() {}")
        );
        let dotdot = dir.path().join("..").join(
            outside
                .path()
                .file_name()
                .expect("name")
                .to_string_lossy()
                .as_ref(),
        );
        assert!(matches!(
            tree.read(&dotdot.join("secret")),
            Err(Refusal::Outside)
        ));
        assert!(matches!(
            tree.read(Path::new("/dev/zero")),
            Err(Refusal::Outside)
        ));
        assert!(matches!(
            tree.read(&dir.path().join("missing.rs")),
            Err(Refusal::Missing)
        ));
        assert!(matches!(
            tree.read(dir.path()),
            Err(Refusal::NotRegular("a directory"))
        ));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.rs");
            std::os::unix::fs::symlink(&secret, &link).expect("symlink");
            assert!(matches!(tree.read(&link), Err(Refusal::Outside)));
            let root_tree = Tree::new([PathBuf::from("/")]);
            assert!(matches!(
                root_tree.read(Path::new("/dev/zero")),
                Err(Refusal::NotRegular("a device"))
            ));
            assert!(matches!(
                open_walked(&link),
                Err(Refusal::NotRegular("a symbolic link"))
            ));
        }
    }

    #[test]
    fn a_sparse_file_is_refused_from_its_metadata() {
        let dir = tempfile::tempdir().expect("temp dir");
        let big = dir.path().join("big.rs");
        let file = File::create(&big).expect("create");
        file.set_len(MAX_READ_BYTES + 1).expect("set_len");
        let tree = Tree::new([dir.path().to_path_buf()]);
        assert!(matches!(tree.read(&big), Err(Refusal::TooLarge(_))));
    }

    #[test]
    fn normalizes_by_spelling() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
    }
}
