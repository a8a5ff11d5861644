//! Reading source files into a buffer that each worker thread reuses. Most files fail the
//! prefilter and are dropped right after one pass over their bytes; reading each into a fresh
//! allocation made the allocator map and zero new pages for every one of them (a tenth of a
//! dependency audit). Only a file that is kept is copied into its own `String`.

use std::cell::RefCell;
use std::io::Read;
use std::path::Path;

/// A buffer over this size is released after use instead of being kept for the next file.
const KEEP_BYTES: usize = 4 * 1024 * 1024;

/// The size a buffer starts at, and grows from by doubling.
const FIRST_BYTES: usize = 64 * 1024;

thread_local! {
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Reads `path` and hands its bytes to `f`, in this thread's reusable buffer.
pub fn with_bytes<R>(path: &Path, f: impl FnOnce(&[u8]) -> R) -> std::io::Result<R> {
    BUFFER.with(|cell| {
        let mut buffer = cell.take();
        let read = std::fs::File::open(path).and_then(|file| read_into(file, &mut buffer));
        let result = read.map(|len| f(&buffer[..len]));
        if buffer.len() <= KEEP_BYTES {
            cell.replace(buffer);
        }
        result
    })
}

/// Reads `file` to its end into `buffer` (kept initialized and grown as needed), returning the
/// length read. Unlike `read_to_end`, it does not ask the file system for the file's size first:
/// a buffer that held the last file usually holds this one, so a file costs two `read` calls.
fn read_into(mut file: std::fs::File, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    let mut len = 0;
    loop {
        if len == buffer.len() {
            buffer.resize((2 * len).max(FIRST_BYTES), 0);
        }
        match file.read(&mut buffer[len..]) {
            Ok(0) => return Ok(len),
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_file_whole_with_one_buffer() {
        let dir = tempfile::tempdir().expect("temp dir");
        let long = dir.path().join("long.rs");
        let short = dir.path().join("short.rs");
        std::fs::write(&long, "x".repeat(200_000)).expect("write");
        std::fs::write(&short, "fn f() {}").expect("write");
        assert_eq!(with_bytes(&long, <[u8]>::len).expect("read"), 200_000);
        assert_eq!(
            with_bytes(&short, <[u8]>::to_vec).expect("read"),
            b"fn f() {}",
            "nothing of the longer file is left over"
        );
        assert!(with_bytes(&dir.path().join("missing.rs"), <[u8]>::len).is_err());
    }
}
